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
  "$root/scripts/jmeter" -n -t "$root/testplans/$plan" \
    -l "$work/results.jtl" -j "$work/jmeter.log" -Jkafka.summary="$work/summary.json" \
    -Jkafka.bootstrap="${KAFKA_BOOTSTRAP:-embedded}" -Jkafka.topic="e2e-$RANDOM-$$" "$@"
}

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
