#!/usr/bin/env bash
# Flood detection: a well-behaved producer at a steady rate, and a flood from a client id of
# its own from second 4 to 8. The run report times the flood from the flood connection's
# summary and splits the well-behaved producer's figures before, during and after it. The
# embedded cluster enforces no quota, so it must say that no throttled response came and
# why; against a cluster with a quota for client id "flood", the first throttle is timed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_plan flood.jmx -Jkafka.duration=12 -Jkafka.rate=500 -Jkafka.flood.start=4 \
  -Jkafka.flood.duration=4 -Jkafka.flood.threads=2 -Jkafka.flood.summary="$work/flood-summary.json"
[[ -s "$work/flood-summary.json" ]] || fail "the flood connection wrote no summary"
(($(jq -r '.samplers.Flood.acked' "$work/flood-summary.json") > 0)) || fail "the flood sent nothing"
(($(summary '.samplers["Well-behaved producer"].failed') == 0)) || fail "well-behaved messages failed"
"$root/scripts/report" "$work" >/dev/null
# The flood's span is what its threads did: from its first message to the end of its last
# sample or thread-end wait (its connection purges after 1 s), not however long its queue lasted.
jq -e '.flood.startSecond > 2.5 and .flood.startSecond < 7 and
       .flood.endSecond > .flood.startSecond + 3 and .flood.endSecond < .flood.startSecond + 7' \
  "$work/report.json" >/dev/null || fail "the flood's window: $(jq -c '.flood | {startSecond, endSecond}' "$work/report.json")"
for phase in before during after; do
  jq -e ".flood.wellBehaved.$phase.seconds > 0 and .flood.wellBehaved.$phase.ackedPerSecond > 0" \
    "$work/report.json" >/dev/null || fail "no well-behaved figures $phase the flood"
done
if [[ -z "${KAFKA_BOOTSTRAP:-}" ]]; then
  jq -e '.flood.firstThrottleAfterSeconds == null and (.flood.noThrottle | test("no quotas"))' \
    "$work/report.json" >/dev/null || fail "the embedded cluster's lack of quotas is not said"
fi
grep -q "Flood: does the cluster push back" "$work/report.html" || fail "no flood answer on the page"
jq -c '.flood | {startSecond, endSecond, floodMessagesPerSecond, firstThrottleAfterSeconds,
                 before: .wellBehaved.before.ackLatencyMicros, during: .wellBehaved.during.ackLatencyMicros,
                 after: .wellBehaved.after.ackLatencyMicros}' "$work/report.json" | sed 's/^/flood: /'
