#!/usr/bin/env bash
# The capacity ramp's five rate steps run one after another and the report's "Rate steps"
# lists them in order with the capacity the stated rule gives (recomputed here).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_plan capacity-ramp.jmx -Jkafka.step=2 -Jkafka.threads=2 -Jkafka.rate1=1000 -Jkafka.rate2=2000 \
  -Jkafka.rate3=4000 -Jkafka.rate4=8000 -Jkafka.rate5=16000 >"$work/stdout"
"$root/scripts/report" "$work" >/dev/null
steps=$(jq -c '[.capacity.rateSteps.steps[].targetMessagesPerSecond]' "$work/report.json")
[[ "$steps" == "[1000,2000,4000,8000,16000]" ]] || fail "rate steps $steps"
jq -e '.capacity.rateSteps.steps[] | .messagesPerSecond > 0' "$work/report.json" >/dev/null ||
  fail "a step sent nothing"
expected=$(jq '.capacity.rateSteps.steps as $s | [$s[] | select(.messagesPerSecond >= 0.95 * .targetMessagesPerSecond
                 and .failed == 0 and .intendedP99Micros <= 10 * ([$s[0].intendedP99Micros, 1] | max))
               | .targetMessagesPerSecond] | last' "$work/report.json")
held=$(jq '.capacity.rateSteps.highestHeldMessagesPerSecond' "$work/report.json")
[[ "$held" == "$expected" ]] || fail "capacity $held, the rule gives $expected"
grep -q "Rate steps" "$work/report.html" || fail "the page has no rate steps"
# Serialized thread groups: each step's first send after the previous step's.
jq -e '[.samplers | to_entries | sort_by(.value.targetMessagesPerSecond)[].value.firstSendEpochMicros]
       | . == sort' "$work/summary.json" >/dev/null || fail "the steps overlapped"
echo "capacity-ramp: steps $steps, capacity $held msgs/s"
