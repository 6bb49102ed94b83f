#!/usr/bin/env bash
# Bad input in one sampler fails that sampler's samples with a message naming the field and
# the problem, logs it once, and leaves the rest of the plan running; JMeter ends normally.
# A configuration error no later sample can fix fails once per thread and stops that thread
# (every sampler here has a thread group of its own: 2 threads, 3 loops), not at full speed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_plan "$root/tests/e2e/plans/bad-input.jmx" || fail "JMeter exited with status $?"

# expect LABEL TEXT [SAMPLES]: every sample of LABEL failed, its response code or message has
# TEXT, and there were SAMPLES of them (default 2: one per thread, the thread then stopped).
expect() {
  awk -F'\t' -v label="$1" -v text="$2" -v expected="${3:-2}" '
    NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["label"] == label {
      n++
      if ($c["success"] == "true") ok++
      if (index($c["responseCode"] " " $c["responseMessage"], text) > 0) named++
    }
    END {
      if (n == 0) { print "FAIL: no samples for " label; exit 1 }
      if (ok > 0 || named != n) { print "FAIL: " label ": " n " samples, " ok " succeeded, " named " say: " text; exit 1 }
      if (n != expected) { print "FAIL: " label ": " n " failed samples, expected " expected; exit 1 }
    }' "$work/results.jtl" || exit 1
  (($(grep -c "ERROR .*$1: " "$work/jmeter.log") == 1)) || fail "$1: not logged exactly once"
}

expect "empty topic" "topic: must not be empty"
expect "illegal topic" "may only contain letters, digits"
expect "long topic" "longer than 249 characters"
expect "bad template" "value template: unknown placeholder '{{nope}}' at position 1"
expect "bad random range" "{{random_int:MIN:MAX}}"
expect "missing payload file" "payload file: '/nonexistent/payloads.txt' does not exist"
expect "by-key without key" "partitioning by key: needs a key template"
expect "zero messages" "messages per sample"
expect "bad partitioning" "partitioning: 'sideways' is not one of"
expect "bad header" "headers, line 1: expected key=value"
expect "unknown connection" "no Kafka Connection named 'nowhere'"
# Refused per message by librdkafka, and a variable's value: either may differ next time.
expect "oversized value" "MSG_SIZE_TOO_LARGE" 6
expect "variable topic" "may only contain letters, digits" 6
expect "connection conflicting" "Kafka Connection 'conflicting'"
expect "connection badvalue" "compression.type"
expect "connection nocert" "ssl.ca.location failed"

awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  $c["label"] == "good" { n++; if ($c["success"] == "true") ok++ }
  END { if (n == 0 || ok != n) { print "FAIL: the good sampler did not keep working"; exit 1 } }' \
  "$work/results.jtl" || exit 1
grep -q "this thread stops" "$work/results.jtl" || fail "a stopped thread is not explained"
grep -q "empty topic: 2 samples failed before sending or receiving anything; first: _INVALID_ARG topic" \
  "$work/jmeter.log" || fail "the end-of-test summary does not count the refused samples"
echo "bad-input: 16 kinds of bad input reported by name, configuration errors once per thread," \
  "the good sampler unaffected"

# The configuration errors a user can make from the command line, on the quickstart plan:
# one failed sample per thread (2), a clear reason, JMeter ending normally - not a flood.
for setting in kafka.acks=maybe kafka.batch=abc "kafka.topic=bad topic!" kafka.linger=-1 \
  kafka.size=2000000000; do
  run_plan quickstart.jmx -Jkafka.duration=3 "-J$setting" || fail "$setting: JMeter exited with status $?"
  rows=$(awk -F'\t' 'NR > 1 && $4 != "" { n++ } END { print n + 0 }' "$work/results.jtl")
  ((rows == 2)) || fail "$setting: $rows result rows, expected one failed sample per thread"
  (($(jtl_count_unsuccessful) == 2)) || fail "$setting: the samples did not fail"
  grep -q "this thread stops" "$work/results.jtl" || fail "$setting: the stop is not explained"
done
echo "bad-input: 5 configuration errors of the quickstart plan, each one failed sample per thread"

# The native library missing or unloadable: samples fail saying so; JMeter is not harmed.
run_plan quickstart.jmx -Jkafka.duration=2 -Dkafkanative.library.path=/nonexistent/libkafkanative_jni.so ||
  fail "JMeter exited with status $?"
expect "Kafka Producer" "_NATIVE_LIBRARY"
grep -q "kafka-native library not loaded" "$work/results.jtl" || fail "the library error is not explained"
echo "bad-input: a missing native library fails the samples with _NATIVE_LIBRARY, JMeter ends normally"
