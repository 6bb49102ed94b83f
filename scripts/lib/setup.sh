# Sourced by scripts/quickstart and scripts/test: installs what is missing (Debian packages
# only), then configures and builds into $KNS_BUILD_DIR (default build/).
set -euo pipefail

KNS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KNS_BUILD_DIR="${KNS_BUILD_DIR:-$KNS_ROOT/build}"
export KNS_BUILD_DIR

KNS_PACKAGES=(
  cmake make g++ clang pkg-config
  librdkafka-dev libboost-dev libspdlog-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  openjdk-17-jdk-headless openjdk-17-jre junit4 jmeter jmeter-java jmeter-http jq chromium python3
  xvfb xauth
)

kns_install_missing() {
  local missing=()
  for package in "${KNS_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return
  fi
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
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
