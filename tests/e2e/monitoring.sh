# Sourced by the live-monitoring tests after lib.sh: Debian's InfluxDB 1.6 and Prometheus 2.42
# as real servers on loopback ports of their own, data in the test's folder, stopped by the
# caller's EXIT trap (their processes are in $pids).

# free_port: a loopback TCP port nothing listens on now.
free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_http URL: until URL answers (20 s at most).
wait_http() {
  for _ in $(seq 200); do curl -sf -o /dev/null "$1" && return; sleep 0.1; done
  fail "$1 did not answer"
}

# start_influxdb: an InfluxDB with the database "jmeter". Sets $influx (its base URL) and
# $influx_pid; start_influxdb again (after a kill) restarts it on the same port and data.
start_influxdb() {
  influx_port="${influx_port:-$(free_port)}"
  mkdir -p "$work/influxdb"
  cat >"$work/influxdb/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:$(free_port)"
[meta]
  dir = "$work/influxdb/meta"
[data]
  dir = "$work/influxdb/data"
  wal-dir = "$work/influxdb/wal"
  query-log-enabled = false
[http]
  bind-address = "127.0.0.1:$influx_port"
  log-enabled = false
[monitor]
  store-enabled = false
CONF
  influxd -config "$work/influxdb/influxdb.conf" >>"$work/influxdb/influxd.log" 2>&1 &
  influx_pid=$!
  pids+=($influx_pid)
  influx="http://127.0.0.1:$influx_port"
  wait_http "$influx/ping"
  curl -sf -XPOST "$influx/query" --data-urlencode 'q=CREATE DATABASE jmeter' >/dev/null
}

# kill_influxdb: kills InfluxDB as a crash would (SIGKILL), and forgets its process.
kill_influxdb() {
  kill -KILL "$influx_pid"
  { wait "$influx_pid"; } 2>/dev/null || true
  local kept=()
  for pid in "${pids[@]}"; do [[ "$pid" == "$influx_pid" ]] || kept+=("$pid"); done
  pids=("${kept[@]}")
}

# start_prometheus TARGET_PORT: a Prometheus scraping 127.0.0.1:TARGET_PORT every second.
# Sets $prometheus (its base URL).
start_prometheus() {
  local port
  port=$(free_port)
  mkdir -p "$work/prometheus"
  cat >"$work/prometheus/prometheus.yml" <<CONF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: jmeter
    static_configs:
      - targets: ['127.0.0.1:$1']
CONF
  prometheus --config.file="$work/prometheus/prometheus.yml" \
    --storage.tsdb.path="$work/prometheus/data" --web.listen-address="127.0.0.1:$port" \
    >"$work/prometheus/prometheus.log" 2>&1 &
  pids+=($!)
  prometheus="http://127.0.0.1:$port"
  wait_http "$prometheus/-/ready"
}
