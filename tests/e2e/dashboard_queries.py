"""Runs every query of the Grafana dashboards in a folder (panels, template variables,
annotations) against the real InfluxDB and Prometheus a run wrote to, through their HTTP APIs,
as Grafana would with every variable at "All", and fails on a query that errs or returns
nothing. Grafana itself is not packaged in Debian, so this is how the dashboards are tested.

  dashboard_queries.py DASHBOARDS_DIR INFLUX_URL PROMETHEUS_URL
"""
import json
import pathlib
import re
import sys
import time
import urllib.parse
import urllib.request

# Grafana's macros and the dashboards' variables, as Grafana expands them with "All" chosen.
INFLUX_MACROS = {"$timeFilter": "time > now() - 1h", "$__interval": "1s"}
PROMETHEUS_MACROS = {"$__rate_interval": "5s", "$__interval": "1s"}
VARIABLES = ("$application", "$engine", "$sampler")


def get(url, **params):
    with urllib.request.urlopen(url + "?" + urllib.parse.urlencode(params), timeout=30) as answer:
        return json.load(answer)


def expand(query, macros):
    for name, value in macros.items():
        query = query.replace(name, value)
    for variable in VARIABLES:
        query = query.replace(variable, ".*")
    return query


def influx_has_data(url, query):
    result = get(url + "/query", db="jmeter", q=expand(query, INFLUX_MACROS))["results"][0]
    if "error" in result:
        return "error: " + result["error"]
    return any(series["values"] for series in result.get("series", []))


def prometheus_has_data(url, query):
    query = expand(query, PROMETHEUS_MACROS)
    label_values = re.fullmatch(r"label_values\((.*),\s*(\w+)\)", query)
    if label_values:  # Grafana's variable function: some series must carry the label
        series = get(url + "/api/v1/series", **{"match[]": label_values.group(1)})["data"]
        return any(label_values.group(2) in labels for labels in series)
    now = time.time()
    answer = get(url + "/api/v1/query_range", query=query, start=now - 900, end=now, step="1s")
    if answer.get("status") != "success":
        return "error: " + answer.get("error", "?")
    return any(result["values"] for result in answer["data"]["result"])


def queries(dashboard):
    """(where, query) for every query the dashboard holds."""
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            yield f"panel '{panel['title']}' {target['refId']}", target.get("query") or target["expr"]
    for variable in dashboard["templating"]["list"][1:]:
        query = variable["query"]
        yield f"variable ${variable['name']}", query["query"] if isinstance(query, dict) else query
    for annotation in dashboard["annotations"]["list"]:
        yield f"annotation '{annotation['name']}'", annotation["query"]


def main():
    folder, influx, prometheus = sys.argv[1:4]
    failures = checked = 0
    for path in sorted(pathlib.Path(folder).glob("*.json")):
        dashboard = json.loads(path.read_text())
        source = dashboard["templating"]["list"][0]["query"]
        has_data = {"influxdb": lambda q: influx_has_data(influx, q),
                    "prometheus": lambda q: prometheus_has_data(prometheus, q)}[source]
        for where, query in queries(dashboard):
            outcome = has_data(query)
            checked += 1
            if outcome is not True:
                failures += 1
                reason = outcome if isinstance(outcome, str) else "no data"
                print(f"FAIL: {path.name} {where}: {reason}\n  {query}", file=sys.stderr)
    print(f"dashboards: {checked} queries checked, {failures} without data")
    sys.exit(1 if failures or not checked else 0)


if __name__ == "__main__":
    main()
