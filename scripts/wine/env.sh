# shellcheck shell=bash
# Sourced by the scripts that run ChungThu's Windows build under Wine: one
# test prefix under the Cargo target folder, quiet, and never a Mono or Gecko
# download dialog waiting for a click (the app needs neither), and no menu
# entries of the installer's shortcuts written into the Linux desktop.
TARGET_DIR=${CARGO_TARGET_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/target}
export WINEPREFIX=${WINEPREFIX:-$TARGET_DIR/wine-prefix}
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
