#!/usr/bin/env bash
# A pipeline through an application: a producer writes stamped messages to the input topic, a
# Kafka Processor stands in for the application (input → output), an output consumer checks
# what arrives, and a Consumer Group Lag sampler watches the application's group from outside.
# Run at least once, then exactly once (transactions), then by an application that drops headers
# (the stamps travel in the value): every acknowledged input arrives at the output once, the lag readings cover the run and end drained, and the run report gives the
# processing rate and the latency the application added.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

check_pipeline() {
  local mode="$1" group="app-$RANDOM-$$"
  shift
  run_plan pipeline.jmx -Jkafka.duration=10 -Jkafka.drain=8 -Jkafka.rate=400 \
    -Jkafka.app.group="$group" "$@"
  local acked arrived
  acked=$(summary '.samplers["Kafka Producer"].acked')
  arrived=$(summary '.consumers["Output consumer"] | .consumed - .redelivered')
  ((acked > 0 && arrived == acked)) || fail "$mode: $acked acknowledged, $arrived arrived at the output"
  for finding in missing duplicates reordered; do
    (($(summary ".consumers[\"Output consumer\"].$finding") == 0)) || fail "$mode: $finding messages at the output"
  done
  (($(summary '.consumers["Output consumer"].endToEndLatencyMicros.count') == acked)) ||
    fail "$mode: the stamps did not travel through the application"
  local readings last
  readings=$(summary ".timeline.groups[\"$group\"] | length")
  last=$(summary ".timeline.groups[\"$group\"][-1][3]")
  ((readings >= 10)) || fail "$mode: $readings lag readings in an 18 s run"
  # librdkafka 2.0.2's mock brokers accept a transaction's offsets but never store them, so on
  # the embedded cluster an exactly-once group's committed offsets stay where they were.
  if [[ "$mode" != "exactly once" || -n "${KAFKA_BOOTSTRAP:-}" ]]; then
    ((last == 0)) || fail "$mode: the application's lag ended at $last, not drained"
  fi
  (($(jtl_count_unsuccessful) == 0)) || fail "$mode: failed samples"
  "$root/scripts/report" "$work" >/dev/null
  jq -e '.processing.groups | length == 1' "$work/report.json" >/dev/null || fail "$mode: no processing section"
  [[ "$mode" != "exactly once" || -n "${KAFKA_BOOTSTRAP:-}" ]] || {
    echo "pipeline ($mode): $acked acknowledged = $arrived at the output, each once (processing rate: not stored by the embedded cluster)"
    return
  }
  local input processing
  input=$(jq -r '.processing.groups[0].inputMessagesPerSecond' "$work/report.json")
  processing=$(jq -r '.processing.groups[0].processingMessagesPerSecond' "$work/report.json")
  # The lag readings see the input at the producer's rate, and the stand-in keeps up with it.
  local produced
  produced=$(summary '.samplers["Kafka Producer"].messagesPerSecond')
  jq -e --argjson produced "$produced" '.processing.groups[0] |
         .inputMessagesPerSecond > 0.75 * $produced and .inputMessagesPerSecond < 1.25 * $produced and
         .processingMessagesPerSecond > 0.8 * .inputMessagesPerSecond' "$work/report.json" >/dev/null ||
    fail "$mode: produced $produced msgs/s; the lag readings say input $input msgs/s, processed $processing msgs/s"
  grep -q "Processing" "$work/report.html" || fail "$mode: the report page has no processing answer"
  echo "pipeline ($mode): $acked acknowledged = $arrived at the output, each once; input $input msgs/s, processed $processing msgs/s; $readings lag readings"
}

check_pipeline "at least once"
check_pipeline "exactly once" -Jkafka.app.exactly=true
grep -q "exactly once, in transactions of" "$work/jmeter.log" || fail "the stand-in did not use transactions"
check_pipeline "headers dropped, stamps in the value" -Jkafka.app.headers=false -Jkafka.stamps=value
