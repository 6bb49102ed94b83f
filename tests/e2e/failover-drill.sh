#!/usr/bin/env bash
# A broker of the embedded cluster goes down mid-run (after the consumer group has formed)
# and comes back: with acks=all and idempotence every acknowledged message is consumed exactly
# once, and the outage shows as the longest gap between acknowledgements.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -z "${KAFKA_BOOTSTRAP:-}" ]] || { echo "failover-drill: needs the embedded cluster; skipped"; exit 0; }

run_plan failover-drill.jmx -Jkafka.duration=14 -Jkafka.drain=15 -Jkafka.rate=500 \
  -Jkafka.faults="7 down 1 for 3" -Jkafka.group="drill-$RANDOM-$$"
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
