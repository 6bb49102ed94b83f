#!/usr/bin/env bash
# The worked schema example (testplans/avro-registry.jmx) against the embedded cluster, as a
# process of its own, and the registry test double (tests/registry: no Schema Registry server
# is packaged for Debian; it implements the documented REST subset and is NOT a registry). Every
# sample succeeds; everything produced is consumed and decoded by our consumer; then Confluent's
# own Python client and deserializers decode every value, so our encoding and wire format are
# checked by code that is not ours. Avro, Protobuf and JSON Schema, each with a registry and
# without one (plain records, read with the schema file by the Apache Avro library, by classes
# Google's protoc generates, or by Python's json and jsonschema). With $KAFKA_BOOTSTRAP, against that cluster; with $SCHEMA_REGISTRY_URL,
# against that registry. The first run takes the plan's own schema path (schemas/order.avsc,
# relative: found beside the plan). One consumer reads, draining for 15 s: this test is about
# encoding and decoding, and the plan's group of three, on a loaded 2-core CI machine, once
# rebalanced so often that it re-read 2 000 values and still had 345 to go when the drain ended
# (groups are end-to-end.sh's subject).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build="${KNS_BUILD_DIR:-$root/build}"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null' EXIT

bootstrap="${KAFKA_BOOTSTRAP:-}"
if [[ -z "$bootstrap" ]]; then  # the embedded cluster outlives JMeter, for the second reader
  "$build/tools/embedded-cluster/kns-embedded-cluster" 3 >"$work/bootstrap" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 50); do [[ -s "$work/bootstrap" ]] && break; sleep 0.1; done
  bootstrap="$(head -1 "$work/bootstrap")"
fi
registry="${SCHEMA_REGISTRY_URL:-}"
if [[ -z "$registry" ]]; then
  /usr/bin/python3 "$root/tests/registry/schema_registry_double.py" --port-file "$work/registry-port" &
  pids+=($!)
  for _ in $(seq 50); do [[ -s "$work/registry-port" ]] && break; sleep 0.1; done
  registry="http://127.0.0.1:$(cat "$work/registry-port")"
fi

# check_run TOPIC DECODER-OPTION...: the plan's run, then the independent decoding.
check_run() {
  local topic="$1"
  shift
  (($(jtl_count_unsuccessful) == 0)) || fail "$topic: failed samples"
  local produced consumed
  produced=$(summary '.samplers["Kafka Producer"].acked')
  consumed=$(unique_consumed)
  ((produced > 0)) || fail "$topic: nothing produced"
  ((consumed == produced)) || fail "$topic: produced $produced, consumed $consumed"
  (($(summary '.consumers["Kafka Consumer"].undecodable') == 0)) || fail "$topic: undecodable values"
  /usr/bin/python3 "$root/tests/registry/decode_independently.py" "$bootstrap" "$topic" "$produced" \
    "$@" >"$work/independent.json" || fail "$topic: the independent decoder failed"
  jq -e --argjson n "$produced" '.messages == $n and .decoded == $n and .ids > 0
    and .currencies - ["EUR", "GBP", "USD"] == [] and .firstFailure == null' \
    "$work/independent.json" >/dev/null ||
    fail "$topic: Confluent's decoder disagrees: $(cat "$work/independent.json")"
  echo "schema-registry: $topic: $produced produced, consumed and decoded by us and independently"
}

topic="orders-$RANDOM-$$"
run_plan avro-registry.jmx -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic" \
  -Jkafka.registry="$registry" -Jkafka.duration=3 -Jkafka.drain=15 -Jkafka.consumers=1 -Jkafka.rate=500 \
  -Jkafka.group="avro-$RANDOM-$$"
check_run "$topic" --registry "$registry"
jq -e '.schemaIds | length == 1' "$work/independent.json" >/dev/null ||
  fail "one schema id expected: $(cat "$work/independent.json")"
curl -sf "$registry/subjects/$topic-value/versions/latest" | jq -e '.version == 1' >/dev/null ||
  fail "the schema is not registered under $topic-value"

topic="orders-plain-$RANDOM-$$"
run_plan avro-registry.jmx -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic" \
  -Jkafka.duration=3 -Jkafka.drain=15 -Jkafka.consumers=1 -Jkafka.rate=500 -Jkafka.group="avro-$RANDOM-$$" \
  -Jkafka.schema="$root/testplans/schemas/order.avsc"
check_run "$topic" --schema "$root/testplans/schemas/order.avsc"

