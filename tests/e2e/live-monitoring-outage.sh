#!/usr/bin/env bash
# InfluxDB killed in the middle of a run and started again: the test goes on with every sample
# successful, the Kafka Backend Listener says once that InfluxDB is unreachable and once that
# it takes points again, and the points that waited meanwhile are written, so the seconds
# still sum to the native summary's totals exactly.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$root/tests/e2e/monitoring.sh"
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done' EXIT

start_influxdb
run_plan quickstart.jmx -Jkafka.duration=12 -Jkafka.threads=2 -Jkafka.batch=50 -Jkafka.size=200 \
  -Jkafka.influxdb="$influx/write?db=jmeter" >"$work/stdout" 2>&1 &
jmeter=$!
for _ in $(seq 300); do
  grep -qs "sending each second's figures" "$work/jmeter.log" && break
  sleep 0.1
done
sleep 3
kill_influxdb
sleep 4
start_influxdb
wait "$jmeter" || fail "JMeter exited with status $?"

(($(jtl_count_unsuccessful) == 0)) || fail "failed samples while InfluxDB was down"
(($(grep -c "InfluxDB at .* unreachable" "$work/jmeter.log") == 1)) ||
  fail "the outage was not logged once: $(grep -c "InfluxDB at" "$work/jmeter.log") lines"
(($(grep -c "InfluxDB at .* takes points again" "$work/jmeter.log") == 1)) ||
  fail "the recovery was not logged once"
grep -q "Kafka Backend Listener: [0-9]* points written, 0 dropped" "$work/jmeter.log" ||
  fail "points were dropped: $(grep "Kafka Backend Listener" "$work/jmeter.log")"
/usr/bin/python3 "$root/tests/e2e/live_figures.py" influx "$influx" "$work/summary.json" ||
  fail "InfluxDB disagrees with the summary after the outage"
echo "live-monitoring-outage: the test went on; every point waited and was written"
