#!/usr/bin/env bash
# Builds the self-contained JNI library for one target into OUT/FILE: the
# static dependencies first (build-deps.sh: once per machine, in the dependency cache CACHE),
# then this project's core and JNI bridge with the same Zig toolchain (KNS_PORTABLE), stripped.
# With "tests", also the native suite for the target (tests/wine), in OUT/build/tests/wine.
# Usage: build-library.sh ZIG TARGET OUT CACHE JNI_INCLUDE_DIRS FILE [tests]
# (JNI_INCLUDE_DIRS: javac's generated header and the JDK's, as a CMake list: dirs separated
# by ';').
set -euo pipefail
zig="${1:?zig}" target="${2:?target}" out="${3:?out}" cache="${4:?cache}"
jni_includes="${5:?jni include dirs}" file="${6:?library file name}" tests="${7:-}"
targets=(kafkanative_jni) with_tests=OFF
if [[ "$tests" == tests ]]; then
  targets+=(native_tests) with_tests=ON
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out/bin"
out="$(cd "$out" && pwd)"
deps="$("$root/portable/build-deps.sh" "$zig" "$target" "$cache")"

for tool in ar ranlib; do  # CMake takes these as one program each
  printf '#!/bin/sh\nexec "%s" %s "$@"\n' "$zig" "$tool" >"$out/bin/zig-$tool"
  chmod +x "$out/bin/zig-$tool"
done
# Configured again whenever the dependencies' cache entry moves (a new key).
if ! grep -qsx "KNS_DEPS_PREFIX:PATH=$deps" "$out/build/CMakeCache.txt" ||
  ! grep -qsx "KNS_PORTABLE_TESTS:BOOL=$with_tests" "$out/build/CMakeCache.txt"; then
  cmake -S "$root" -B "$out/build" -DCMAKE_BUILD_TYPE=Release -DKNS_PORTABLE=ON \
    -DCMAKE_TOOLCHAIN_FILE="$root/portable/zig-toolchain.cmake" -DKNS_ZIG="$zig" \
    -DKNS_ZIG_TARGET="$target" -DKNS_ZIG_WRAPPERS="$out/bin" -DKNS_DEPS_PREFIX:PATH="$deps" \
    "-DKNS_JNI_INCLUDE_DIRS=$jni_includes" -DKNS_PORTABLE_TESTS:BOOL=$with_tests >/dev/null
fi
unset MAKEFLAGS MFLAGS MAKELEVEL  # as in build-deps.sh: its own -j, not the outer jobserver
cmake --build "$out/build" --target "${targets[@]}" -j "$(nproc)" -- --no-print-directory
cmp -s "$out/build/jni/$file" "$out/$file" || cp "$out/build/jni/$file" "$out/$file"
