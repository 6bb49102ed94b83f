#!/usr/bin/env bash
# The live outputs against Debian's real InfluxDB and Prometheus: the quickstart and the
# end-to-end plans run with the Kafka Backend Listener writing to InfluxDB and the Prometheus
# endpoint scraped every second. From each database's HTTP API: the per-second counts sum to
# the native summary's totals exactly, each second's p99 is the summary's within one bucket,
# the counters end at the totals, the histogram's p99 lies in the summary's bucket; then every
# query of the Grafana dashboards in dashboards/ returns data.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$root/tests/e2e/monitoring.sh"
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done' EXIT

start_influxdb
endpoint_port=$(free_port)
start_prometheus "$endpoint_port"
live=(-Jkafka.influxdb="$influx/write?db=jmeter" -Jkafka.prometheus.port="$endpoint_port"
      -Jkafka.prometheus.linger=10)
check() {
  /usr/bin/python3 "$root/tests/e2e/live_figures.py" "$@" || fail "$1 disagrees with the summary"
}

run_plan quickstart.jmx -Jkafka.duration=6 -Jkafka.threads=2 -Jkafka.batch=50 -Jkafka.size=200 \
  "${live[@]}" >"$work/quickstart.out"
(($(jtl_count_unsuccessful) == 0)) || fail "quickstart: failed samples"
grep -q "Kafka Backend Listener: [0-9]* points written, 0 dropped" "$work/jmeter.log" ||
  fail "quickstart: points were dropped: $(grep "Kafka Backend Listener" "$work/jmeter.log")"
check influx "$influx" "$work/summary.json"
check prometheus "$prometheus" "$work/summary.json"
mkdir -p "$work/runs" && cp "$work/summary.json" "$work/runs/quickstart.json"

run_plan end-to-end.jmx -Jkafka.duration=5 -Jkafka.drain=20 -Jkafka.rate=2000 \
  -Jkafka.group="e2e-live-$RANDOM-$$" "${live[@]}" >"$work/end-to-end.out"
(($(jtl_count_unsuccessful) == 0)) || fail "end-to-end: failed samples"
check influx "$influx" "$work/summary.json"
check prometheus "$prometheus" "$work/summary.json"

/usr/bin/python3 "$root/tests/e2e/dashboard_queries.py" "$root/dashboards" "$influx" "$prometheus" ||
  fail "a dashboard query returns no data"
echo "live-monitoring: InfluxDB and Prometheus agree with the native summaries"
