# Shared by the end-to-end tests: runs a plan through scripts/jmeter against the embedded
# cluster, or against $KAFKA_BOOTSTRAP when set.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:?usage: $0 WORK_DIR}"
rm -rf "$work" && mkdir -p "$work"

# run_plan PLAN [JMETER ARGS...]: headless run writing results.jtl, jmeter.log, summary.json.
run_plan() {
  local plan="$1"
  shift
  [[ "$plan" == */* ]] || plan="$root/testplans/$plan"
  rm -f "$work/results.jtl" "$work/jmeter.log" "$work/summary.json"  # JMeter appends
  "$root/scripts/jmeter" -n -t "$plan" \
    -l "$work/results.jtl" -j "$work/jmeter.log" -Jkafka.summary="$work/summary.json" \
    -Jkafka.bootstrap="${KAFKA_BOOTSTRAP:-embedded}" -Jkafka.topic="e2e-$RANDOM-$$" "$@"
}

# start_cluster: a cluster that outlives each JMeter run, for readers after it: $KAFKA_BOOTSTRAP
# when set, else kns-embedded-cluster with one broker as a process. Sets $bootstrap; the process
# is in $pids, which the caller's EXIT trap kills.
pids=()
start_cluster() {
  bootstrap="${KAFKA_BOOTSTRAP:-}"
  [[ -n "$bootstrap" ]] && return
  "${KNS_BUILD_DIR:-$root/build}/tools/embedded-cluster/kns-embedded-cluster" 1 >"$work/bootstrap" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 50); do [[ -s "$work/bootstrap" ]] && break; sleep 0.1; done
  bootstrap="$(head -1 "$work/bootstrap")"
}

# start_registry NAME [OPTION...]: the Schema Registry test double (tests/registry) with its
# options, counting its requests in $work/NAME.requests. Sets $registry; the process is in $pids.
start_registry() {
  local name="$1"
  shift
  /usr/bin/python3 "$root/tests/registry/schema_registry_double.py" --port-file "$work/$name.port" \
    --count-file "$work/$name.requests" "$@" &
  pids+=($!)
  for _ in $(seq 50); do [[ -s "$work/$name.port" ]] && break; sleep 0.1; done
  registry="http://127.0.0.1:$(cat "$work/$name.port")"
}

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# jtl_sum COLUMN: the sum of a numeric result-file column (SampleCount, ErrorCount, bytes).
jtl_sum() {
  awk -F'\t' -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
                           { n += $c } END { print n + 0 }' "$work/results.jtl"
}

# jtl_count_unsuccessful: how many samples are marked failed.
jtl_count_unsuccessful() {
  awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "success") c = i; next }
              $c != "true" { n++ } END { print n + 0 }' "$work/results.jtl"
}

# summary FIELD: a figure from the Kafka Connection's native summary.
summary() {
  jq -r "$1" "$work/summary.json"
}

# unique_consumed: the Kafka Consumer's messages, less those read again after a rebalance
# (at-least-once consumption), so each counts once.
unique_consumed() {
  summary '.consumers["Kafka Consumer"] | .consumed - .redelivered'
}

# thread_end_sum WORD: the sum of "N WORD" (acknowledged, failed, unreported) over the
# samplers' thread-end lines: "at thread end: A acknowledged, F failed, U unreported".
thread_end_sum() {
  grep -oE "at thread end: [0-9]+ acknowledged, [0-9]+ failed, [0-9]+ unreported" "$work/jmeter.log" |
    grep -oE "[0-9]+ $1" | awk '{ n += $1 } END { print n + 0 }'
}

# run_plan_then SECONDS MESSAGE PLAN [ARGS...]: runs a plan in the background and, SECONDS
# after it started, sends MESSAGE (StopTestNow or Shutdown) to JMeter's UDP control port, as
# JMeter's own stoptest.sh/shutdown.sh do. Sets $elapsed to the run's seconds, wall clock.
run_plan_then() {
  local after="$1" message="$2"
  shift 2
  local started=$SECONDS
  run_plan "$@" >"$work/stdout" 2>&1 &
  local pid=$!
  local port=""
  for _ in $(seq 100); do
    port=$(grep -o "shutdown message on port [0-9]*" "$work/stdout" | grep -o "[0-9]*$" || true)
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || fail "JMeter did not open its control port"
  sleep "$after"
  echo -n "$message" >"/dev/udp/127.0.0.1/$port"
  wait "$pid" || fail "JMeter exited with status $?"
  elapsed=$((SECONDS - started))
}

# check_merged_engines: $work/merged holds two engines' summary-*.json of one end-to-end run.
# scripts/report must merge them into counts that are the engines' sums, with each engine's
# share; the consumers are verified as one group over both engines: every message produced
# was consumed exactly once apart from those read again (consumed - redelivered = produced),
# with no gap or duplicate. Sets $produced and $consumed.
check_merged_engines() {
  local summaries=("$work"/merged/summary-*.json)
  ((${#summaries[@]} == 2)) || fail "expected a summary from each engine, found ${#summaries[@]}"
  local summary
  for summary in "${summaries[@]}"; do
    [[ "$(jq -r .engine "$summary")" == *:* ]] || fail "$summary does not name its engine (host:pid)"
  done
  [[ "$(jq -r .engine "${summaries[0]}")" != "$(jq -r .engine "${summaries[1]}")" ]] ||
    fail "the engines are not told apart"
  "$root/scripts/report" "$work/merged" >/dev/null || fail "scripts/report could not merge"
  sum_of() { jq -s "map($1) | add" "${summaries[@]}"; }
  produced=$(sum_of .acked)
  consumed=$(sum_of '.consumers["Kafka Consumer"].consumed')
  ((produced > 0)) || fail "nothing produced"
  (($(jq .produce.acked "$work/merged/report.json") == produced)) ||
    fail "the merged report counts $(jq .produce.acked "$work/merged/report.json"), the engines $produced"
  (($(jq '.run.engines | length' "$work/merged/report.json") == 2)) ||
    fail "the engines' shares are missing"
  local group="$work/merged/report.json"
  [[ "$(jq .consumers.verifiedAcrossEngines "$group")" == true ]] ||
    fail "the consumers were not verified as one group across the engines"
  local redelivered
  redelivered=$(jq .consumers.redelivered "$group")
  ((consumed - redelivered == produced)) ||
    fail "produced $produced; consumed $consumed of which $redelivered read again ($(
      jq -c '[.run.engines[].verification]' "$group") per engine)"
  for finding in missing duplicates; do
    (($(jq ".consumers.$finding" "$group") == 0)) || fail "$(jq ".consumers.$finding" "$group") $finding messages"
  done
}
