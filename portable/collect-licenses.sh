#!/usr/bin/env bash
# Writes the jar's META-INF legal files into OUT: the project's LICENSE and NOTICE, and under
# licenses/ the license of every library compiled into the JNI libraries, as those licenses
# ask of binary distributions. librdkafka, OpenSSL, zstd, lz4, zlib and libcurl come from the Debian
# source trees portable/ builds them from (fetch-sources.sh, in the dependency cache); spdlog, fmt and nlohmann-json
# (header-only, compiled in) from their Debian packages' copyright files. Boost's license and
# Zig's libc++'s (Apache-2.0 with the LLVM exception) ask nothing of machine code; the
# mingw-w64 runtime's start-up code in the Windows library (Zope Public License 2.1) asks for
# its notice, taken from Zig's copy.
# Usage: collect-licenses.sh CACHE OUT VERSION ZIG
set -euo pipefail
cache="${1:?cache}" out="${2:?out}" version="${3:?version}" zig="${4:?zig}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sources="$cache/debian-sources"
trees="$("$root/portable/fetch-sources.sh" "$sources")"
rm -rf "$out"
mkdir -p "$out/licenses"
cp "$root/LICENSE" "$out/LICENSE"

tree() { echo "$sources/$(grep -m1 "/$1-[0-9]" <<<"$trees")"; }
take() {  # take NAME FILE: FILE becomes licenses/NAME.txt
  [[ -f "$2" ]] || { echo "collect-licenses: $2 missing" >&2; exit 1; }
  cp "$2" "$out/licenses/$1.txt"
}
take librdkafka "$(tree librdkafka)/LICENSES.txt"  # librdkafka's own and its bundled code's
take openssl "$(tree openssl)/LICENSE.txt"
take zstd "$(tree libzstd)/LICENSE"
take lz4 "$(tree lz4)/lib/LICENSE"
take zlib "$(tree zlib)/LICENSE"
take curl "$(tree curl)/COPYING"
take spdlog /usr/share/doc/libspdlog-dev/copyright
take fmt /usr/share/doc/libfmt-dev/copyright
take nlohmann-json /usr/share/doc/nlohmann-json3-dev/copyright
take mingw-w64 "$(dirname "$zig")/lib/libc/mingw/COPYING"

versions() {  # the Debian source packages built: name, version and suite, one line each
  local tree
  for tree in $trees; do
    echo "$(dpkg-parsechangelog -l "$sources/$tree/debian/changelog" -S Source)" \
      "$(dpkg-parsechangelog -l "$sources/$tree/debian/changelog" -S Version) (${tree%%/*})"
  done
}
cat >"$out/NOTICE" <<NOTICE
jmeter-kafka-native $version
Licensed under the Apache License, Version 2.0 (META-INF/LICENSE).

Its native libraries (native/linux-x86_64, native/linux-aarch64, native/windows-x86_64,
native/macos-x86_64, native/macos-aarch64) contain, linked statically, the following
libraries, built from Debian's source packages (librdkafka with the fixes in the project's
portable/patches):
$(versions | sed 's/^/  /')
and, compiled in from their headers, spdlog, fmt and nlohmann-json: their licenses are in
META-INF/licenses/, with the mingw-w64 runtime's (the Windows library). Also compiled in: Boost.Lockfree (Boost Software License 1.0) and LLVM's
libc++ (Apache-2.0 with LLVM exception, from Zig 0.11), whose licenses ask nothing of machine
code.
NOTICE
