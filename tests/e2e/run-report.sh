#!/usr/bin/env bash
# A run of known volume (100 000 messages x 1 KiB, at 25 000 msgs/s so it spans seconds) turned into the run report: byte counts in
# report.json are exact, the disk projection equals its stated formula, and report.html opens
# in headless Chromium without console errors, with every chart rendered at a real size.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_plan producer-throughput.jmx -Jkafka.threads=2 -Jkafka.loops=50 -Jkafka.batch=1000 \
  -Jkafka.size=1024 -Jkafka.rate=25000 -Jkafka.duration=300 >"$work/stdout"
"$root/scripts/report" "$work" --retention-hours 24 >/dev/null
report() { jq -r "$1" "$work/report.json"; }

(($(report .produce.acked) == 100000)) || fail "acknowledged $(report .produce.acked), expected 100000"
(($(report .produce.ackedBytes) == 102400000)) || fail "acknowledged bytes $(report .produce.ackedBytes)"
per_second=$(summary '[.timeline.seconds[].ackedBytes] | add')
((per_second == 102400000)) || fail "the per-second series adds up to $per_second bytes"
written=$(summary '[.cluster.topics[].endOffsets[]] | add')  # a new topic: all of it is this run's
((written == 100000)) || fail "the topic's end offsets add up to $written, expected 100000"
rf=$(summary '[.cluster.topics[].replicationFactor] | first')
(($(report .disk.replicationFactor) == rf)) || fail "replication factor $(report .disk.replicationFactor), cluster says $rf"
jq -e '.disk as $d | .produce as $p
       | ($d.payloadBytesPerSecond * $d.framingFactor * $d.replicationFactor * (1 + 20 / 4096)) as $growth
       | (($d.growthBytesPerSecond - $growth) | fabs) < 1e-6 * $growth
         and (($d.growthBytesPerDay - $growth * 86400) | fabs) < 1e-6 * $growth * 86400
         and (($d.neededForRetentionBytes - $growth * 86400) | fabs) < 1e-6 * $growth * 86400' \
  "$work/report.json" >/dev/null || fail "the disk projection differs from its formula: $(report .disk)"

# Headless Chromium, as a person would open the file (no network: the page needs none).
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage
        --disable-background-networking --no-first-run --hide-scrollbars
        --enable-logging=stderr --v=0 --virtual-time-budget=3000 --window-size=900,2600)
"${chrome[@]}" --dump-dom "file://$work/report.html" >"$work/dom.html" 2>"$work/chromium.log"
"${chrome[@]}" --screenshot="$work/report.png" "file://$work/report.html" 2>>"$work/chromium.log"
! grep -E "CONSOLE.*(Uncaught|Error)" "$work/chromium.log" || fail "console errors in the report"
sizes=$(grep -o 'data-chart-sizes="[^"]*"' "$work/dom.html" | cut -d'"' -f2)
charts=0
for chart in $sizes; do  # id:WIDTHxHEIGHT:LINES (lines of two points or more)
  IFS=':x' read -r id width height lines <<<"$chart"
  ((width > 0 && height > 0 && lines > 0)) || fail "chart $id rendered at ${width}x$height with $lines lines"
  charts=$((charts + 1))
done
((charts >= 3)) || fail "only $charts charts rendered: '$sizes'"
(($(stat -c %s "$work/report.png") > 10000)) || fail "the screenshot is (nearly) empty"
echo "run-report: 100000 x 1 KiB = $(report .produce.ackedBytes) bytes; $charts charts rendered ($sizes)"
