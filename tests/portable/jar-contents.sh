#!/usr/bin/env bash
# The jar as released: its manifest names the plugin, its version and platforms; it holds a
# library per platform (and says each one's size) and, in META-INF, the project's license and notice and the licenses of
# everything linked into the libraries; scripts/install-plugin puts it (and only one copy) into
# a JMeter's lib/ext; the Plugins Manager descriptor lists this version, and its marker and
# component classes are in the jar. The jar stays at most 20 MB.
# Usage: jar-contents.sh JAR VERSION WORK_DIR PLATFORMS (a CMake list: folders separated by ';')
set -euo pipefail
jar="${1:?jar}" version="${2:?version}" work="${3:?work dir}" platforms="${4:?platforms}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"

# A manifest's lines wrap at 72 bytes, continued on lines starting with a space.
unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' |
  awk '/^ / { line = line substr($0, 2); next } NR > 1 { print line } { line = $0 } END { print line }' \
    >"$work/manifest"
grep -qx "Implementation-Title: jmeter-kafka-native" "$work/manifest" || fail "manifest has no title"
grep -qx "Implementation-Version: $version" "$work/manifest" || fail "manifest has no version $version"
grep -qx "Kafka-Native-Platforms: ${platforms//;/ }" "$work/manifest" ||
  fail "manifest does not list the platforms ${platforms//;/ }: $(grep Platforms "$work/manifest")"
unzip -l "$jar" >"$work/listing"
unzip -v "$jar" >"$work/verbose-listing"  # with each entry's compressed size
for folder in ${platforms//;/ }; do
  case "$folder" in
    windows-*) file=kafkanative_jni.dll ;;
    macos-*) file=libkafkanative_jni.dylib ;;
    *) file=libkafkanative_jni.so ;;
  esac
  awk -v entry="native/$folder/$file" '$NF == entry { found = 1
      printf "jar-contents: %s: %.1f MB, %.1f MB compressed\n", entry, $1 / 1048576, $3 / 1048576 }
    END { exit !found }' "$work/verbose-listing" || fail "native/$folder/$file missing from the jar"
done
for entry in META-INF/LICENSE META-INF/NOTICE; do
  grep -q " $entry$" "$work/listing" || fail "$entry missing from the jar"
done
# JMeter 5.6 loads Backend Listener and Java Request clients as services.
for service in org.apache.jmeter.visualizers.backend.BackendListenerClient \
  org.apache.jmeter.protocol.java.sampler.JavaSamplerClient; do
  class=$(unzip -p "$jar" "META-INF/services/$service") || fail "META-INF/services/$service missing"
  grep -q " ${class//.//}.class$" "$work/listing" ||
    fail "META-INF/services/$service names $class, which the jar lacks"
done
size=$(stat -c %s "$jar")
((size <= 20 * 1024 * 1024)) || fail "the jar is $size bytes, more than 20 MB"
for library in librdkafka openssl zstd lz4 zlib curl spdlog fmt nlohmann-json mingw-w64; do
  grep -q " META-INF/licenses/$library.txt$" "$work/listing" || fail "no license of $library"
done
unzip -p "$jar" META-INF/NOTICE | grep -q "jmeter-kafka-native $version" || fail "NOTICE names no version"

mkdir -p "$work/jmeter/lib/ext"
touch "$work/jmeter/lib/ext/jmeter-kafka-native-0.0.1.jar"  # an earlier version
"$root/scripts/install-plugin" "$work/jmeter" "$jar" >"$work/install.out" ||
  fail "install-plugin failed: $(cat "$work/install.out")"
installed=("$work"/jmeter/lib/ext/jmeter-kafka-native*.jar)
((${#installed[@]} == 1)) || fail "lib/ext holds ${#installed[@]} plugin jars, not 1"
cmp -s "${installed[0]}" "$jar" || fail "the installed jar differs from $jar"
"$root/scripts/install-plugin" "$work/nowhere" "$jar" >/dev/null 2>&1 &&
  fail "install-plugin accepted a folder that is no JMeter"

python3 "$root/portable/plugins-manager.py" "$version" "https://example.invalid/x.jar" >"$work/plugins.json"
[[ "$(jq -r ".[0].versions[\"$version\"].downloadUrl" "$work/plugins.json")" == https://example.invalid/x.jar ]] ||
  fail "the descriptor does not list version $version"
for class in $(jq -r '.[0].markerClass, .[0].componentClasses[]' "$work/plugins.json"); do
  grep -q " ${class//.//}.class$" "$work/listing" || fail "descriptor names $class, not in the jar"
done
echo "jar-contents: $version, $size bytes, platforms ${platforms//;/ }, licenses, install-plugin and descriptor checked"
