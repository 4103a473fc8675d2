#!/usr/bin/env bash
# Packs the built Windows programs into the NSIS installer (used by
# scripts/build-windows.sh, and by scripts/check-windows-install.sh for the
# "newer version" of an update):
#   scripts/make-installer.sh RELEASE_DIR VERSION OUTFILE
set -euo pipefail
cd "$(dirname "$0")/.."
release_dir=${1:?"Cách dùng: $0 THƯ_MỤC_CHƯƠNG_TRÌNH PHIÊN_BẢN TỆP_BỘ_CÀI"}
version=${2:?}
outfile=${3:?}
numeric=${version%%[-+]*}
mkdir -p "$(dirname "$outfile")"
makensis -V2 -INPUTCHARSET UTF8 \
    "-DVERSION=$version" "-DVERSION4=$numeric.0" \
    "-DSRC_DIR=$release_dir" "-DICON=$PWD/src-tauri/icons/icon.ico" \
    "-DOUTFILE=$outfile" \
    installer/windows/chungthu.nsi
