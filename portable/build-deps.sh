#!/usr/bin/env bash
# Builds the libraries the self-contained JNI library links statically — zlib, zstd, lz4,
# OpenSSL, librdkafka and libcurl, from Debian's own source packages (portable/sources.list) —
# with Zig's C compiler for one target (x86_64-linux-gnu.2.28, x86_64-windows-gnu,
# aarch64-macos.11.0, ...), into a folder of the
# dependency cache, CACHE/deps/TARGET-KEY/{include,lib}, and prints that folder's path.
# KEY digests what decides the result: the source trees' versions, this script, the target
# and Zig's version. So every build tree and checkout on the machine (the main, sanitizer and
# fuzzing builds, a second clone) reuses one build, and a changed key builds anew. A finished
# entry carries a manifest of its files' checksums; an entry whose files no longer match it
# (or that has none: an interrupted build) is removed and built again.
# Usage: build-deps.sh ZIG TARGET CACHE
set -euo pipefail
zig="${1:?zig}" target="${2:?target}" cache="${3:?cache dir}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$cache/deps"
cache="$(cd "$cache" && pwd)"
sources="$cache/debian-sources"
trees="$("$here/fetch-sources.sh" "$sources")"
key="$( { echo "$trees"; cat "$here/sources.list" "${BASH_SOURCE[0]}" "$here"/windows/*.c "$here"/patches/*; "$zig" version; } |
  sha256sum | cut -c1-16)"
prefix="$cache/deps/$target-$key"
exec 8>"$prefix.lock"
flock 8  # one build per entry, whoever asks first; the others wait and reuse it

if [[ -f "$prefix/MANIFEST" ]]; then
  if (cd "$prefix" && sha256sum --check --quiet --strict MANIFEST >/dev/null 2>&1); then
    echo "$prefix"
    exit 0
  fi
  echo "build-deps: the cached $target dependencies do not match their manifest: building them again" >&2
  rm -rf "$prefix"
fi
mkdir -p "$prefix/include" "$prefix/lib" "$prefix/work"
jobs="$(nproc)"
# Run from the outer build's make, whose jobserver the builds here cannot join (they would
# fall back to one job): they run their own -j instead.
unset MAKEFLAGS MFLAGS MAKELEVEL

# One compiler wrapper per target: build systems take CC as one word.
cc="$prefix/zig-cc" cxx="$prefix/zig-cxx"
printf '#!/bin/sh\nexec "%s" cc -target %s "$@"\n' "$zig" "$target" >"$cc"
printf '#!/bin/sh\nexec "%s" c++ -target %s "$@"\n' "$zig" "$target" >"$cxx"
chmod +x "$cc" "$cxx"
export CC="$cc" AR="$zig ar" RANLIB="$zig ranlib"
case "$target" in
  # -w: their warnings are not ours to fix. Windows: librdkafka's copy of cJSON marks its API
  # dllexport unless told not to, and the JNI library would export it.
  *-windows-*) os=windows CFLAGS="-O2 -w -DCJSON_HIDE_SYMBOLS" ;;
  *-macos*) os=macos CFLAGS="-O2 -fPIC -w" ;;
  *) os=linux CFLAGS="-O2 -fPIC -w" ;;
esac
export CFLAGS
arch="${target%%-*}"

# unpacked NAME: the unpacked Debian source tree of package NAME, in a fresh build copy.
unpacked() {
  local tree
  tree="$(grep -m1 "/$1-[0-9]" <<<"$trees")"
  [[ -n "$tree" ]] || { echo "build-deps: no source tree for $1 in $sources" >&2; exit 1; }
  rm -rf "$prefix/work/$1"
  cp -a "$sources/$tree" "$prefix/work/$1"
  echo "$prefix/work/$1"
}

# once NAME COMMANDS...: runs the build of NAME unless its stamp says it is done (an
# interrupted build resumes with the next library).
once() {
  local name="$1"
  shift
  [[ -f "$prefix/.built-$name" ]] && return
  echo "Building $name for $target (once per machine: cached in $cache)" >&2
  "$@" >&2
  touch "$prefix/.built-$name"
}

build_zlib() {
  cd "$(unpacked zlib)"
  # CHOST names MinGW, for Windows' file names; elsewhere the build machine's uname will do.
  [[ "$os" == windows ]] && export CHOST=x86_64-w64-mingw32
  ./configure --static --prefix="$prefix" >/dev/null
  make -j"$jobs" libz.a >/dev/null
  make install >/dev/null
}

build_zstd() {
  cd "$(unpacked libzstd)/lib"
  make -j"$jobs" libzstd.a ZSTD_LEGACY_SUPPORT=0 >/dev/null
  cp libzstd.a "$prefix/lib/"
  cp zstd.h zdict.h zstd_errors.h "$prefix/include/"
}

