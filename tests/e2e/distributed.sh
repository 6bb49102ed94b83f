#!/usr/bin/env bash
# JMeter's own distributed mode: two jmeter-server engines on loopback (their own registry and
# object ports) and a controller with -R run the end-to-end plan against one cluster that
# both reach (kns-embedded-cluster as a process, or $KAFKA_BOOTSTRAP). Each engine opens its
# own connections, produces stamped messages to one topic and joins one consumer group; at
# the end each sends its native summary to the controller through JMeter's result stream (the
# plan's tearDown Kafka Engine Summary sampler), and the controller's Kafka Summary listener
# writes them as summary-HOST-PID.json; scripts/report merges them. Checks: both engines'
# samples and summaries reach the controller, none failed, the engines are told apart, the
# merged report's counts are the engines' sums, everything produced was consumed, and no gap
# or duplicate was found. The engines write no summary files of their own here: what is
# merged came over the network. (RMI: JMeter 2.13 has no SSL for it; the registry listens on every
# interface of this machine, advertised as 127.0.0.1, for the test's few seconds.)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build="${KNS_BUILD_DIR:-$root/build}"
topic="distributed-$RANDOM-$$"
mkdir -p "$work/merged"
rm -f "$work"/merged/* "$work"/*.log "$work/controller.jtl"

pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done' EXIT
bootstrap="${KAFKA_BOOTSTRAP:-}"
if [[ -z "$bootstrap" ]]; then
  "$build/tools/embedded-cluster/kns-embedded-cluster" 3 "$topic:6" >"$work/bootstrap" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 50); do [[ -s "$work/bootstrap" ]] && break; sleep 0.1; done
  bootstrap="$(head -1 "$work/bootstrap")"
fi

base=$((20000 + RANDOM % 20000))  # registry and object ports of the two engines
engines=()
engine_pids=()
for engine in 0 1; do
  registry=$((base + 2 * engine))
  "$root/scripts/jmeter" -s -Dserver_port="$registry" -Djava.rmi.server.hostname=127.0.0.1 \
    -Jserver.rmi.localport=$((registry + 1)) -j "$work/engine-$engine.log" \
    >"$work/engine-$engine.out" 2>&1 &
  pids+=($!)
  engine_pids+=($!)
  engines+=("127.0.0.1:$registry")
done
# An engine starts in a few seconds alone, but CI starts it beside three other JMeters on two
# cores (a 20 s wait once ran out there): wait while it lives, up to 90 s, and say why it ended.
for engine in 0 1; do
  for _ in $(seq 450); do
    grep -q "Bound to registry" "$work/engine-$engine.log" 2>/dev/null && break
    kill -0 "${engine_pids[engine]}" 2>/dev/null ||
      fail "engine $engine ended before it started: $(tail -5 "$work/engine-$engine.out")"
    sleep 0.2
  done
  grep -q "Bound to registry" "$work/engine-$engine.log" ||
    fail "engine $engine did not start in 90 s: $(tail -5 "$work/engine-$engine.log")"
done

"$root/scripts/jmeter" -n -t "$root/testplans/end-to-end.jmx" -Djava.rmi.server.hostname=127.0.0.1 \
  -R "$(IFS=,; echo "${engines[*]}")" -Gkafka.bootstrap="$bootstrap" -Gkafka.topic="$topic" \
  -Gkafka.group="$topic" -Gkafka.duration=4 -Gkafka.drain=12 -Gkafka.rate=500 \
  -Gkafka.consumers=2 -Jkafka.summaries.dir="$work/merged" \
  -l "$work/controller.jtl" -j "$work/controller.log" >"$work/controller.out" 2>&1 ||
  fail "the controller exited with status $?"

rows=$(($(wc -l <"$work/controller.jtl") - 1))
((rows > 0)) || fail "no samples reached the controller"
failed=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
                     $c["success"] != "true" { n++ } END { print n + 0 }' "$work/controller.jtl")
((failed == 0)) || fail "$failed failed samples"
summaries=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
                        $c["label"] == "Kafka Engine Summary" { n++ } END { print n + 0 }' "$work/controller.jtl")
((summaries == 2)) || fail "$summaries engine summary samples reached the controller, not 2"
check_merged_engines
echo "distributed: two jmeter-server engines, $rows samples at the controller, $produced produced," \
  "$consumed consumed; merged report equals the engines' sum"
