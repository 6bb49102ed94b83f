#!/usr/bin/env bash
# The embedded cluster's brokers go down mid-run (after the consumer group has formed) and
# come back: with acks=all and idempotence every acknowledged message is consumed exactly once,
# and the outage shows as the longest gap between acknowledgements. All three go down, so the
# outage reaches every partition and the group coordinator, wherever they are.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -z "${KAFKA_BOOTSTRAP:-}" ]] || { echo "failover-drill: needs the embedded cluster; skipped"; exit 0; }

faults=$'8 down 1 for 3\n8 down 2 for 3\n8 down 3 for 3'
run_plan failover-drill.jmx -Jkafka.duration=14 -Jkafka.drain=20 -Jkafka.rate=500 \
  -Jkafka.faults="$faults" -Jkafka.group="drill-$RANDOM-$$"
grep -q "broker 1 down" "$work/jmeter.log" || fail "the fault was not applied"
acked=$(summary '.samplers["Kafka Producer"].acked')
consumed=$(summary '.consumers["Kafka Consumer"].consumed')
((acked > 0 && consumed == acked)) || fail "acknowledged $acked, consumed $consumed"
for finding in missing duplicates reordered; do
  (($(summary ".consumers[\"Kafka Consumer\"].$finding") == 0)) || fail "$finding messages"
done
gap=$(summary '.samplers["Kafka Producer"].longestAckGapMicros')
((gap >= 3000000)) || fail "a 3 s outage left only a ${gap} µs gap between acknowledgements"
echo "failover-drill: $acked acknowledged = $consumed consumed once each; outage seen by the client: $((gap / 1000)) ms"