build_lz4() {
  cd "$(unpacked lz4)/lib"
  # One object per compiler run: its Makefile compiles them all in one, which Zig's COFF
  # output (Windows) cannot.
  local source
  for source in lz4 lz4hc lz4frame xxhash; do
    "$CC" $CFLAGS -c "$source.c" -o "$source.o"
  done
  $AR rcs liblz4.a lz4.o lz4hc.o lz4frame.o xxhash.o
  cp liblz4.a "$prefix/lib/"
  cp lz4.h lz4hc.h lz4frame.h "$prefix/include/"
}

build_openssl() {
  local platform
  case "$os-$arch" in
    linux-x86_64) platform=linux-x86_64 ;;
    linux-aarch64) platform=linux-aarch64 ;;
    windows-x86_64) platform=mingw64 ;;
    macos-x86_64) platform=darwin64-x86_64-cc ;;
    macos-aarch64) platform=darwin64-arm64-cc ;;
    *) echo "build-deps: no OpenSSL platform for $target" >&2; exit 1 ;;
  esac
  cd "$(unpacked openssl)"
  # Windows: wspiapi.h's getaddrinfo wrappers are for Windows 2000 and live in mingw-w64's own
  # libws2_32.a, not in Zig's; since XP, ws2_32.dll has getaddrinfo itself.
  [[ "$os" == windows ]] && sed -i 's|^#include <wspiapi.h>|/* wspiapi.h: Windows 2000 only */|' e_os.h
  # macOS: random bytes from getentropy(), in libSystem, not CommonCrypto's header, which
  # only Apple's SDK has.
  [[ "$os" == macos ]] && CFLAGS="$CFLAGS -DOPENSSL_NO_APPLE_CRYPTO_RANDOM"
  # No loadable modules: everything the library needs is linked in. (librdkafka 2.0 calls
  # the ENGINE API, so that stays, without dynamic engines.) Its own files (openssl.cnf, the
  # default CA paths) are looked for where Debian and Ubuntu keep them, not in this build tree.
  ./Configure "$platform" no-shared no-tests no-dso no-module -fPIC \
    --prefix="$prefix" --libdir=lib --openssldir=/etc/ssl >/dev/null
  make -j"$jobs" build_libs >/dev/null
  make install_dev >/dev/null
}

build_librdkafka() {
  cd "$(unpacked librdkafka)"
  local fix
  for fix in "$here"/patches/librdkafka-*.patch; do  # each says what it fixes
    patch -p1 --quiet <"$fix"
  done
  if [[ "$os" == windows ]]; then
    build_librdkafka_cmake
  else
    build_librdkafka_mklove
  fi
  mkdir -p "$prefix/include/librdkafka"
  cp src/rdkafka.h src/rdkafka_mock.h "$prefix/include/librdkafka/"
}

build_librdkafka_mklove() {
  # SASL PLAIN, SCRAM and OAUTHBEARER are librdkafka's own; GSSAPI would need Cyrus SASL and
  # Kerberos at run time, and OIDC token retrieval libcurl: both are left out. Not
  # --enable-static: that would swap Debian's lz4 1.9.4 for librdkafka's bundled 1.9.2; only
  # the static src/librdkafka.a is taken, and the JNI library links the others itself.
  PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig" PKG_CONFIG_PATH="" \
    CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" \
    ./configure --prefix="$prefix" --enable-ssl --enable-zstd --enable-zlib \
    --enable-lz4-ext --disable-gssapi --disable-curl --disable-debug-symbols >/dev/null
  # What --enable-static would have said of OpenSSL: librdkafka then probes the usual CA
  # certificate paths (Debian, RHEL, SUSE, ...) when ssl.ca.location is not set, as a
  # statically linked OpenSSL's own default paths need not exist on the machine.
  echo '#define WITH_STATIC_LIB_libcrypto 1' >>config.h
  make -j"$jobs" -C src librdkafka.a >/dev/null
  cp src/librdkafka.a "$prefix/lib/"
}

# Windows: librdkafka's CMake build, its supported way with MinGW (mklove's configure is for
# Unix). SASL there is SSPI (GSSAPI through Windows' own Kerberos, secur32.dll), with PLAIN,
# SCRAM and OAUTHBEARER as elsewhere.
build_librdkafka_cmake() {
  cat >toolchain.cmake <<TOOLCHAIN
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR $arch)
set(CMAKE_C_COMPILER $cc)
set(CMAKE_CXX_COMPILER $cxx)
set(CMAKE_AR $prefix/zig-ar)
set(CMAKE_RANLIB $prefix/zig-ranlib)
set(CMAKE_FIND_ROOT_PATH $prefix)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
TOOLCHAIN
  PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig" PKG_CONFIG_PATH="" \
    cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE="$PWD/toolchain.cmake" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_FLAGS="$CFLAGS" -DRDKAFKA_BUILD_STATIC=ON -DRDKAFKA_BUILD_EXAMPLES=OFF \
    -DRDKAFKA_BUILD_TESTS=OFF -DWITH_SSL=ON -DOPENSSL_ROOT_DIR="$prefix" \
    -DOPENSSL_USE_STATIC_LIBS=ON -DWITH_ZSTD=ON -DWITH_ZLIB=ON -DENABLE_LZ4_EXT=ON \
    -DWITH_SASL=ON -DWITH_CURL=OFF >/dev/null
  cmake --build build --target rdkafka -j "$jobs" >/dev/null
  cp build/src/librdkafka.a "$prefix/lib/"
}

