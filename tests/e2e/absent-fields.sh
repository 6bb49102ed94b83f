#!/usr/bin/env bash
# A plan whose Kafka Connection and Kafka Producer leave out almost every field (written by
# hand, or by an older release) runs with each field's documented default: JMeter's own
# property handling would make a missing number 0 (in 5.5 a missing delivery timeout became
# 0: no limit), a missing choice empty. Checks, from the run's own summary: the delivery and
# flush timeouts in force are the documented 30 s and 10 s, the connection is the one named
# "kafka" (the producer found it by the default name), and every sample sent its default one
# message, waited for, and succeeded.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_plan "$root/tests/e2e/plans/absent-fields.jmx" >"$work/stdout" 2>&1 ||
  fail "JMeter exited with status $?"
(($(jtl_count_unsuccessful) == 0)) || fail "$(jtl_count_unsuccessful) failed samples"
rows=$(($(wc -l <"$work/results.jtl") - 1))
((rows == 20)) || fail "$rows samples, not the plan's 20"
[[ "$(summary .deliveryTimeoutMs)" == 30000 ]] || fail "delivery timeout $(summary .deliveryTimeoutMs), not 30000"
[[ "$(summary .flushTimeoutMs)" == 10000 ]] || fail "flush timeout $(summary .flushTimeoutMs), not 10000"
acked=$(summary '.samplers["Kafka Producer"].acked')
((acked == 20)) || fail "$acked messages acknowledged, not one per sample"
echo "absent-fields: 20 samples of one message each, delivery timeout 30000 ms, flush timeout 10000 ms"
