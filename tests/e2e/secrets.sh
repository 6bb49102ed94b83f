#!/usr/bin/env bash
# A SASL password typed into the Kafka Connection's password field reaches librdkafka, and
# appears nowhere else: not in jmeter.log, the result file or the native summary.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

secret="S3cret-$RANDOM$RANDOM-never-logged"
plan="$work/secret-plan.jmx"
sed "s|<stringProp name=\"summaryFile\">|<stringProp name=\"securityProtocol\">sasl_plaintext</stringProp>\\
        <stringProp name=\"saslMechanism\">PLAIN</stringProp>\\
        <stringProp name=\"saslUsername\">load-tester</stringProp>\\
        <stringProp name=\"saslPassword\">$secret</stringProp>\\
        &|" "$root/testplans/quickstart.jmx" >"$plan"
grep -q "$secret" "$plan" || fail "the secret did not make it into the plan"

"$root/scripts/jmeter" -n -t "$plan" -l "$work/results.jtl" -j "$work/jmeter.log" \
  -Jkafka.summary="$work/summary.json" -Jkafka.bootstrap="${KAFKA_BOOTSTRAP:-embedded}" \
  -Jkafka.topic="e2e-secret-$$" -Jkafka.duration=3 -Jkafka.batch=5 -Jkafka.timeout=2000 \
  || fail "JMeter exited with status $?"

# The run used SASL (so the password was in play): librdkafka says so in the log.
grep -qi "sasl" "$work/jmeter.log" || fail "no sign that SASL was configured"
for file in "$work/jmeter.log" "$work/results.jtl" "$work/summary.json"; do
  [[ -s "$file" ]] || fail "$file missing"
  ! grep -q "$secret" "$file" || fail "the SASL password leaked into $(basename "$file")"
done
echo "secrets: the SASL password appears in no log or result file"
