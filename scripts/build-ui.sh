#!/usr/bin/env bash
# Builds the window (Vite) into ui/dist, replacing only files whose bytes
# changed. The app crate embeds ui/dist and is rebuilt (a 2–3 minute release
# link) whenever a file there gets a new time stamp, and Vite rewrites every
# file on each build even when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d ui/node_modules ] || npm --prefix ui ci
stage=${CARGO_TARGET_DIR:-$PWD/target}/ui-dist
rm -rf "$stage"
npm --prefix ui run build -- --outDir "$stage" --emptyOutDir
mkdir -p ui/dist
(cd "$stage" && find . -type f) | while IFS= read -r f; do
    if ! cmp -s "$stage/$f" "ui/dist/$f"; then
        mkdir -p "ui/dist/$(dirname "$f")"
        cp "$stage/$f" "ui/dist/$f"
    fi
done
(cd ui/dist && find . -type f) | while IFS= read -r f; do
    [ -e "$stage/$f" ] || rm "ui/dist/$f"
done
