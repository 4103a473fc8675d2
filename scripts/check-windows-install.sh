#!/usr/bin/env bash
# Runs the built Windows installer under Wine as on a school's PC, in a new
# Wine prefix (a PC that never had ChungThu), after scripts/build-windows.sh:
#   1. silent install (/S): the program files, the Start-menu and desktop
#      shortcuts, the HKCU uninstall entry;
#   2. the school's data made with the installed chungthu.exe, left at the
#      previous schema version (as the older ChungThu wrote it);
#   3. a newer installer run over it (an update from a USB stick): the data
#      is kept, the schema is migrated on the next start with a backup first;
#   4. the window started without the WebView2 runtime (Wine has none):
#      ChungThu's Vietnamese message box, then the process ends (status 1);
#   5. silent uninstall (uninstall.exe /S _?=DIR): the program, shortcuts and
#      uninstall entry are gone, %APPDATA%\ChungThu is kept.
# Needs what `scripts/install-deps.sh --test` installs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=scripts/wine/env.sh
source scripts/wine/env.sh
export WINEPREFIX=$TARGET_DIR/wine-prefix-install
RELEASE_DIR=$TARGET_DIR/x86_64-pc-windows-gnu/windows-release
version=$(node -p "require('./src-tauri/tauri.conf.json').version")
installer=$TARGET_DIR/windows/ChungThu-$version-setup.exe
[ -f "$installer" ] || { echo "Chưa có $installer: chạy scripts/build-windows.sh trước." >&2; exit 1; }
work=$(mktemp -d)
trap 'wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }
fail() {
    echo "LỖI: $*" >&2
    exit 1
}
# A Windows folder of this prefix (e.g. APPDATA) as a Linux path.
folder() { winepath -u "$(wine cmd /c echo "%$1%" | tr -d '\r')"; }
uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ChungThu'
# A string value of the uninstall entry, or nothing when absent. Exported
# as a .reg file (UTF-16): `reg query` prints in the console's code page,
# which loses the Vietnamese letters.
reg_value() {
    rm -f "$work/key.reg"
    wine reg export "$uninstall_key" "$(winepath -w "$work/key.reg")" /y >/dev/null 2>&1 || return 0
    iconv -f UTF-16 -t UTF-8 "$work/key.reg" | tr -d '\r' | sed -n "s/^\"$1\"=\"\(.*\)\"\$/\1/p" | sed 's/\\\\/\\/g; s/\\"/"/g'
}
# A value from the JSON on stdin: json_field 'd["added"]'.
json_field() { python3 -c 'import json, sys; d = json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }

step "Môi trường Wine mới: $WINEPREFIX"
rm -rf "$WINEPREFIX"
scripts/wine/prefix.sh

step "Cài lần đầu: $(basename "$installer") /S"
wine "$installer" /S
wineserver -w
program=$(folder LOCALAPPDATA)/Programs/ChungThu
for f in chungthu-app.exe WebView2Loader.dll chungthu.exe uninstall.exe; do
    [ -f "$program/$f" ] || fail "thiếu $program/$f sau khi cài"
done
title="ChungThu - Quản lý chứng thư số"
start_menu="$(folder APPDATA)/Microsoft/Windows/Start Menu/Programs/$title.lnk"
desktop="$(folder USERPROFILE)/Desktop/$title.lnk"
for lnk in "$start_menu" "$desktop"; do
    [ -f "$lnk" ] || fail "thiếu lối tắt $lnk"
done
[ "$(reg_value DisplayVersion)" = "$version" ] || fail "mục gỡ cài đặt (HKCU) không có phiên bản $version"
[ "$(reg_value DisplayName)" = "$title" ] || fail "mục gỡ cài đặt (HKCU) sai tên: $(reg_value DisplayName)"
[[ $(reg_value UninstallString) == *'\uninstall.exe"' ]] || fail "mục gỡ cài đặt không trỏ tới uninstall.exe"
echo "Đủ tệp, hai lối tắt và mục gỡ cài đặt phiên bản $version."

step "Dữ liệu của trường (chungthu.exe đã cài), ở phiên bản dữ liệu cũ"
cli() { wine "$program/chungthu.exe" "$@"; }
data=$(folder APPDATA)/ChungThu
fixture=$(winepath -w "$ROOT/src-tauri/crates/import/tests/fixtures/export_clean.xlsx")
cli unit set --name "Trường THCS Hoa Phượng" --place "Hải Phòng" >/dev/null
cli staff import "$fixture" --json >"$work/import.json"
[ "$(json_field 'd["added"]' <"$work/import.json")" = 20 ] || fail "nhập tệp Excel không thêm đủ 20 người"
[ -f "$data/chungthu.db" ] || fail "không thấy $data/chungthu.db"
# Migration 0003 taken back, as the previous ChungThu left the file.
python3 - "$data/chungthu.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("""
    DROP TABLE batch_row;
    DROP INDEX batch_kind_live;
    ALTER TABLE batch DROP COLUMN path;
    ALTER TABLE batch DROP COLUMN date_on;
    ALTER TABLE batch DROP COLUMN xlsx_path;
    ALTER TABLE batch DROP COLUMN xlsx_sha256;
    PRAGMA user_version = 2;
""")
db.close()
PY
backups_before=$(find "$data/backups" -name 'chungthu-*.db' | wc -l)
base=${version%%[-+]*}
next=${base%.*}.$((${base##*.} + 1))

step "Cập nhật: bộ cài bản $next chạy đè (/S), dữ liệu còn nguyên"
newer=$work/ChungThu-$next-setup.exe
scripts/make-installer.sh "$RELEASE_DIR" "$next" "$newer" >/dev/null
wine "$newer" /S
wineserver -w
[ "$(reg_value DisplayVersion)" = "$next" ] || fail "bản $next không thay bản $version trong mục gỡ cài đặt"
cli staff list --json >"$work/list.json"
[ "$(json_field 'len(d)' <"$work/list.json")" = 20 ] || fail "sau khi cập nhật không còn đủ 20 người"
[ "$(cli unit show --json | json_field 'd["name"]')" = "Trường THCS Hoa Phượng" ] || fail "mất thông tin đơn vị"
migrated=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$data/chungthu.db")
[ "$migrated" = 3 ] || fail "dữ liệu chưa được nâng lên phiên bản 3 (đang là $migrated)"
migration_backup=$(find "$data/backups" -name 'chungthu-*-truoc-khi-nang-cap.db')
[ -n "$migration_backup" ] || fail "không có bản sao lưu trước khi nâng cấp dữ liệu"
[ "$(find "$data/backups" -name 'chungthu-*.db' | wc -l)" -gt "$backups_before" ] || fail "không có bản sao lưu mới"
echo "20 người còn nguyên; dữ liệu nâng lên phiên bản 3 sau bản sao lưu $(basename "$migration_backup")."

step "Mở ChungThu trên máy thiếu WebView2: hộp thoại tiếng Việt rồi thoát"
xvfb-run -a -s "-screen 0 1280x800x24" scripts/wine/webview2-missing.sh "$program/chungthu-app.exe"

step "Gỡ cài đặt: uninstall.exe /S, dữ liệu được giữ"
wine "$program/uninstall.exe" /S "_?=$(winepath -w "$program")"
wineserver -w
for f in chungthu-app.exe WebView2Loader.dll chungthu.exe; do
    [ ! -e "$program/$f" ] || fail "$program/$f vẫn còn sau khi gỡ"
done
for lnk in "$start_menu" "$desktop"; do
    [ ! -e "$lnk" ] || fail "lối tắt $lnk vẫn còn sau khi gỡ"
done
if wine reg query "$uninstall_key" >/dev/null 2>&1; then fail "mục gỡ cài đặt vẫn còn trong HKCU"; fi
if [ ! -f "$data/chungthu.db" ] || [ -z "$(find "$data/backups" -name 'chungthu-*.db')" ]; then
    fail "gỡ cài đặt đã xoá dữ liệu trong %APPDATA%\\ChungThu"
fi
echo "Đã gỡ chương trình; %APPDATA%\\ChungThu còn chungthu.db và các bản sao lưu."
echo "Cài, cập nhật, gỡ dưới Wine: đạt (${SECONDS}s)."
