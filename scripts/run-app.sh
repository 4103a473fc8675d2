#!/usr/bin/env bash
# Command 1 of the README: install what is needed, build ChungThu and open
# its window on the default embedded database (per-user app-data folder;
# set CHUNGTHU_DB=/path/file.db to use another one).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export PATH="$HOME/.cargo/bin:$PATH"
echo "==> Dựng giao diện"
npm --prefix ui run build
echo "==> Dựng và mở ChungThu"
exec cargo run -p chungthu-app --features custom-protocol
