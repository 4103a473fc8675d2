#!/usr/bin/env bash
# Makes the Wine prefix $WINEPREFIX ready for ChungThu's Windows programs
# (source env.sh first): a 64-bit prefix, made once (about 15 s; made after
# wine32 is installed, so the 32-bit NSIS installer runs in it too), and the
# bcryptprimitives.dll stand-in without which no Rust program starts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "Tạo môi trường Wine: $WINEPREFIX"
    # wineboot needs a display for its dialogs even when none is shown.
    xvfb-run -a wineboot -i
    wineserver -w
    # Wine links Desktop, Documents… to the Linux home: the installer's
    # shortcuts and the tests' files would land in ~ and two prefixes would
    # share them. Real folders keep every prefix to itself.
    for link in "$WINEPREFIX"/drive_c/users/*/*; do
        if [ -L "$link" ]; then rm "$link" && mkdir "$link"; fi
    done
fi
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
