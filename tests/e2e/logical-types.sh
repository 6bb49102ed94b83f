#!/usr/bin/env bash
# Schemas as teams write them, checked by code that is not ours. Avro logical types given as
# text in a template (a decimal as "123.45", dates and times in ISO-8601, a UUID) are written
# through a Schema Registry and decoded by Confluent's own deserializer (confluent_kafka.avro,
# decoding with the Apache Avro library): the decimal comes back as that Decimal, the date as
# that date, the timestamps as those instants. Then a .proto importing Google's Timestamp and
# a file beside it (tests/registry/imports): every file is registered as a subject the
# record's schema references, and Confluent's ProtobufDeserializer, with the classes protoc
# generates, reads each record back with its Timestamp as written.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
start_cluster
registry="${SCHEMA_REGISTRY_URL:-}"
[[ -n "$registry" ]] || start_registry registry
topic="payments-$RANDOM-$$"
template='{"amount": "-1234567.{{random_int:10:99}}", "fee": "12.5", "id": "{{uuid}}",
  "day": "2026-12-03", "at": "10:00:05.123", "atMicros": "23:59:59.999999",
  "when": "2026-12-03T10:00:00.5+01:00", "whenMicros": "2026-12-03T09:00:00.000001Z"}'
run_plan "$root/tests/e2e/plans/logical-types.jmx" -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic" \
  -Jkafka.registry="$registry" -Jkafka.schema="$root/tests/registry/payment.avsc" \
  -Jkafka.template="$template" >"$work/stdout" 2>&1 || fail "JMeter exited with status $?"
(($(jtl_count_unsuccessful) == 0)) || fail "$(jtl_count_unsuccessful) failed samples: $(
  awk -F'\t' 'NR > 1 && $8 != "true" { print $4 ": " $5; exit }' "$work/results.jtl")"
/usr/bin/python3 - "$bootstrap" "$topic" "$registry" "$root/tests/registry" <<'PYTHON' || fail "Confluent's deserializer disagrees"
import datetime, decimal, sys, uuid
from confluent_kafka.avro.cached_schema_registry_client import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
bootstrap, topic, registry, helpers = sys.argv[1:]
sys.path.insert(0, helpers)
import readback
serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry}))
records = [serializer.decode_message(value) for value in readback.values(bootstrap, topic)]
assert len(records) == 20, len(records)
utc = datetime.timezone.utc
for record in records:
    amount = record["amount"]  # "-1234567.{{random_int:10:99}}": exactly, at scale 2
    assert decimal.Decimal("-1234567.99") <= amount <= decimal.Decimal("-1234567.10"), amount
    assert amount.as_tuple().exponent == -2, amount
    assert record["fee"] == decimal.Decimal("12.500"), record["fee"]
    uuid.UUID(record["id"])
    assert record["day"] == datetime.date(2026, 12, 3), record["day"]
    assert record["at"] == datetime.time(10, 0, 5, 123000), record["at"]
    assert record["atMicros"] == datetime.time(23, 59, 59, 999999), record["atMicros"]
    assert record["when"] == datetime.datetime(2026, 12, 3, 9, 0, 0, 500000, tzinfo=utc), record["when"]
    assert record["whenMicros"] == datetime.datetime(2026, 12, 3, 9, 0, 0, 1, tzinfo=utc), record["whenMicros"]
print("logical-types: 20 Payment records decoded by Confluent's deserializer, every logical value as written")
PYTHON

topic="orders-imports-$RANDOM-$$"
template='{"id": {{seq}}, "placed": "2026-12-03T10:00:00.25Z", "total": {"currency": "EUR",
  "cents": 1999}, "note": "n-{{seq}}"}'
run_plan "$root/tests/e2e/plans/logical-types.jmx" -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic" \
  -Jkafka.registry="$registry" -Jkafka.format=protobuf -Jkafka.schema="$root/tests/registry/imports/order.proto" \
  -Jkafka.template="$template" >"$work/stdout" 2>&1 || fail "JMeter exited with status $?"
(($(jtl_count_unsuccessful) == 0)) || fail "imports: $(jtl_count_unsuccessful) failed samples: $(
  awk -F'\t' 'NR > 1 && $8 != "true" { print $4 ": " $5; exit }' "$work/results.jtl")"
curl -sf "$registry/subjects/$topic-value/versions/latest" |
  jq -e '[.references[].subject] == ["google/protobuf/timestamp.proto",
    "google/protobuf/wrappers.proto", "money.proto"]' >/dev/null ||
  fail "imports: the record's schema does not reference its imports' subjects"
/usr/bin/python3 "$root/tests/registry/decode_independently.py" "$bootstrap" "$topic" 20 \
  --registry "$registry" --proto "$root/tests/registry/imports/order.proto" --field placed \
  >"$work/imports.json" || fail "imports: the independent decoder failed"
