#!/usr/bin/env bash
# scripts/ha-sizing over embedded:1 to embedded:3 in short steps: one broker down in each. One
# broker has nowhere to move its partitions, so its outage lasts as long as the broker is down;
# with two or three, leadership moves and the outage is shorter. Nothing acknowledged is lost
# in any, and the smallest size that meets the rule is named.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[[ -z "${KAFKA_BOOTSTRAP:-}" ]] || { echo "ha-sizing: needs the embedded cluster's sizes; skipped"; exit 0; }

"$root/scripts/ha-sizing" --sizes "1 2 3" --rate 300 --duration 12 --down-at 4 --down-for 5 \
  --max-outage 4 --max-p99 1000 --out "$work" >"$work/stdout"
cat "$work/stdout"
table="$work/ha-sizing.json"
(($(jq '.rows | length' "$table") == 3)) || fail "not one row per size"
jq -e '[.rows[] | .lost] | all(. == 0)' "$table" >/dev/null || fail "messages lost"
jq -e '.rows[0].brokers == 1 and .rows[2].brokers == 3' "$table" >/dev/null || fail "the sizes are not what ran"
one=$(jq '.rows[0].outageSeconds' "$table")
jq -e '.rows[0].outageSeconds >= 4' "$table" >/dev/null || fail "one broker down 5 s: outage only $one s"
jq -e '.rows[1].outageSeconds < .rows[0].outageSeconds and .rows[2].outageSeconds < .rows[0].outageSeconds' \
  "$table" >/dev/null || fail "leaders moving did not shorten the outage: $(jq -c '[.rows[].outageSeconds]' "$table")"
jq -e '.smallestMeetingRule == "embedded-2" or .smallestMeetingRule == "embedded-3"' "$table" >/dev/null ||
  fail "smallest meeting the rule: $(jq -r '.smallestMeetingRule' "$table")"
grep -q "shares one machine" "$work/ha-sizing.md" || fail "the table does not say the embedded cluster shares one machine"
