#!/usr/bin/env bash
# Two JMeter engines (two headless JMeter processes, as jmeter-server engines would be) run the
# end-to-end plan against one cluster: both produce stamped messages to one topic and their
# consumers form one group spread across both engines. Each engine writes its own summary;
# scripts/report merges them. Checks: every sample succeeded on both engines, their producer
# ids name their engines, the merged report's counts are the sums of the engines', each
# engine's share is listed, nothing produced went unconsumed and neither engine's verifier
# found a gap or a duplicate. (Exact per-message completeness across engines would need the
# verifiers' states merged too: a partition that moves between engines is read from its last
# commit by the other, which cannot tell those reads from first ones.)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build="${KNS_BUILD_DIR:-$root/build}"
topic="engines-$RANDOM-$$"
group="engines-$RANDOM-$$"
mkdir -p "$work/merged"
rm -f "$work"/merged/*.json

cluster_pid=""
trap '[[ -n "$cluster_pid" ]] && kill "$cluster_pid" 2>/dev/null' EXIT
bootstrap="${KAFKA_BOOTSTRAP:-}"
if [[ -z "$bootstrap" ]]; then  # one cluster both engines reach: the embedded one, as a process
  "$build/tools/embedded-cluster/kns-embedded-cluster" 3 "$topic:6" >"$work/bootstrap" 2>/dev/null &
  cluster_pid=$!
  for _ in $(seq 50); do [[ -s "$work/bootstrap" ]] && break; sleep 0.1; done
  bootstrap="$(head -1 "$work/bootstrap")"
fi

engine() {  # engine NAME: one engine's run, in the background
  "$root/scripts/jmeter" -n -t "$root/testplans/end-to-end.jmx" \
    -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic" -Jkafka.group="$group" \
    -Jkafka.duration=4 -Jkafka.drain=12 -Jkafka.rate=500 -Jkafka.consumers=2 \
    -Jkafka.summary="$work/merged/summary-$1.json" -l "$work/$1.jtl" -j "$work/$1.log" \
    >"$work/$1.out" 2>&1 &
}
rm -f "$work"/a.jtl "$work"/b.jtl
engine a
engine_a=$!
engine b
wait "$engine_a" || fail "engine a: JMeter exited with status $?"
wait $! || fail "engine b: JMeter exited with status $?"

for name in a b; do
  failed=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
                       $c["success"] != "true" { n++ } END { print n + 0 }' "$work/$name.jtl")
  ((failed == 0)) || fail "engine $name: $failed failed samples"
done
check_merged_engines
echo "two-engines: $produced produced by two engines, $consumed consumed by a group across both;" \
  "merged report equals their sum"
