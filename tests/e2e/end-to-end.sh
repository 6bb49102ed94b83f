#!/usr/bin/env bash
# Producers at a target rate and a group of 3 consumers: everything produced is consumed,
# nothing is missing, duplicated or reordered, and every message has an end-to-end latency.
# The drain outlasts the plan's 6 s session timeout: the embedded cluster's group coordinator
# now and then holds a rebalance until a member's session expires.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_plan end-to-end.jmx -Jkafka.duration=4 -Jkafka.drain=10 -Jkafka.rate=1000 \
  -Jkafka.group="e2e-group-$RANDOM-$$"
(($(jtl_count_unsuccessful) == 0)) || fail "failed samples"
produced=$(summary '.samplers["Kafka Producer"].acked')
consumed=$(unique_consumed)  # messages read again after a rebalance count once
((produced > 0)) || fail "nothing produced"
((consumed == produced)) || fail "produced $produced, consumed $consumed"
for finding in missing duplicates reordered; do
  (($(summary ".consumers[\"Kafka Consumer\"].$finding") == 0)) || fail "$finding messages"
done
(($(summary '.consumers["Kafka Consumer"] | .endToEndLatencyMicros.count - .consumed') == 0)) ||
  fail "not every message has an end-to-end latency"
echo "end-to-end: $produced produced, $consumed consumed, none missing or duplicated"
