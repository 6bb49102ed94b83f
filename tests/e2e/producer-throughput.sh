#!/usr/bin/env bash
# Fire-and-track mode: samples end once their messages are queued; every message sent is
# acknowledged and reported, by a later sample or at thread end.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_plan producer-throughput.jmx -Jkafka.duration=3 -Jkafka.threads=2 -Jkafka.batch=500
(($(jtl_count_unsuccessful) == 0)) || fail "failed samples in track mode"
sent=$(summary .sent)
((sent > 0 && sent == $(summary .acked))) || fail "sent $sent, acked $(summary .acked)"
(($(jtl_sum SampleCount) == sent)) || fail "result file has $(jtl_sum SampleCount) messages, $sent sent"
(($(thread_end_sum unreported) == 0)) || fail "deliveries left unreported at thread end"
(($(grep -c "at thread end: .* 0 failed, 0 unreported" "$work/jmeter.log") == 2)) ||
  fail "expected a clean thread-end report per thread"
echo "producer-throughput: $sent messages queued, acknowledged and reported"