build_curl() {
  cd "$(unpacked curl)"
  # Only what a Schema Registry client needs: HTTP and HTTPS over the OpenSSL above, with
  # zlib. The CA bundle is found at run time (SchemaRegistryClient), not fixed here.
  local host libs
  case "$os" in
    linux) host="${target%%.*}" libs="-ldl -lpthread" ;;
    windows) host=x86_64-w64-mingw32 libs="-lkns_compat -lws2_32 -lcrypt32 -lbcrypt" ;;
    macos) host="$arch-apple-darwin" libs="-lpthread" ;;
  esac
  if [[ "$os" == macos ]]; then
    # Only libSystem: no CoreFoundation and SystemConfiguration, which curl calls once before
    # a lookup so that an IPv4 literal resolves on an IPv6-only (NAT64) network; there, give
    # the registry by name.
    sed -i 's/LDFLAGS="$LDFLAGS -framework CoreFoundation -framework SystemConfiguration"/:/' configure
    sed -i 's/#    define CURL_OSX_CALL_COPYPROXIES 1//' lib/curl_setup.h
  fi
  # RC: windres, for a DLL's version resource, which a static library has no use for.
  RC=/bin/true PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig" PKG_CONFIG_PATH="" \
    CPPFLAGS="-I$prefix/include" LDFLAGS="-L$prefix/lib" LIBS="$libs" \
    ./configure --host="$host" --prefix="$prefix" --disable-shared --enable-static \
    --with-openssl="$prefix" --with-zlib="$prefix" --without-zstd --without-brotli \
    --without-libpsl --without-libidn2 --without-nghttp2 --without-librtmp --without-libssh2 \
    --without-ca-bundle --without-ca-path --disable-ldap --disable-ldaps --disable-rtsp \
    --disable-dict --disable-telnet --disable-tftp --disable-pop3 --disable-imap --disable-smb \
    --disable-smtp --disable-gopher --disable-mqtt --disable-ftp --disable-file \
    --disable-manual --disable-ntlm --disable-unix-sockets >/dev/null
  make -j"$jobs" -C lib libcurl.la >/dev/null
  cp lib/.libs/libcurl.a "$prefix/lib/"
  mkdir -p "$prefix/include/curl"
  cp include/curl/*.h "$prefix/include/curl/"
}

# Windows only: what Zig's MinGW import libraries lack (portable/windows).
build_compat() {
  mkdir -p "$prefix/work/compat"
  cd "$prefix/work/compat"
  "$CC" $CFLAGS -c "$here/windows/gai_strerror.c" -o gai_strerror.o
  $AR rcs "$prefix/lib/libkns_compat.a" gai_strerror.o
}

# together NAME...: builds the named libraries at the same time, each once; fails if any did.
# Their configure steps run on one core, so side by side they keep both busy.
together() {
  local pids=() name status=0
  for name in "$@"; do
    once "$name" "build_$name" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || status=1
  done
  return "$status"
}

# Zig builds libc++, libunwind and glibc's stubs for a target at its first C++ link, into its
# own cache (25 s on 2 cores, at the end of the library's build). An empty library linked now
# with the library's own options (Release's -O3 and the stripping -s: Zig keys its builds by
# them) has them built beside the C libraries, whose configure steps leave a core idle.
warm_zig_cxx() {
  echo 'int kns_warm() { return 0; }' >"$prefix/work/warm.cpp"
  "$zig" c++ -target "$target" -fPIC -O3 -DNDEBUG -s -shared -o "$prefix/work/warm.so" \
    "$prefix/work/warm.cpp" >&2
}

warm_zig_cxx &
warm=$!
for tool in ar ranlib; do  # CMake takes these as one program each
  printf '#!/bin/sh\nexec "%s" %s "$@"\n' "$zig" "$tool" >"$prefix/zig-$tool"
  chmod +x "$prefix/zig-$tool"
done
together zlib zstd lz4 openssl  # none needs another
if [[ "$os" == windows ]]; then once compat build_compat; fi
together librdkafka curl        # both on OpenSSL and zlib
wait "$warm"
rm -rf "$prefix/work"
(cd "$prefix" && find include lib -type f -print0 | sort -z | xargs -0 sha256sum >MANIFEST)
echo "$prefix"
