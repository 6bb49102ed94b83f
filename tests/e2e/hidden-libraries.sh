#!/usr/bin/env bash
# The jar works where nothing of ours is installed: in a private mount namespace, the system's
# librdkafka, spdlog, fmt, OpenSSL, zstd, lz4, SASL and curl libraries are hidden (an empty file
# bound over each), and the quickstart plan runs in JMeter from the jar alone. The hiding is
# checked first: this machine's own build of the library, which links them, must fail to load.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build="${KNS_BUILD_DIR:-$root/build}"

if [[ "${KNS_HIDDEN:-}" != 1 ]]; then
  unshare --mount true || fail "cannot make a private mount namespace (unshare needs root)"
  KNS_HIDDEN=1 exec unshare --mount --propagation private bash "${BASH_SOURCE[0]}" "$work"
fi
: >"$work/empty"
hidden=0
for library in /usr/lib/*-linux-gnu/{librdkafka,libspdlog,libfmt,libssl,libcrypto,libzstd,liblz4,libsasl2,libcurl}*.so*; do
  [[ -f "$library" ]] || continue
  mount --bind "$work/empty" "$library" || fail "cannot hide $library"
  hidden=$((hidden + 1))
done
((hidden > 0)) || fail "found none of the libraries to hide"
if ldd "$build/jni/libkafkanative_jni.so" >"$work/ldd-host" 2>&1 &&
  ! grep -q "not found\|too short" "$work/ldd-host"; then
  fail "the hiding did not work: this machine's build still loads ($(head -3 "$work/ldd-host"))"
fi

run_plan quickstart.jmx -Jkafka.duration=3 -Jkafka.threads=2 -Jkafka.batch=50
failed=$(jtl_count_unsuccessful)
samples=$(($(wc -l <"$work/results.jtl") - 1))
((samples > 0)) || fail "no samples: $(grep -m3 'ERROR' "$work/jmeter.log")"
((failed == 0)) || fail "$failed of $samples samples failed: $(grep -m3 'ERROR' "$work/jmeter.log")"
(($(jq .acked "$work/summary.json") > 0)) || fail "nothing acknowledged"
echo "hidden-libraries: $hidden system libraries hidden; $samples samples from the jar alone," \
  "$(jq .acked "$work/summary.json") messages acknowledged"
