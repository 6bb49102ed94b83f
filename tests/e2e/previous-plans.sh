#!/usr/bin/env bash
# Plans saved before the shim's internals moved into packages by concern load and run: the
# copies in plans/previous-release are testplans/ as of the commit before the move (9837c80).
# Each loads in headless JMeter — every element class and property it names is found — and
# runs until stopped; the quickstart plan runs to its end with every sample successful.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
previous="$root/tests/e2e/plans/previous-release"

for plan in "$previous"/*.jmx; do
  name="$(basename "$plan")"
  run_plan_then 2 StopTestNow "$plan" -Jkafka.duration=1 -Jkafka.drain=1 -Jkafka.poll=500
  grep -q "Created the tree successfully" "$work/stdout" ||
    fail "$name did not load: $(grep -m3 -iE "error|exception" "$work/stdout" "$work/jmeter.log")"
  if grep -qE "CannotResolveClassException|ClassNotFoundException|ConversionException" \
    "$work/stdout" "$work/jmeter.log"; then
    fail "$name names a class or property this release lacks"
  fi
done

run_plan "$previous/quickstart.jmx" -Jkafka.duration=3
(($(jtl_count_unsuccessful) == 0)) || fail "the previous release's quickstart plan had failed samples"
(($(jtl_sum SampleCount) > 0)) || fail "the previous release's quickstart plan sent nothing"
echo "previous-plans: $(ls "$previous"/*.jmx | wc -l) plans of the previous release load; its quickstart runs clean"
