#!/usr/bin/env bash
# A target rate shared by the threads: the run sends at that rate (not faster), and the
# summary reports latency from the intended send times next to the ack latency.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_plan producer-rate.jmx -Jkafka.duration=4 -Jkafka.threads=3 -Jkafka.rate=1000 -Jkafka.batch=10
(($(jtl_count_unsuccessful) == 0)) || fail "failed samples"
acked=$(summary .acked)
# 4 s at 1000/s: the schedule allows at most ~4000 (+ the last batch of each thread), and a
# healthy embedded cluster keeps up with it.
((acked <= 4100)) || fail "$acked messages in 4 s at 1000/s: the rate was not held"
((acked >= 2500)) || fail "only $acked messages in 4 s at 1000/s"
[[ "$(summary .targetMessagesPerSecond)" == 1000 ]] || fail "target rate missing from the summary"
(($(summary .intendedLatencyMicros.count) == acked)) || fail "intended latency not recorded per message"
(($(summary '.intendedLatencyMicros.p99') >= $(summary '.ackLatencyMicros.p50'))) ||
  fail "intended-time latency below ack latency"
echo "producer-rate: $acked messages at a 1000/s target"
