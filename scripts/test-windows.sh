#!/usr/bin/env bash
# Runs the Windows build's own tests under Wine: every workspace crate but
# the Tauri app (which cannot open a window without WebView2) is built for
# x86_64-pc-windows-gnu and its tests run through scripts/wine/runner.sh.
# Needs what `scripts/install-deps.sh --test` installs (Wine with wine32,
# mingw-w64, Xvfb). Makes the Wine prefix on first use
# (<target>/wine-prefix) and prints how many test programs and tests ran.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUST_TARGET=x86_64-pc-windows-gnu
# shellcheck source=scripts/wine/env.sh
source scripts/wine/env.sh

if ! rustup target list --installed | grep -qx "$RUST_TARGET"; then
    rustup target add "$RUST_TARGET"
fi

scripts/wine/prefix.sh

# One Wine session for the whole run instead of one per test program. Its
# background services start here, with no output to hold open: started by
# the first test they would keep `tee` below waiting for the end of its input.
wineserver -p
trap 'wineserver -k || true' EXIT
wine cmd /c exit </dev/null >/dev/null 2>&1

# The forms' openxml-audit check runs a Linux Python program, which a
# Windows program cannot start under Wine (README: tests left out under Wine).
unset OOXML_AUDIT_PYTHON

log=$TARGET_DIR/windows-tests.log
start=$SECONDS
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$ROOT/scripts/wine/runner.sh" \
    cargo test --target "$RUST_TARGET" --workspace --exclude chungthu-app --no-fail-fast 2>&1 | tee "$log"
programs=$(grep -c '^     Running ' "$log" || true)
tests=$(awk '/^test result:/ {n += $4} END {print n + 0}' "$log")
echo "Windows (Wine): $programs chương trình kiểm thử, $tests kiểm thử đạt, $((SECONDS - start)) s (cả thời gian dựng)."
