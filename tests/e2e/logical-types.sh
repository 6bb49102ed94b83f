#!/usr/bin/env bash
# Avro logical types given as text in a template (a decimal as "123.45", dates and times in
# ISO-8601, a UUID) are written through a Schema Registry and decoded by Confluent's own
# deserializer (confluent_kafka.avro, decoding with the Apache Avro library): the decimal
# comes back as that Decimal, the date as that date, the timestamps as those instants.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build="${KNS_BUILD_DIR:-$root/build}"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
bootstrap="${KAFKA_BOOTSTRAP:-}"
if [[ -z "$bootstrap" ]]; then
  "$build/tools/embedded-cluster/kns-embedded-cluster" 1 >"$work/bootstrap" 2>/dev/null &
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
topic="payments-$RANDOM-$$"
run_plan "$root/tests/e2e/plans/logical-types.jmx" -Jkafka.bootstrap="$bootstrap" -Jkafka.topic="$topic" \
  -Jkafka.registry="$registry" -Jkafka.schema="$root/tests/registry/payment.avsc" >"$work/stdout" 2>&1 ||
  fail "JMeter exited with status $?"
(($(jtl_count_unsuccessful) == 0)) || fail "$(jtl_count_unsuccessful) failed samples: $(
  awk -F'\t' 'NR > 1 && $8 != "true" { print $4 ": " $5; exit }' "$work/results.jtl")"
/usr/bin/python3 - "$bootstrap" "$topic" "$registry" <<'PYTHON' || fail "Confluent's deserializer disagrees"
import datetime, decimal, sys, uuid
from confluent_kafka import Consumer, KafkaError, TopicPartition
from confluent_kafka.avro.cached_schema_registry_client import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
bootstrap, topic, registry = sys.argv[1:]
serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry}))
consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "logical", "enable.partition.eof": True})
partitions = consumer.list_topics(topic, timeout=10).topics[topic].partitions
consumer.assign([TopicPartition(topic, p, 0) for p in partitions])
records, ended = [], set()
while len(ended) < len(partitions):
    message = consumer.poll(10)
    assert message is not None, "the topic did not end"
    if message.error():
        assert message.error().code() == KafkaError._PARTITION_EOF, message.error()
        ended.add(message.partition())
        continue
    records.append(serializer.decode_message(message.value()))
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
