#!/usr/bin/env bash
# The producer through the Java Request sampler behaves as the Kafka Producer sampler does.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_plan producer-java-request.jmx -Jkafka.duration=3 -Jkafka.batch=20
(($(jtl_count_unsuccessful) == 0)) || fail "failed samples"
acked=$(summary .acked)
((acked > 0 && acked == $(summary .sent))) || fail "sent $(summary .sent), acked $acked"
(($(jtl_sum SampleCount) == acked)) || fail "result file counts $(jtl_sum SampleCount), acked $acked"
[[ "$(summary '.samplers | keys[0]')" == "Kafka via Java Request" ]] ||
  fail "statistics not under the Java Request's name"
echo "java-request: $acked messages acknowledged"
