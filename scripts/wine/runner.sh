#!/bin/sh
# Cargo's runner for the x86_64-pc-windows-gnu target
# (CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER): runs a Windows test program
# under Wine in the prefix that scripts/test-windows.sh made.
exec wine "$@"
