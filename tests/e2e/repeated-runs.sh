#!/usr/bin/env bash
# Ten start/stop cycles of the end-to-end plan (producers and a consumer group) in one JVM,
# through JMeter's engine as the GUI drives it: after two warm-up runs, each run must leave the
# process's threads within 2, file descriptors within 8 and resident memory within 64 MB of
# what they were (RepeatedRuns checks and prints them).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build="${KNS_BUILD_DIR:-$root/build}"
jmeter_home=/usr/share/jmeter
classpath="$jmeter_home/bin/ApacheJMeter.jar:$jmeter_home/lib/*:$jmeter_home/lib/ext/*"
classpath+=":$build/jmeter-kafka-native.jar:$build/tools/jmeter-launcher/jmeter213-launcher.jar"
classpath+=":$build/tests/e2e/repeated_runs.jar"
cd "$work"  # jmeter.log and any other file JMeter writes land here
java -Djmeter.home="$jmeter_home" -cp "$classpath" io.kafkanative.e2e.RepeatedRuns \
  "$jmeter_home" "$root/testplans/end-to-end.jmx" \
  kafka.bootstrap="${KAFKA_BOOTSTRAP:-embedded}" kafka.topic="cycles-$RANDOM-$$" \
  kafka.group="cycles-$RANDOM-$$" kafka.duration=4 kafka.drain=1 kafka.summary="$work/summary.json" |
  tee "$work/runs.txt"
grep -q "RepeatedRuns: 10 runs" "$work/runs.txt" || fail "the runs did not complete"
jq -e '.samplers["Kafka Producer"].acked > 0' "$work/summary.json" >/dev/null ||
  fail "the last run acknowledged nothing"
