#!/usr/bin/env bash
# The jar as released: its manifest names the plugin, its version and platforms; it holds a
# library per platform and, in META-INF, the project's license and notice and the licenses of
# everything linked into the libraries; scripts/install-plugin puts it (and only one copy) into
# a JMeter's lib/ext; the Plugins Manager descriptor lists this version, and its marker and
# component classes are in the jar.
# Usage: jar-contents.sh JAR VERSION WORK_DIR
set -euo pipefail
jar="${1:?jar}" version="${2:?version}" work="${3:?work dir}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"

unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' >"$work/manifest"
grep -qx "Implementation-Title: jmeter-kafka-native" "$work/manifest" || fail "manifest has no title"
grep -qx "Implementation-Version: $version" "$work/manifest" || fail "manifest has no version $version"
grep -qx "Kafka-Native-Platforms: linux-x86_64 linux-aarch64" "$work/manifest" ||
  fail "manifest does not list both platforms: $(grep Platforms "$work/manifest")"
unzip -l "$jar" >"$work/listing"
for entry in native/linux-x86_64/libkafkanative_jni.so native/linux-aarch64/libkafkanative_jni.so \
  META-INF/LICENSE META-INF/NOTICE; do
  grep -q " $entry$" "$work/listing" || fail "$entry missing from the jar"
done
for library in librdkafka openssl zstd lz4 zlib curl spdlog fmt nlohmann-json; do
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
echo "jar-contents: $version, both platforms, licenses, install-plugin and descriptor checked"
