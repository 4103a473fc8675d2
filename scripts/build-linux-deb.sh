#!/usr/bin/env bash
# Builds the Debian/Ubuntu package of ChungThu with the Tauri CLI:
#   <target>/release/bundle/deb/ChungThu_<version>_amd64.deb
# and checks its menu entry (name, Vietnamese description, icon).
# Needs the Tauri build packages of scripts/install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

scripts/build-ui.sh

# Run from the repository root, the Tauri CLI looks for the web project by
# its package.json and can pick tests/e2e; name both folders. The window is
# already built above, so the CLI's own beforeBuildCommand is dropped.
export TAURI_APP_PATH=$ROOT/src-tauri TAURI_FRONTEND_PATH=$ROOT/ui
ui/node_modules/.bin/tauri build --bundles deb --config '{"build":{"beforeBuildCommand":null}}'

version=$(node -p "require('./src-tauri/tauri.conf.json').version")
deb=$TARGET_DIR/release/bundle/deb/ChungThu_${version}_amd64.deb
[ -f "$deb" ] || { echo "Không thấy $deb." >&2; exit 1; }

desktop=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO usr/share/applications/ChungThu.desktop)
echo "$desktop"
failed=0
for want in 'Name=ChungThu' 'Comment=Quản lý chứng thư số của cán bộ, giáo viên' 'Icon=chungthu-app' \
    'Exec=chungthu-app' 'Categories=Office;'; do
    grep -qxF "$want" <<<"$desktop" || { echo "Tệp .desktop thiếu dòng: $want" >&2; failed=1; }
done
icons=$(dpkg-deb -c "$deb" | grep -c 'usr/share/icons/hicolor/.*/apps/chungthu-app.png' || true)
[ "$icons" -gt 0 ] || { echo "Gói .deb không có biểu tượng." >&2; failed=1; }
[ "$failed" = 0 ]

printf '%s  %s\n' "$(numfmt --to=iec --suffix=B --format='%.1f' "$(stat -c %s "$deb")")" "$deb"
