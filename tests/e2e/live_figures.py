"""Checks what the Backend Listener wrote to InfluxDB and what Prometheus scraped from the
Prometheus endpoint against the run's native summary (the Kafka Connection's summary file),
through each database's own HTTP API.

  live_figures.py influx URL SUMMARY        per-second counts sum to the summary's totals
                                            exactly; each second's p99 is the summary's second's
                                            p99 within one histogram bucket
  live_figures.py prometheus URL SUMMARY    the counters' last values are the totals; the whole
                                            run's p99 from the histogram is in the Prometheus
                                            bucket holding the summary's p99
Prints what it checked; exits 1 with the reason on the first mismatch.
"""
import json
import math
import sys
import urllib.parse
import urllib.request


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def get(url, **params):
    with urllib.request.urlopen(url + "?" + urllib.parse.urlencode(params), timeout=30) as answer:
        return json.load(answer)


def influx_rows(url, query):
    """The rows of an InfluxQL query on the database "jmeter", as dicts."""
    result = get(url + "/query", db="jmeter", q=query, epoch="u")["results"][0]
    if "error" in result:
        fail(f"InfluxDB refused {query!r}: {result['error']}")
    rows = []
    for series in result.get("series", []):
        for values in series["values"]:
            rows.append(dict(zip(series["columns"], values)))
    return rows


def bucket_index(micros):
    """The core's LatencyHistogram bucket of a value: 32 linear sub-buckets per power of two."""
    value = int(micros)
    if value < 64:
        return value
    shift = value.bit_length() - 1 - 5
    return (shift + 1) * 32 + ((value >> shift) - 32)


ENGINE = ""  # the run's engine (the summary's): every query keeps to it


def tag_match(kind, sampler):
    quoted = sampler.replace("'", "\\'")
    return f"engine = '{ENGINE}' AND kind = '{kind}' AND sampler = '{quoted}'"


def check_sum(url, kind, sampler, field, expected):
    rows = influx_rows(url, f'SELECT sum("{field}") FROM kafka WHERE {tag_match(kind, sampler)}')
    got = rows[0]["sum"] if rows else 0
    if got != expected:
        fail(f"{kind} '{sampler}': the points' {field} sum to {got}, the summary says {expected}")
    print(f"influx: {kind} '{sampler}' {field}: {got} = summary")


def at_rank(buckets, rank):
    """The bound of the bucket holding the rank-th smallest value of a summary histogram."""
    seen = 0
    for bound, count in buckets:
        seen += count
        if seen >= rank:
            return bound
    return buckets[-1][0]


def check_p99(url, kind, sampler, field, timeline, key):
    """Every second with enough messages but the first and the last (partial ones): InfluxDB's
    p99 is within a bucket of the summary's. The two are read at the same boundaries by two
    threads, so a message completing at that instant can fall on either side: the messages
    that did (the counts' running difference at the second's two ends) widen the rank range
    the p99 may come from, as they would for any two readings of one histogram."""
    start = timeline["startEpochMicros"]
    seconds = sorted(timeline["seconds"], key=lambda s: s["second"])
    rows = influx_rows(url, f'SELECT "msgs", "{field}" FROM kafka WHERE {tag_match(kind, sampler)}')
    points = {round((row["time"] - start) / 1e6): row for row in rows}
    difference = compared = 0
    for summary in seconds:
        second, histogram = summary["second"], summary[key]
        point = points.get(second, {"msgs": 0, field: None})
        before, difference = difference, difference + point["msgs"] - histogram["count"]
        if point[field] is None or second in (0, seconds[-1]["second"]) or histogram["count"] < 500:
            continue
        moved = abs(before) + abs(difference)
        rank = math.ceil(0.99 * histogram["count"])
        low = at_rank(histogram["buckets"], max(1, rank - moved))
        high = at_rank(histogram["buckets"], rank + moved)
        ours = round(point[field] * 1000)
        if not bucket_index(low) - 1 <= bucket_index(ours) <= bucket_index(high) + 1:
            fail(f"{kind} '{sampler}' second {second}: p99 {ours} µs in InfluxDB, the summary's "
                 f"{histogram['p99']} µs ({low} to {high} µs allowing for {moved} messages at "
                 "the boundaries): more than one bucket apart")
        compared += 1
    if compared < 2:
        fail(f"{kind} '{sampler}': only {compared} seconds to compare p99 in")
    print(f"influx: {kind} '{sampler}' p99 of {compared} seconds within a bucket of the summary's")