jq -e '.messages == 20 and .decoded == 20 and .firstFailure == null
  and .fieldValues == ["\"2026-12-03T10:00:00.250Z\""]' "$work/imports.json" >/dev/null ||
  fail "imports: Confluent's decoder disagrees: $(cat "$work/imports.json")"
echo "logical-types: 20 Orders importing google.protobuf.Timestamp and money.proto, registered" \
  "with references and decoded by Confluent's ProtobufDeserializer"

# Avro named types from another file (tests/registry/references): Address.avsc is registered
# under its full name and referenced by the Order's schema; the Apache Avro library decodes
# every record with the schema and its references as the registry gives them.
topic="orders-references-$RANDOM-$$"
template='{"id": {{seq}}, "shipTo": {"city": "Lyon", "zip": "69001"}, "billTo": null}'
run_plan "$root/tests/e2e/plans/logical-types.jmx" -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic" \
  -Jkafka.registry="$registry" -Jkafka.schema="$root/tests/registry/references/order.avsc" \
  -Jkafka.template="$template" >"$work/stdout" 2>&1 || fail "JMeter exited with status $?"
(($(jtl_count_unsuccessful) == 0)) || fail "references: $(jtl_count_unsuccessful) failed samples"
/usr/bin/python3 - "$bootstrap" "$topic" "$registry" "$root/tests/registry" <<'PYTHON' || fail "references: the Apache Avro library disagrees"
import io, json, sys
import avro.io, avro.name, avro.schema
bootstrap, topic, registry, helpers = sys.argv[1:]
sys.path.insert(0, helpers)
import readback

def get(path):
    return readback.registry_get(registry, path)

def parse(entry, names):  # the references first, into the same names, as a registry resolves them
    for reference in entry.get("references", []):
        parse(get("/subjects/%s/versions/%d" % (reference["subject"], reference["version"])), names)
    return avro.schema.make_avsc_object(json.loads(entry["schema"]), names)

readers, cities = {}, set()
for value in readback.values(bootstrap, topic):
    assert value[0] == 0, "no wire format"
    schema_id = int.from_bytes(value[1:5], "big")
    if schema_id not in readers:
        entry = get("/schemas/ids/%d" % schema_id)
        assert [r["name"] for r in entry["references"]] == ["shop.events.Address"], entry
        readers[schema_id] = avro.io.DatumReader(parse(entry, avro.name.Names()))
    stream = io.BytesIO(value[5:])
    record = readers[schema_id].read(avro.io.BinaryDecoder(stream))
    assert stream.tell() == len(value) - 5, "bytes left over"
    cities.add((record["shipTo"]["city"], record["shipTo"]["zip"], record["billTo"]))
assert cities == {("Lyon", "69001", None)}, cities
print("logical-types: Orders using Address from another file decoded with their references")
PYTHON

# A JSON Schema with a $ref to another file beside it: money.schema.json is registered under its
# name and referenced; the jsonschema library validates every value against the schema and
# its reference as the registry gives them.
topic="orders-json-references-$RANDOM-$$"
template='{"id": {{seq}}, "total": {"currency": "{{pick:EUR|USD}}", "cents": {{random_int:0:9999}}}}'
run_plan "$root/tests/e2e/plans/logical-types.jmx" -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic" \
  -Jkafka.registry="$registry" -Jkafka.format=json-schema \
  -Jkafka.schema="$root/tests/registry/references/order.schema.json" \
  -Jkafka.template="$template" >"$work/stdout" 2>&1 || fail "JMeter exited with status $?"
(($(jtl_count_unsuccessful) == 0)) || fail "JSON references: $(jtl_count_unsuccessful) failed samples"
/usr/bin/python3 - "$bootstrap" "$topic" "$registry" "$root/tests/registry" <<'PYTHON' || fail "JSON references: the jsonschema library disagrees"
import json, sys
import jsonschema
bootstrap, topic, registry, helpers = sys.argv[1:]
sys.path.insert(0, helpers)
import readback

def get(path):
    return readback.registry_get(registry, path)

validators, count = {}, 0
for value in readback.values(bootstrap, topic):
    schema_id = int.from_bytes(value[1:5], "big")
    if schema_id not in validators:
        entry = get("/schemas/ids/%d" % schema_id)
        assert [r["subject"] for r in entry["references"]] == ["money.schema.json"], entry
        store = {r["name"]: json.loads(get("/subjects/%s/versions/%d" % (r["subject"], r["version"]))["schema"])
                 for r in entry["references"]}
        schema = json.loads(entry["schema"])
        validators[schema_id] = jsonschema.Draft7Validator(
            schema, resolver=jsonschema.RefResolver("", schema, store=store))
    validators[schema_id].validate(json.loads(value[5:]))
    count += 1
assert count == 20, count
print("logical-types: 20 Orders with a $ref to money.schema.json validated with their references")
PYTHON
