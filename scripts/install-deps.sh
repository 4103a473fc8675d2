#!/usr/bin/env bash
# Installs what ChungThu needs on a Debian/Ubuntu machine: system libraries
# for Tauri (WebKitGTK), Rust, Node.js and the npm packages of the window.
# With --test also what the tests need (Xvfb, WebKitWebDriver, tauri-driver).
# Safe to run again: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=false
[[ ${1:-} == --test ]] && with_tests=true

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)

packages=(
  build-essential pkg-config curl ca-certificates file
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libsoup-3.0-dev
  fonts-noto-core
)
if $with_tests; then
  packages+=(xvfb xauth webkit2gtk-driver python3 python3-venv)
  # The Windows build run under Wine (scripts/test-windows.sh,
  # scripts/check-windows-install.sh); the NSIS installer is a 32-bit
  # program and needs wine32.
  packages+=(wine wine64 wine32:i386 mingw-w64 nsis p7zip-full xdotool)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "==> Cài gói hệ thống: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if [[ " ${missing[*]} " == *":i386 "* ]] && ! dpkg --print-foreign-architectures | grep -qx i386; then
    "${sudo[@]}" dpkg --add-architecture i386
  fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  echo "==> Cài Rust (rustup)"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
  # shellcheck disable=SC1091
  source "$HOME/.cargo/env"
fi

# Vite 8 needs Node.js 20.19 or newer.
node_ok() { command -v node >/dev/null && node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; }
if ! node_ok; then
  echo "==> Cài Node.js"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  node_ok || { echo "Cần Node.js 20.19 trở lên (máy đang có $(node --version 2>/dev/null || echo 'không có')). Hãy cài bản mới hơn rồi chạy lại." >&2; exit 1; }
fi

echo "==> Cài gói npm của giao diện"
npm ci --prefix ui --no-audit --no-fund --loglevel=error

if $with_tests; then
  npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
  if ! command -v tauri-driver >/dev/null; then
    echo "==> Cài tauri-driver"
    cargo install tauri-driver --version 2.1.0 --locked --quiet
  fi
fi
