#!/usr/bin/env bash
# Command 2 of the README (and all that .ci/run does): install what the tests
# need, then run every check and test: formatting, lints, the window's type
# check and component tests, every Rust test, the real-app end-to-end tests
# under Xvfb, the Windows build's tests under Wine, and the Windows build with
# its installer installed, updated and removed under Wine. Benchmarks and
# fuzzing are separate (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
export PATH="$HOME/.cargo/bin:$PATH"
# A one-off build gains nothing from incremental data, which would double
# the debug build's size on a CI machine's disk.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
# One feature set for every cargo step, so the app is compiled once.
features=(--features chungthu-app/custom-protocol)
step() { printf '\n==> %s\n' "$*"; }
# openxml-audit (Word's validator rules, pinned) for the forms' tests/ooxml.rs.
audit_venv=$(realpath -m "${CARGO_TARGET_DIR:-target}/ooxml-audit")
[[ -x $audit_venv/bin/python ]] || python3 -m venv "$audit_venv"
"$audit_venv/bin/pip" install -q --disable-pip-version-check -r scripts/ooxml-audit-requirements.txt
export OOXML_AUDIT_PYTHON="$audit_venv/bin/python"

step "Định dạng mã Rust"
cargo fmt --all --check

step "Giao diện: kiểm tra kiểu, kiểm thử thành phần, dựng"
npm --prefix ui run check
npm --prefix ui test
npm --prefix ui run build

step "Rust: clippy"
cargo clippy --workspace --all-targets "${features[@]}" -- -D warnings

step "Rust: kiểm thử"
cargo test --workspace "${features[@]}"

step "Rust: kiểm thử của bản Windows, chạy dưới Wine"
scripts/test-windows.sh

step "Ứng dụng thật dưới Xvfb (tauri-driver + WebKitWebDriver)"
cargo build -p chungthu-app -p chungthu-cli "${features[@]}"
(cd tests/e2e && xvfb-run -a -s "-screen 0 1366x860x24" npm test)

step "Bản cho Windows và bộ cài (kiểm tra tệp .exe và nội dung bộ cài)"
scripts/build-windows.sh

step "Bộ cài Windows dưới Wine: cài, cập nhật giữ dữ liệu, gỡ; máy thiếu WebView2"
scripts/check-windows-install.sh

step "Tất cả kiểm thử đều đạt."
