#!/usr/bin/env bash
# Fire-and-track against an unreachable cluster: every message fails, and every failure is
# reported — in a later sample's error count or in the thread-end line — none is silent.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_BOOTSTRAP=127.0.0.1:1 run_plan producer-throughput.jmx \
  -Jkafka.duration=3 -Jkafka.threads=2 -Jkafka.batch=10 -Jkafka.timeout=1000 \
  || fail "JMeter exited with status $?"
sent=$(summary .sent)
reported=$(($(jtl_sum ErrorCount) + $(thread_end_sum failed)))
((sent > 0)) || fail "nothing sent"
(($(summary .acked) == 0)) || fail "acknowledged by an unreachable cluster"
((reported == sent)) || fail "$sent messages failed but $reported failures were reported"
grep -q "_MSG_TIMED_OUT" "$work/results.jtl" || fail "samples do not name the error"
echo "tracked-failures: all $sent failed messages reported"
