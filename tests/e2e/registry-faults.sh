#!/usr/bin/env bash
# Schema Registry faults fail once, not per sample (the registry test double, which counts the
# requests it gets). A refusal nothing in the test changes (here a wrong password: 401) fails
# one sample per producer thread and stops it, and the registry is asked once, not once per
# sample. A registry that is down (503) may come back: samples fail at once while the client
# backs off, and the registry is asked a handful of times, not once per sample.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap 'kill "${pids[@]}" 2>/dev/null' EXIT

# failed_with CODE: the failed samples whose response code is CODE.
failed_with() {
  awk -F'\t' -v code="$1" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["success"] != "true" && $c["responseCode"] == code { n++ } END { print n + 0 }' "$work/results.jtl"
}

start_registry refusing --user me:secret
run_plan avro-registry.jmx -Jkafka.registry="$registry" -Jkafka.registry.user=me:wrong \
  -Jkafka.threads=2 -Jkafka.consumers=1 -Jkafka.duration=4 -Jkafka.drain=1 >"$work/stdout" 2>&1 ||
  fail "JMeter exited with status $?"
failed=$(jtl_count_unsuccessful)
((failed == 2)) || fail "wrong password: $failed failed samples, not one per producer thread"
(($(failed_with _SCHEMA_REGISTRY) == 2)) || fail "wrong password: the failures are not the registry's refusal"
grep -q "HTTP 401.*this thread stops" "$work/results.jtl" || fail "wrong password: the sample does not say 401 and that the thread stops"
asked=$(cat "$work/refusing.requests")
((asked >= 1 && asked <= 2)) || fail "wrong password: the registry was asked $asked times"
echo "registry-faults: a wrong password failed one sample per thread and asked the registry $asked time(s)"

start_registry down --status 503
run_plan avro-registry.jmx -Jkafka.registry="$registry" -Jkafka.threads=1 -Jkafka.consumers=1 \
  -Jkafka.duration=3 -Jkafka.drain=1 >"$work/stdout" 2>&1 || fail "JMeter exited with status $?"
failed=$(failed_with _SCHEMA_REGISTRY_UNAVAILABLE)
asked=$(cat "$work/down.requests")
# Backoff from 100 ms doubling: at most 6 requests in 3 s, whatever the samples.
((asked >= 1 && asked <= 6)) || fail "registry down: asked $asked times"
((failed > 10 * asked)) || fail "registry down: $failed failed samples for $asked requests"
(($(jtl_count_unsuccessful) == failed)) || fail "registry down: other failures than _SCHEMA_REGISTRY_UNAVAILABLE"
echo "registry-faults: a registry down failed $failed samples at once, asked $asked times"
