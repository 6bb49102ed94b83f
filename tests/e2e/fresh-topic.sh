#!/usr/bin/env bash
# Stamped messages to a topic that does not exist yet (every run_plan topic is new): the broker
# creates it on first use, and until it has a leader the producers wait, as librdkafka does,
# instead of failing their first samples with LEADER_NOT_AVAILABLE. Also: JMeter starts
# quietly (no stack traces a newcomer would read as a failure).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_plan producer-rate.jmx -Jkafka.duration=3 -Jkafka.threads=4 -Jkafka.rate=2000 \
  -Jkafka.batch=10 >"$work/console.txt" 2>&1
samples=$(awk 'END { print NR - 1 }' "$work/results.jtl")
((samples > 0)) || fail "no samples"
(($(jtl_count_unsuccessful) == 0)) || fail "$(jtl_count_unsuccessful) of $samples samples failed: $(
  awk -F'\t' 'NR > 1 && $8 != "true" { print $4 ": " $5; exit }' "$work/results.jtl")"
(($(summary .failed) == 0)) || fail "$(summary .failed) messages failed"
if grep -q "Exception" "$work/console.txt"; then
  fail "JMeter printed an exception: $(grep -m1 Exception "$work/console.txt")"
fi
echo "fresh-topic: $samples samples, $(summary .acked) stamped messages to a new topic, none failed"