def influx(url, summary):
    samplers, consumers = summary["samplers"], summary["consumers"]
    for name, figures in samplers.items():
        for field, total in (("msgs", "acked"), ("failed", "failed"), ("sent", "sent"),
                             ("bytes", "ackedBytes")):
            check_sum(url, "producer", name, field, figures[total])
    for name, figures in consumers.items():
        check_sum(url, "consumer", name, "msgs", figures["consumed"])
        check_sum(url, "consumer", name, "failed", figures["errors"])
    throttled = influx_rows(url, 'SELECT sum("throttle_ms") FROM kafka WHERE '
                            f"kind = 'connection' AND engine = '{ENGINE}'")
    if (throttled[0]["sum"] if throttled else 0) != summary["timeline"]["throttledMillis"]:
        fail("the connection's throttle_ms do not sum to the summary's throttledMillis")
    # A timeline second holds every sampler of the connection: comparable with one alone.
    if len(samplers) == 1:
        check_p99(url, "producer", next(iter(samplers)), "ack_p99_ms", summary["timeline"],
                  "ackLatencyMicros")
    if len(consumers) == 1:
        check_p99(url, "consumer", next(iter(consumers)), "e2e_p99_ms", summary["timeline"],
                  "endToEndLatencyMicros")
    if len(influx_rows(url, f"SELECT * FROM events WHERE engine = '{ENGINE}'")) != 2:
        fail("the events measurement lacks the test's start or end")


def prometheus_value(url, query):
    result = get(url + "/api/v1/query", query=query)["data"]["result"]
    if not result:
        fail(f"Prometheus has nothing for {query}")
    return float(result[0]["value"][1])


def prometheus(url, summary):
    window = "[15m]"
    for name, figures in summary["samplers"].items():
        selector = '{engine="%s",sampler="%s"}' % (ENGINE, name)
        for metric, total in (("kafka_producer_acked_messages_total", "acked"),
                              ("kafka_producer_ack_latency_seconds_count", "acked")):
            got = prometheus_value(url, f"max_over_time({metric}{selector}{window})")
            if got != figures[total]:
                fail(f"{metric} for '{name}' ended at {got}, the summary says {figures[total]}")
            print(f"prometheus: {metric} '{name}': {int(got)} = summary")
        quantile = prometheus_value(url, "histogram_quantile(0.99, sum by (le) "
                                    f"(max_over_time(kafka_producer_ack_latency_seconds_bucket{selector}{window})))")
        series = get(url + "/api/v1/series",
                     **{"match[]": "kafka_producer_ack_latency_seconds_bucket" + selector})["data"]
        bounds = sorted({float(s["le"]) for s in series if s["le"] != "+Inf"})
        theirs = figures["ackLatencyMicros"]["p99"] / 1e6
        above = next((b for b in bounds if b >= theirs), float("inf"))
        below = max([b for b in bounds if b < theirs], default=0.0)
        if not below <= quantile <= above:
            fail(f"Prometheus' p99 of '{name}' is {quantile} s; the summary's {theirs} s lies in "
                 f"({below}, {above}]")
        print(f"prometheus: '{name}' p99 {quantile:.6f} s, in the bucket ({below}, {above}] "
              f"of the summary's {theirs} s")


def main():
    what, url, summary_file = sys.argv[1:4]
    with open(summary_file) as file:
        summary = json.load(file)
    global ENGINE
    ENGINE = summary["engine"]
    {"influx": influx, "prometheus": prometheus}[what](url, summary)


if __name__ == "__main__":
    main()
