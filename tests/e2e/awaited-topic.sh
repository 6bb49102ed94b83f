#!/usr/bin/env bash
# Consumers that start before their topic exists wait for it instead of failing samples: the
# end-to-end plan on a new topic with the producers starting 3 s after the consumers has no
# failed sample and reads everything produced. A topic that never comes (no producer at all)
# fails exactly one sample per consumer thread once the wait (2 s here) is out, with a message
# that says so, and no other.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The drain allows for the rebalances the topic's creation brings a group of two: the embedded
# cluster ends each only when a member's session timeout (6 s in the plan) less 1 s runs out,
# and one CI run needed four (10 s of drain then read half the messages).
run_plan end-to-end.jmx -Jkafka.producers.delay=3 -Jkafka.duration=2 -Jkafka.drain=25 \
  -Jkafka.rate=500 -Jkafka.consumers=2 -Jkafka.group="awaited-$RANDOM-$$" >"$work/stdout" 2>&1 ||
  fail "JMeter exited with status $?"
(($(jtl_count_unsuccessful) == 0)) || fail "$(jtl_count_unsuccessful) failed samples: $(
  awk -F'\t' 'NR > 1 && $8 != "true" { print $4 ": " $5; exit }' "$work/results.jtl")"
produced=$(summary '.samplers["Kafka Producer"].acked')
consumed=$(unique_consumed)
((produced > 0)) || fail "nothing produced"
((consumed == produced)) || fail "produced $produced, consumed $consumed"
grep -q "does not exist yet; waiting up to 60 s" "$work/jmeter.log" ||
  fail "jmeter.log does not say the consumers wait for their topic"

run_plan end-to-end.jmx -Jkafka.threads=0 -Jkafka.topic.wait=2 -Jkafka.duration=0 \
  -Jkafka.drain=5 -Jkafka.consumers=2 -Jkafka.group="never-$RANDOM-$$" >"$work/stdout" 2>&1 ||
  fail "JMeter exited with status $?"
failed=$(jtl_count_unsuccessful)
((failed == 2)) || fail "$failed failed samples, not one per consumer thread"
told=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  $c["success"] != "true" && $c["responseCode"] == "UNKNOWN_TOPIC_OR_PART" &&
  $c["responseMessage"] ~ /still does not exist after 2 s/ { n++ } END { print n + 0 }' "$work/results.jtl")
((told == 2)) || fail "the failed samples do not say the topic never came: $(
  awk -F'\t' 'NR > 1 && $8 != "true" { print $4 ": " $5; exit }' "$work/results.jtl")"
echo "awaited-topic: consumers started 3 s early read all $produced messages without a failed" \
  "sample; a topic that never came failed one sample per consumer after 2 s"
