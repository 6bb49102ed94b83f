#!/usr/bin/env bash
# Runs the native suite's Windows build (tests/wine) under Wine: the embedded cluster, the
# core, librdkafka and OpenSSL as the Windows JNI library has them, in a Windows process. Wine
# gets a prefix of its own in WORK_DIR (made at the first run, ~10 s) and no GUI helpers.
# Usage: run-native-tests.sh NATIVE_TESTS_EXE WORK_DIR [GTEST ARGS...]
set -euo pipefail
exe="${1:?native_tests.exe}" work="${2:?work dir}"
shift 2
wine="$(command -v wine64 || echo /usr/lib/wine/wine64)"
[[ -x "$wine" ]] || { echo "FAIL: no wine64 (Debian's wine64 package)" >&2; exit 1; }
mkdir -p "$work"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
status=0
"$wine" "$exe" "$@" || status=$?  # every test named: a slow one shows where
"$(dirname "$wine")/wineserver" -k 2>/dev/null || true
exit "$status"