# format_runs FORMAT SCHEMA DECODER-OPTION REGISTRY-TYPE: the example in another format, with
# the registry and without.
format_runs() {
  local format="$1" schema="$2" option="$3" type="$4"
  topic="orders-$format-$RANDOM-$$"
  run_plan avro-registry.jmx -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic" \
    -Jkafka.registry="$registry" -Jkafka.duration=3 -Jkafka.drain=15 -Jkafka.consumers=1 -Jkafka.rate=500 \
    -Jkafka.group="$format-$RANDOM-$$" -Jkafka.format="$format" -Jkafka.schema="schemas/$schema"
  check_run "$topic" --registry "$registry" "$option" "$root/testplans/schemas/$schema"
  curl -sf "$registry/subjects/$topic-value/versions/latest" |
    jq -e --arg type "$type" '.schemaType == $type' >/dev/null ||
    fail "no $type schema registered under $topic-value"
  topic="orders-$format-plain-$RANDOM-$$"
  run_plan avro-registry.jmx -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic" \
    -Jkafka.duration=3 -Jkafka.drain=15 -Jkafka.consumers=1 -Jkafka.rate=500 -Jkafka.group="$format-$RANDOM-$$" \
    -Jkafka.format="$format" -Jkafka.schema="$root/testplans/schemas/$schema"
  check_run "$topic" "$option" "$root/testplans/schemas/$schema"
}
format_runs protobuf order.proto --proto PROTOBUF
format_runs json-schema order.schema.json --json-schema JSON

# A Protobuf record that is not the file's first message, nested in another, chosen by name:
# the wire format's message indexes ([1, 0]) are checked against protoc's descriptors, and
# Confluent's deserializer decodes with the class protoc generates for it.
topic="orders-nested-$RANDOM-$$"
envelope="$root/tests/registry/order-in-envelope.proto"
run_plan avro-registry.jmx -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic" \
  -Jkafka.registry="$registry" -Jkafka.duration=3 -Jkafka.drain=15 -Jkafka.consumers=1 -Jkafka.rate=500 \
  -Jkafka.group="nested-$RANDOM-$$" -Jkafka.format=protobuf -Jkafka.schema="$envelope" \
  -Jkafka.message=shop.events.Envelope.Order
check_run "$topic" --registry "$registry" --proto "$envelope" --message shop.events.Envelope.Order

# Bad input: each a clear failure of the producer's samples, JMeter ending normally.
# producer_fails TEXT ARGS...: every Kafka Producer sample failed and says TEXT.
producer_fails() {
  local text="$1"
  shift
  run_plan avro-registry.jmx -Jkafka.bootstrap="$bootstrap" -Jkafka.duration=1 -Jkafka.drain=1 \
    -Jkafka.topic="bad-$RANDOM-$$" "$@" || fail "$text: JMeter exited with status $?"
  awk -F'\t' -v text="$text" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["label"] == "Kafka Producer" { n++; if ($c["success"] != "true" && index($c["responseMessage"], text) > 0) named++ }
    END { if (n == 0 || named != n) { print "FAIL: " n " producer samples, " named " failed saying: " text; exit 1 } }' \
    "$work/results.jtl" || exit 1
}
producer_fails "schema registry unavailable: http://127.0.0.1:1" -Jkafka.registry=http://127.0.0.1:1
producer_fails "cannot read schema file '/nonexistent.avsc'" -Jkafka.schema=/nonexistent.avsc
printf '{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "long"}' >"$work/broken.avsc"
producer_fails "not a valid Avro schema: not JSON" -Jkafka.schema="$work/broken.avsc"
printf '{"type": "record", "name": "Order", "fields": [{"name": "id", "type": "long"}]}' >"$work/narrow.avsc"
producer_fails "record Order has no field 'amount'" -Jkafka.schema="$work/narrow.avsc"
printf 'syntax = "proto3";\nimport "money.proto";\nmessage Order { int64 id = 1; }\n' >"$work/imports.proto"
producer_fails "import 'money.proto' not found" -Jkafka.format=protobuf \
  -Jkafka.schema="$work/imports.proto"
printf '{"type": "object", "properties": {"id": {"type": "integer", "multipleOf": 2}}}' >"$work/odd.json"
producer_fails "the keyword 'multipleOf' is not supported" -Jkafka.format=json-schema \
  -Jkafka.schema="$work/odd.json"
echo "schema-registry: an unreachable registry, a missing or broken schema and a template that" \
  "does not fit each fail the producer's samples saying so"
