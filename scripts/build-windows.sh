#!/usr/bin/env bash
# Builds ChungThu for Windows 10/11 (x86_64) on Linux, offline, and packs the
# per-user installer:
#   <target>/x86_64-pc-windows-gnu/windows-release/{chungthu-app.exe,WebView2Loader.dll,chungthu.exe}
#   <target>/windows/ChungThu-<version>-setup.exe
# then checks the installer (scripts/check-windows-installer.sh) and prints
# the sizes. <target> is $CARGO_TARGET_DIR or ./target.
#
# Installs what is missing (mingw-w64, nsis, p7zip-full with apt-get; the
# Rust target with rustup; ui/node_modules with npm ci), so it runs as is in
# CI. Cargo reuses earlier output: a second run only rebuilds what changed.
# Every workspace crate is compiled for Windows (--workspace), so a crate
# that does not build there (e.g. one with a Windows-only dependency) fails
# here rather than on the clerk's PC.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
RUST_TARGET=x86_64-pc-windows-gnu
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
# The size-optimised profile of Cargo.toml (the installer must stay within 5 MB).
PROFILE=windows-release
RELEASE_DIR=$TARGET_DIR/$RUST_TARGET/$PROFILE
OUT_DIR=$TARGET_DIR/windows

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "Cần quyền root để cài gói: $*" >&2
        return 1
    fi
}

# Another process may hold the dpkg lock for a while (unattended upgrades,
# another build): wait for it instead of failing.
apt_install() {
    local tries=0
    until as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"; do
        tries=$((tries + 1))
        if [ "$tries" -ge 20 ]; then
            echo "apt-get install $* thất bại." >&2
            return 1
        fi
        echo "apt-get bận hoặc lỗi; thử lại sau 15 s ($tries/20)…" >&2
        sleep 15
    done
}

step "Công cụ"
missing=()
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(mingw-w64)
command -v makensis >/dev/null || missing+=(nsis)
command -v 7z >/dev/null || missing+=(p7zip-full)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Cài: ${missing[*]}"
    apt_install "${missing[@]}"
fi
installed_targets=$(rustup target list --installed)
if ! grep -qx "$RUST_TARGET" <<<"$installed_targets"; then
    rustup target add "$RUST_TARGET"
fi

step "Giao diện (ui/dist)"
scripts/build-ui.sh

step "Chương trình và lệnh chungthu cho Windows"
# The custom-protocol feature embeds ui/dist (what `tauri build` turns on);
# without it the exe would wait for a development server.
cargo build --profile "$PROFILE" --target "$RUST_TARGET" --workspace --features chungthu-app/custom-protocol

for f in chungthu-app.exe WebView2Loader.dll chungthu.exe; do
    [ -f "$RELEASE_DIR/$f" ] || { echo "Thiếu $RELEASE_DIR/$f sau khi build." >&2; exit 1; }
done

step "Kiểm tra tệp .exe"
# What the loader will see (scripts/check-windows-install.sh then runs them under Wine).
objdump=x86_64-w64-mingw32-objdump
subsystem() { "$objdump" -p "$1" | awk '/^Subsystem/ {print $2}'; }
[ "$(subsystem "$RELEASE_DIR/chungthu-app.exe")" = 00000002 ] ||
    { echo "chungthu-app.exe phải là chương trình cửa sổ (GUI), không mở cửa sổ dòng lệnh." >&2; exit 1; }
[ "$(subsystem "$RELEASE_DIR/chungthu.exe")" = 00000003 ] ||
    { echo "chungthu.exe phải là chương trình dòng lệnh (console)." >&2; exit 1; }
for exe in chungthu-app.exe chungthu.exe; do
    dlls=$("$objdump" -p "$RELEASE_DIR/$exe" | awk '/DLL Name:/ {print $3}' | sort -u)
    echo "$exe dùng: $(echo "$dlls" | tr '\n' ' ')"
    # MinGW's runtime DLLs (libgcc_s_seh-1, libwinpthread-1, libstdc++-6)
    # are not on a school PC and are not shipped: they must be linked in.
    mingw=$(echo "$dlls" | grep -i '^lib' || true)
    if [ -n "$mingw" ]; then
        echo "$exe cần DLL của MinGW không có trên Windows: $(echo "$mingw" | tr '\n' ' ')" >&2
        exit 1
    fi
    if [ "$exe" = chungthu-app.exe ] && ! echo "$dlls" | grep -qx WebView2Loader.dll; then
        echo "chungthu-app.exe không còn dùng WebView2Loader.dll: xem lại danh sách tệp của bộ cài." >&2
        exit 1
    fi
done

step "Bộ cài (NSIS)"
version=$(node -p "require('./src-tauri/tauri.conf.json').version")
installer=$OUT_DIR/ChungThu-$version-setup.exe
scripts/make-installer.sh "$RELEASE_DIR" "$version" "$installer"

step "Kiểm tra bộ cài"
scripts/check-windows-installer.sh "$installer"

step "Kích thước"
for f in "$RELEASE_DIR/chungthu-app.exe" "$RELEASE_DIR/WebView2Loader.dll" "$RELEASE_DIR/chungthu.exe" "$installer"; do
    printf '%10s  %s\n' "$(numfmt --to=iec --suffix=B --format='%.1f' "$(stat -c %s "$f")")" "$f"
done
echo "Xong sau ${SECONDS}s."
