#!/usr/bin/env bash
# Checks one of the jar's macOS JNI libraries, which cannot be loaded here: a Mach-O dylib for
# the expected architecture that loads only /usr/lib/libSystem.B.dylib (every other library
# is linked in), runs on macOS 11 and later, exports every JNI entry point javac's header
# declares, is stripped, and is at most 10 MB.
# Usage: check-macos-library.sh DYLIB ARCH JNI_HEADER (ARCH as otool names it: ARM64, X86_64)
set -euo pipefail
library="${1:?library}" arch="${2:?arch}" header="${3:?JNI header}"
fail() { echo "FAIL: $library: $*" >&2; exit 1; }
[[ -f "$library" ]] || fail "missing"

mach="$(llvm-otool-14 -hv "$library")"
grep -q " $arch " <<<"$mach" || fail "not built for $arch: $mach"
grep -q " DYLIB " <<<"$mach" || fail "not a dylib: $mach"

# otool -L: the library's own install name first, then what it loads.
loads=$(llvm-otool-14 -L "$library" | tail -n +2 | awk '{ print $1 }' | grep -v "kafkanative_jni" || true)
[[ "$loads" == /usr/lib/libSystem.B.dylib ]] ||
  fail "loads $(echo $loads) (only /usr/lib/libSystem.B.dylib is allowed)"

minos=$(llvm-otool-14 -l "$library" | awk '/LC_BUILD_VERSION/ { build = 1 } build && $1 == "minos" { print $2; exit }')
[[ "$minos" == 11.0 ]] || fail "minimum macOS '$minos', not 11.0"

# What dyld can bind: the exports trie. Zig 0.11's Mach-O linker puts every hidden (private
# external) symbol in it too, and takes no list to filter by; macOS binds each import to the
# image it was linked against (two-level namespace), so these shadow nothing of the JVM's.
exported=$(llvm-objdump-14 --macho --exports-trie "$library" | awk 'NR > 3 { print $2 }')
for entry in JNI_OnLoad JNI_OnUnload $(grep -o 'Java_[A-Za-z0-9_]*' "$header" | sort -u); do
  grep -qx "_$entry" <<<"$exported" || fail "does not export $entry"
done
jni=$(grep -c -E '^_(Java_|JNI_On)' <<<"$exported")

llvm-otool-14 -l "$library" | grep -q "sectname __debug_info" && fail "not stripped (has __debug_info)"
size=$(stat -c %s "$library")
((size <= 10 * 1024 * 1024)) || fail "$size bytes, more than 10 MB"
hidden=$(($(wc -l <<<"$exported") - jni))
echo "$library: $arch dylib, loads $loads, macOS $minos and later, exports $jni JNI entry" \
  "points and $hidden hidden symbols (see above), $size bytes"
