#!/usr/bin/env bash
# The quickstart plan, shortened: every sample succeeds, every sent message is acknowledged,
# and the result file and the native summary agree on the count.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_plan quickstart.jmx -Jkafka.duration=4 -Jkafka.threads=2 -Jkafka.batch=50 -Jkafka.size=200
"$root/scripts/summary" "$work" || fail "scripts/summary reported failures"

jtl_messages=$(awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
                           { n += $c["SampleCount"] } END { print n + 0 }' "$work/results.jtl")
acked=$(jq .acked "$work/summary.json")
((jtl_messages > 0)) || fail "no messages in the result file"
((jtl_messages == acked)) || fail "result file counts $jtl_messages messages, cluster acked $acked"
bytes=$(jq .ackedBytes "$work/summary.json")
((bytes >= acked * 200)) || fail "acked $bytes bytes for $acked messages of 200 bytes"
grep -q "ERROR" "$work/jmeter.log" && fail "errors in jmeter.log: $(grep ERROR "$work/jmeter.log" | head -3)"
echo "quickstart: $acked messages acknowledged, all samples successful"
