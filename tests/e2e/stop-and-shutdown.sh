#!/usr/bin/env bash
# JMeter's Stop ends samples blocked on an unreachable cluster at once (they report _INTR);
# its Shutdown lets a fire-and-track run finish its in-flight messages: both exit promptly.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Stop: every sample would otherwise wait 60 s for its delivery timeout.
KAFKA_BOOTSTRAP=127.0.0.1:1 run_plan_then 3 StopTestNow quickstart.jmx \
  -Jkafka.duration=120 -Jkafka.timeout=60000 -Jkafka.batch=5
((elapsed < 30)) || fail "Stop took ${elapsed}s; samples were not interrupted"
grep -q "_INTR" "$work/results.jtl" || fail "interrupted samples do not say so"
echo "stop: JMeter ended ${elapsed}s after start, samples interrupted"

# Shutdown: samples finish, thread end waits for in-flight messages, nothing is lost.
run_plan_then 3 Shutdown producer-throughput.jmx -Jkafka.duration=120 -Jkafka.batch=1000
((elapsed < 30)) || fail "Shutdown took ${elapsed}s"
(($(jtl_count_unsuccessful) == 0)) || fail "failed samples after Shutdown"
sent=$(summary .sent)
((sent > 0 && sent == $(summary .acked))) || fail "sent $sent, acked $(summary .acked)"
(($(thread_end_sum unreported) == 0)) || fail "deliveries unreported at thread end"
echo "shutdown: ended ${elapsed}s after start, all $sent messages acknowledged and reported"
