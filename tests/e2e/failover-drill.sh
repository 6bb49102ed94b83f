#!/usr/bin/env bash
# The embedded cluster's brokers go down mid-run (after the consumer group has formed) and
# come back. All three go down, so the outage reaches every partition and the group
# coordinator, wherever they are.
#  1. Default delivery timeout: librdkafka retries through the outage; with acks=all and
#     idempotence no acknowledged message is lost, and the outage shows as a stall (no
#     acknowledgements) in the summary's disruptions. A request the brokers wrote just before
#     going down is retried, and the embedded cluster writes it again: librdkafka 2.0.2's mock
#     brokers check sequences only for transactional producers (rd_kafka_mock_validate_records),
#     where a real broker would answer DUPLICATE_SEQUENCE_NUMBER. Such duplicates must be
#     reported, and few: at most what was in flight when the brokers went down.
#  2. A delivery timeout shorter than the outage: messages fail, the samples say so, and the
#     outage is reported from the first failure to the first success after it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -z "${KAFKA_BOOTSTRAP:-}" ]] || { echo "failover-drill: needs the embedded cluster; skipped"; exit 0; }

# longest DISRUPTION_KIND: the longest such disruption in the summary, µs (0 if none).
longest() {
  summary "[.timeline.disruptions[] | select(.kind == \"$1\") | .untilEpochMicros - .fromEpochMicros] | max // 0"
}

faults=$'8 down 1 for 3\n8 down 2 for 3\n8 down 3 for 3'
run_plan failover-drill.jmx -Jkafka.duration=14 -Jkafka.drain=20 -Jkafka.rate=500 \
  -Jkafka.faults="$faults" -Jkafka.group="drill-$RANDOM-$$"
grep -q "broker 1 down" "$work/jmeter.log" || fail "the fault was not applied"
acked=$(summary '.samplers["Kafka Producer"].acked')
consumed=$(unique_consumed)
duplicates=$(summary '.consumers["Kafka Consumer"].duplicates')
((acked > 0 && consumed - duplicates == acked)) ||
  fail "acknowledged $acked, consumed $consumed of which $duplicates written twice"
((duplicates * 100 <= acked)) || fail "$duplicates of $acked acknowledged messages written twice"
for finding in missing reordered; do
  (($(summary ".consumers[\"Kafka Consumer\"].$finding") == 0)) || fail "$finding messages"
done
stall=$(longest "no acknowledgements")
((stall >= 3000000)) || fail "a 3 s outage left only a ${stall} µs stall in acknowledgements"
(($(summary '.faults | length') == 3)) || fail "the summary does not list the 3 faults"
echo "failover-drill: $acked acknowledged, none lost; $duplicates written twice by the embedded cluster; stall seen by the client: $((stall / 1000)) ms"

# The producers run on 14 s after the brokers return: librdkafka's reconnect backoff grows
# while they are down (up to reconnect.backoff.max.ms, 10 s, with jitter), so the first
# success after the outage may come seconds after the brokers are back.
faults=$'6 down 1 for 6\n6 down 2 for 6\n6 down 3 for 6'
run_plan failover-drill.jmx -Jkafka.duration=26 -Jkafka.drain=15 -Jkafka.rate=500 \
  -Jkafka.timeout=2000 -Jkafka.faults="$faults" -Jkafka.group="drill-$RANDOM-$$"
failed=$(summary '.samplers["Kafka Producer"].failed')
((failed > 0 && $(jtl_sum ErrorCount) >= failed)) ||
  fail "a 6 s outage with a 2 s delivery timeout: $failed failed, $(jtl_sum ErrorCount) in the results"
# When librdkafka reports the timed-out messages while no broker is up varies (2 s after
# sending, or only once the brokers are back), so the failures' own span may be short; what
# the client saw is the stall: no acknowledgement for at least the outage's first seconds.
outage=$(longest failures)
((outage > 0)) || fail "no outage from first failure to first success was recorded"
stall=$(longest "no acknowledgements")
((stall >= 3000000 && stall <= 20000000)) || fail "a 6 s outage left a ${stall} µs stall in acknowledgements"
grep -q "disruption (failures)" "$work/jmeter.log" || fail "jmeter.log does not tell the outage"
sent=$(summary '.samplers["Kafka Producer"].sent')
consumed=$(unique_consumed)
missing=$(summary '.consumers["Kafka Consumer"].missing')
acked=$(summary '.samplers["Kafka Producer"].acked')
# A timed-out message may still have been written ("possibly persisted"), so exactness is:
# nothing acknowledged lost, what is missing failed, and only few written twice (see 1.).
duplicates=$(summary '.consumers["Kafka Consumer"].duplicates')
((duplicates * 100 <= acked)) || fail "$duplicates of $acked acknowledged messages written twice"
once=$((consumed - duplicates))
((once >= acked && missing <= failed && once + missing <= sent)) ||
  fail "sent $sent, acknowledged $acked, failed $failed; consumed $consumed ($duplicates twice), missing $missing"
echo "failover-drill: $failed failed during the outage, reported in the results; failures reported over $((outage / 1000)) ms, stall $((stall / 1000)) ms; $acked acknowledged, $consumed consumed ($duplicates twice), $missing missing"

# The run report shows the outage: listed with its failed messages, shaded on the charts.
"$root/scripts/report" "$work" >/dev/null
jq -e '[.failover.disruptions[] | select(.kind == "failures" and .failedMessages > 0)] | length > 0' \
  "$work/report.json" >/dev/null || fail "the report lists no outage with failed messages"
jq -e '.failover.faults | length == 3' "$work/report.json" >/dev/null || fail "the report misses the faults"
grep -q 'class="band"' "$work/report.html" || fail "the report's charts shade no outage"
