#!/usr/bin/env bash
# A bootstrap nobody listens on: samples fail with librdkafka's reason within the delivery
# timeout, and JMeter still ends normally (exit status 0, the end-of-run summary written).
# With debug=broker in the connection's properties, librdkafka's debug lines reach jmeter.log.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_BOOTSTRAP=127.0.0.1:1 run_plan quickstart.jmx \
  -Jkafka.duration=3 -Jkafka.threads=2 -Jkafka.batch=5 -Jkafka.timeout=2000 \
  -Jkafka.properties=debug=broker || fail "JMeter exited with status $?"

awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  { samples++ }
  $c["success"] == "true" { ok++ }
  $c["responseCode"] == "_MSG_TIMED_OUT" && $c["responseMessage"] ~ /Connection refused/ { explained++ }
  END {
    if (samples == 0) { print "FAIL: no samples"; exit 1 }
    if (ok > 0) { print "FAIL: " ok " samples succeeded against an unreachable cluster"; exit 1 }
    if (explained != samples) { print "FAIL: only " explained " of " samples " samples say why"; exit 1 }
    print "unreachable-bootstrap: " samples " samples failed with the reason" }' "$work/results.jtl"
[[ "$(jq .acked "$work/summary.json")" == 0 ]] || fail "messages acked by an unreachable cluster"
grep -q "Connection refused" "$work/jmeter.log" || fail "librdkafka's warning not in jmeter.log"
grep -qE "kafka-native debug: [^ ]+#producer-[0-9]+ [A-Z]+: " "$work/jmeter.log" ||
  fail "no librdkafka debug line in jmeter.log although debug=broker was set"
