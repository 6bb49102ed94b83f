#!/usr/bin/env bash
# scripts/migrate-plan on a plan of each Java Kafka plugin (hand-written in tests/migrate/plans):
# the input is never modified, no element of the plugin is left, everything else is kept as it
# was, and the converted plan runs headless against the cluster with zero failed samples.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
plans="$root/tests/migrate/plans"

# kept_verbatim IN OUT: every thread group and timer of IN is in OUT, byte for byte.
kept_verbatim() {
  python3 - "$1" "$2" <<'PYTHON' || fail "$(basename "$1"): parts of the plan were not kept as they were"
import re, sys
source, target = (open(path, encoding="utf-8").read() for path in sys.argv[1:])
blocks = re.findall(r"<(ThreadGroup|ConstantTimer) .*?</\1>", source, re.S)
assert blocks and all(block in target for block in blocks)
PYTHON
}

# consumed LABEL: the bytes the samples labelled LABEL read in the last run (an empty poll
# still counts as one sample, so bytes, not samples, say whether anything arrived).
consumed() {
  awk -F'\t' -v label="$1" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["label"] == label { n += $c["bytes"] } END { print n + 0 }' "$work/results.jtl"
}

declare -A consumer=([di-kafkameter]="Kafka Consumer Sampler" [kloadgen]="KLoadGen Consumer")
for plugin in pepper-box kafkameter di-kafkameter kloadgen; do
  input="$plans/$plugin.jmx"
  before=$(sha256sum <"$input")
  "$root/scripts/migrate-plan" "$input" "$work/$plugin.jmx" >"$work/$plugin.report"
  [[ "$(sha256sum <"$input")" == "$before" ]] || fail "$plugin: the input plan was modified"
  ! grep -qE "com\.gslab|co\.signal|com\.di\.jmeter" "$work/$plugin.jmx" || fail "$plugin: plugin elements left"
  grep -q "^converted:" "$work/$plugin.report" || fail "$plugin: no report"
  kept_verbatim "$input" "$work/$plugin.jmx"
  # 20 polls of 500 ms: a consumer that subscribes before the producer creates the topic joins
  # its group a few seconds later (the group's initial rebalance delay is 3 s, as Kafka's).
  run_plan "$work/$plugin.jmx" -Jloops=100 -Jpolls=20
  samples=$(jtl_sum SampleCount)
  ((samples >= 200)) || fail "$plugin: only $samples messages in the converted run"
  (($(jtl_count_unsuccessful) == 0)) || fail "$plugin: $(jtl_count_unsuccessful) failed samples: $(
    awk -F'\t' 'NR > 1 && $8 != "true" { print $3 ": " $4 " " $5; exit }' "$work/results.jtl")"
  if [[ -n "${consumer[$plugin]:-}" ]]; then
    read_back=$(consumed "${consumer[$plugin]}")
    ((read_back > 0)) || fail "$plugin: the converted consumer read nothing"
  fi
  echo "migrate-plan: $plugin converted, $samples messages, no failure"
done

# Pepper-Box's SEQUENCE is one counter for every thread: the converted plan with 4 threads
# writes every id from its start (5) by its step (3) exactly once, and RANDOM_ALPHA_NUMERIC's
# codes hold only the given characters. Read back by Confluent's own Python client from a
# cluster that outlives the run (kns-embedded-cluster, or $KAFKA_BOOTSTRAP).
bootstrap="${KAFKA_BOOTSTRAP:-}"
if [[ -z "$bootstrap" ]]; then
  "${KNS_BUILD_DIR:-$root/build}/tools/embedded-cluster/kns-embedded-cluster" 1 >"$work/bootstrap" 2>/dev/null &
  cluster=$!
  trap 'kill "$cluster" 2>/dev/null' EXIT
  for _ in $(seq 50); do [[ -s "$work/bootstrap" ]] && break; sleep 0.1; done
  bootstrap="$(head -1 "$work/bootstrap")"
fi
topic="pepper-sequence-$RANDOM-$$"
run_plan "$work/pepper-box.jmx" -Jthreads=4 -Jloops=250 -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic"
(($(jtl_count_unsuccessful) == 0)) || fail "pepper-box with 4 threads: failed samples"
# Debian's python3, which has python3-confluent-kafka (not a python3 earlier in PATH).
/usr/bin/python3 - "$bootstrap" "$topic" 1000 "$root/tests/registry" <<'PYTHON' || fail "pepper-box: the converted SEQUENCE or RANDOM_ALPHA_NUMERIC lost its meaning"
import json, re, sys
bootstrap, topic, expected, helpers = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, helpers)
import readback
ids, codes = [], []
for value in map(json.loads, readback.values(bootstrap, topic)):
    ids.append(value["id"])
    codes.append(value["code"])
assert len(ids) == expected, "%d messages, not %d" % (len(ids), expected)
assert sorted(ids) == list(range(5, 5 + 3 * expected, 3)), "ids are not 5, 8, ... each once: %s" % sorted(ids)[:10]
assert all(re.fullmatch("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{12}", code) for code in codes), codes[:3]
print("pepper-box: %d messages from 4 threads, ids 5..%d by 3 each once, codes of the given set" % (len(ids), max(ids)))
PYTHON

# What has no equivalent is said, not hidden.
grep -q "FIRST_NAME" "$work/pepper-box.report" || fail "pepper-box: FIRST_NAME() not reported"
grep -q "interceptor.classes" "$work/di-kafkameter.report" || fail "di-kafkameter: interceptor not reported"

# --messages-per-sample turns one-message samples into K-message samples.
"$root/scripts/migrate-plan" "$plans/kafkameter.jmx" "$work/batched.jmx" --messages-per-sample 10 >/dev/null
run_plan "$work/batched.jmx" -Jloops=20
(($(jtl_sum SampleCount) == 2 * 20 * 10)) || fail "--messages-per-sample 10: $(jtl_sum SampleCount) messages"
# OUT may not be IN.
! "$root/scripts/migrate-plan" "$plans/kafkameter.jmx" "$plans/kafkameter.jmx" 2>/dev/null ||
  fail "migrate-plan overwrote its input"
echo "migrate-plan: batching and input protection hold"
