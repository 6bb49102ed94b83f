#!/usr/bin/env bash
# The Kafka Summary listener in a real Swing window under Xvfb: the quickstart plan (which
# carries the listener) runs for a few seconds, the view's model must show a sampler with a
# non-zero rate, message count and p99, and the window must have drawn it; the screenshot is
# kept as the test's artifact (build/tests/e2e/summary-listener-gui/kafka-summary.png).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build="${KNS_BUILD_DIR:-$root/build}"
jmeter_home=/usr/share/jmeter
classpath="$jmeter_home/bin/ApacheJMeter.jar:$jmeter_home/lib/*:$jmeter_home/lib/ext/*"
classpath+=":$build/jmeter-kafka-native.jar:$build/tools/jmeter-launcher/jmeter213-launcher.jar"
classpath+=":$build/tests/e2e/summary_listener_gui.jar"
cd "$work"  # jmeter.log lands here
xvfb-run -a -s "-screen 0 1600x900x24" \
  java -Djmeter.home="$jmeter_home" -cp "$classpath" io.kafkanative.jmeter.SummaryListenerGui \
  "$jmeter_home" "$root/testplans/quickstart.jmx" "$work/kafka-summary.png" \
  kafka.bootstrap="${KAFKA_BOOTSTRAP:-embedded}" kafka.topic="summary-$RANDOM-$$" \
  kafka.duration=7 kafka.threads=2 kafka.batch=20 | tee "$work/gui.txt"
grep -q "^SummaryListenerGui: " "$work/gui.txt" || fail "the listener showed no figures"
[[ -s "$work/kafka-summary.png" ]] || fail "no screenshot"
