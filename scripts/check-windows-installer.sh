#!/usr/bin/env bash
# Checks a built ChungThu installer without running it: 7-Zip lists what the
# NSIS installer would copy; every program file and the uninstaller must be
# there, and the whole installer must stay within 5 MB (the clerk's
# connection and USB sticks).
#   scripts/check-windows-installer.sh target/windows/ChungThu-0.1.0-setup.exe
set -euo pipefail

installer=${1:?"Cách dùng: $0 ChungThu-<phiên bản>-setup.exe"}
max_bytes=$((5 * 1024 * 1024))
# The uninstaller is an entry too: WriteUninstaller stores it in the data.
expected=(chungthu-app.exe WebView2Loader.dll chungthu.exe uninstall.exe)
failed=0

7z l "$installer" | sed -n '/^   Date/,$p'
# 7-Zip puts the files of $INSTDIR at the top level and NSIS' own plugins
# under $PLUGINSDIR.
paths=$(7z l -slt "$installer" | sed -n 's/^Path = //p' | sed 's|\\|/|g; s|^\$INSTDIR/||')
for f in "${expected[@]}"; do
    if ! printf '%s\n' "$paths" | grep -qxF "$f"; then
        echo "THIẾU trong bộ cài: $f" >&2
        failed=1
    fi
done

size=$(stat -c %s "$installer")
if [ "$size" -gt "$max_bytes" ]; then
    echo "Bộ cài nặng $size byte, quá giới hạn $max_bytes byte (5 MiB)." >&2
    failed=1
fi

if [ "$failed" = 0 ]; then
    echo "Bộ cài đủ tệp, $size byte (giới hạn $max_bytes byte = 5 MiB)."
fi
exit "$failed"
