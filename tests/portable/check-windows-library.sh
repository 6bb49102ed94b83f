#!/usr/bin/env bash
# Checks the jar's Windows JNI library: an x86-64 DLL that imports only Windows' own DLLs
# (no MinGW runtime, no OpenSSL or libcurl DLL: those are linked in), exports every JNI entry
# point javac's header declares and nothing else but Zig's unwinder (see below), is stripped,
# and is at most 10 MB.
# Usage: check-windows-library.sh DLL JNI_HEADER
set -euo pipefail
library="${1:?library}" header="${2:?JNI header}"
fail() { echo "FAIL: $library: $*" >&2; exit 1; }
[[ -f "$library" ]] || fail "missing"

llvm-readobj-14 --file-headers "$library" | grep -q "Machine: IMAGE_FILE_MACHINE_AMD64" ||
  fail "not an x86-64 Windows image"
llvm-readobj-14 --file-headers "$library" | grep -q "IMAGE_FILE_DLL" || fail "not a DLL"

# Part of every Windows since 7: the C runtime msvcrt.dll, the kernel, sockets, the
# certificate store (crypt32), SSPI (secur32: Kerberos for SASL GSSAPI), bcrypt (random
# bytes), advapi32 and user32 (OpenSSL's event log and console checks).
allowed=" kernel32.dll msvcrt.dll ws2_32.dll crypt32.dll secur32.dll bcrypt.dll advapi32.dll user32.dll "
headers="$(llvm-objdump-14 -p "$library")"
imports=$(sed -n 's/^ *DLL Name: //p' <<<"$headers" | tr 'A-Z' 'a-z' | sort -u)
[[ -n "$imports" ]] || fail "no imports found (not a DLL llvm-objdump reads?)"
for name in $imports; do
  [[ "$allowed" == *" $name "* ]] || fail "imports $name (only Windows' own DLLs are allowed)"
done

# The export table's lines: "  ordinal  RVA  name".
exports=$(awk '/^Export Table:/ { table = 1; next } table && /^$/ { table = 0 }
               table && $1 ~ /^[0-9]+$/ && NF >= 3 { print $NF }' <<<"$headers")
for entry in JNI_OnLoad JNI_OnUnload $(grep -o 'Java_[A-Za-z0-9_]*' "$header" | sort -u); do
  grep -qx "$entry" <<<"$exports" || fail "does not export $entry"
done
# Zig's libunwind (C++ exceptions on MinGW) marks its API dllexport, and Zig's linker takes
# no list to filter exports by; Windows binds imports per DLL, so these shadow nothing.
others=$(grep -v -E '^(Java_|JNI_On|_Unwind_|unw_|_GCC_specific_handler$)' <<<"$exports" || true)
[[ -z "$others" ]] || fail "exports more than the JNI entry points: $(echo "$others" | head -5)"

llvm-readobj-14 --sections "$library" | grep -q "Name: .debug_info" && fail "not stripped (has .debug_info)"
size=$(stat -c %s "$library")
((size <= 10 * 1024 * 1024)) || fail "$size bytes, more than 10 MB"
jni=$(grep -c -E '^(Java_|JNI_On)' <<<"$exports")
unwinder=$(($(wc -l <<<"$exports") - jni))
echo "$library: x86-64 DLL, imports $(echo $imports), exports $jni JNI entry points" \
  "and $unwinder of the unwinder, $size bytes"
