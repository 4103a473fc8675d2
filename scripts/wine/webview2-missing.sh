#!/usr/bin/env bash
# Under Xvfb (scripts/check-windows-install.sh runs it with xvfb-run):
# starts chungthu-app.exe under Wine, which has no WebView2 runtime, and
# checks that ChungThu's own Vietnamese box appears (not the webview
# library's English one, not a window), then presses its OK button and
# checks that the app ends with status 1.
#   scripts/wine/webview2-missing.sh PATH/chungthu-app.exe [SCREENSHOT.png]
set -euo pipefail
app=${1:?"Cách dùng: $0 chungthu-app.exe [ảnh.png]"}
shot=${2:-}
# src-tauri/src/webview2.rs: the box's title.
title="ChungThu — máy chưa có WebView2"

wine "$app" &
pid=$!
if ! box=$(timeout 60 xdotool search --sync --name "^$title\$" | head -n 1); then
    kill "$pid" 2>/dev/null || true
    echo "Không thấy hộp thoại «$title» sau 60 s." >&2
    exit 1
fi
echo "Hộp thoại: «$(xdotool getwindowname "$box")»"
if [ -n "$shot" ]; then
    import -window root "$shot"
fi
xdotool windowfocus --sync "$box" key Return
status=0
timeout 30 tail --pid="$pid" -f /dev/null || { echo "ChungThu không thoát sau khi đóng hộp thoại." >&2; exit 1; }
wait "$pid" || status=$?
[ "$status" = 1 ] || { echo "ChungThu thoát với mã $status (cần 1)." >&2; exit 1; }
echo "Đóng hộp thoại: ChungThu thoát với mã 1."
