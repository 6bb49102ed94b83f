#!/usr/bin/env bash
# Checks one of the jar's Linux JNI libraries: it needs nothing but the C library's
# own parts, no glibc symbol newer than GLIBC_2.28, exports only the JNI entry points, is
# stripped, is at most 10 MB (librdkafka with OpenSSL about 7.5, libcurl for the Schema Registry
# about 0.5), and is built for the expected machine.
# Usage: check-linux-library.sh LIBRARY MACHINE (MACHINE as readelf names it, e.g. AArch64)
set -euo pipefail
library="${1:?library}" machine="${2:?machine}"
fail() { echo "FAIL: $library: $*" >&2; exit 1; }
[[ -f "$library" ]] || fail "missing"

readelf -h "$library" | grep -q "Machine:.*$machine" || fail "not built for $machine"

allowed=" libc.so.6 libm.so.6 libpthread.so.0 libdl.so.2 librt.so.1 ld-linux-x86-64.so.2 ld-linux-aarch64.so.1 "
needed=$(readelf -d "$library" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for name in $needed; do
  [[ "$allowed" == *" $name "* ]] || fail "needs $name (only the C library's parts are allowed)"
done

newest=$(readelf -W --dyn-syms "$library" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' |
  sort -uV | tail -1)
[[ -n "$newest" ]] || fail "no versioned glibc symbol found (not a glibc build?)"
[[ "$(printf '%s\n2.28\n' "$newest" | sort -V | tail -1)" == 2.28 ]] ||
  fail "uses GLIBC_$newest symbols; the baseline is GLIBC_2.28"

exported=$(readelf -W --dyn-syms "$library" |
  awk '$7 != "UND" && ($5 == "GLOBAL" || $5 == "WEAK") && $4 != "SECTION" { print $8 }' |
  grep -v -E '^(Java_|JNI_On)' || true)
[[ -z "$exported" ]] || fail "exports more than the JNI entry points: $(echo "$exported" | head -5)"

readelf -S "$library" | grep -q '\.debug_info' && fail "not stripped (has .debug_info)"
size=$(stat -c %s "$library")
((size <= 10 * 1024 * 1024)) || fail "$size bytes, more than 10 MB"
echo "$library: $machine, needs $(echo $needed), newest glibc symbol GLIBC_$newest, $size bytes"
