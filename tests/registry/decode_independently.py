#!/usr/bin/python3
"""Reads a topic with Confluent's Python client and decodes every value with code that is not
ours. Avro: with a registry, Confluent's own Avro deserializer (confluent_kafka.avro, which
fetches the schema by the id in the wire format and decodes with the Apache Avro library);
without one, the Apache Avro library with the schema file. Protobuf (--proto FILE): classes
generated from the .proto by Google's protoc, parsed by Google's Python protobuf library; with a
registry, through Confluent's ProtobufDeserializer, which reads the wire format's header and
message indexes. JSON Schema (--json-schema FILE): Python's json module and the jsonschema
library; with a registry, through Confluent's JSONDeserializer, which reads the wire format's
header and validates with jsonschema. Prints a JSON summary: messages, decoded, the first failure, the schema ids
seen, and the decoded records' distinct ids, currencies and field names.

Usage: decode_independently.py BOOTSTRAP TOPIC EXPECTED [--registry URL]
                               (--schema FILE | --proto FILE | --json-schema FILE)
"""
import argparse
import importlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time

from confluent_kafka import Consumer


def protobuf_class(proto):
    """The first message of the .proto file, as a class protoc generates."""
    out = tempfile.mkdtemp()
    subprocess.run(["protoc", "-I", os.path.dirname(os.path.abspath(proto)), "--python_out", out,
                    os.path.abspath(proto)], check=True)
    sys.path.insert(0, out)
    module = importlib.import_module(os.path.splitext(os.path.basename(proto))[0] + "_pb2")
    return getattr(module, next(iter(module.DESCRIPTOR.message_types_by_name)))


def protobuf_decoder(arguments):
    from google.protobuf.json_format import MessageToDict
    message_class = protobuf_class(arguments.proto)
    if arguments.registry:
        from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer
        deserializer = ProtobufDeserializer(message_class)
        parse = lambda value: deserializer(value, None)
    else:
        parse = message_class.FromString
    return lambda value: (
        MessageToDict(parse(value), preserving_proto_field_name=True, including_default_value_fields=True),
        int.from_bytes(value[1:5], "big") if arguments.registry else None)


def json_schema_decoder(arguments):
    with open(arguments.json_schema) as schema_file:
        schema_text = schema_file.read()
    if arguments.registry:
        from confluent_kafka.schema_registry.json_schema import JSONDeserializer
        deserializer = JSONDeserializer(schema_text)
        return lambda value: (deserializer(value, None), int.from_bytes(value[1:5], "big"))
    import jsonschema
    schema = json.loads(schema_text)

    def decode(value):
        record = json.loads(value)
        jsonschema.validate(instance=record, schema=schema)
        return record, None
    return decode


def decoder(arguments):
    if arguments.proto:
        return protobuf_decoder(arguments)
    if arguments.json_schema:
        return json_schema_decoder(arguments)
    if arguments.registry:
        from confluent_kafka.avro.cached_schema_registry_client import CachedSchemaRegistryClient
        from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
        serializer = MessageSerializer(CachedSchemaRegistryClient({"url": arguments.registry}))
        return lambda value: (serializer.decode_message(value), int.from_bytes(value[1:5], "big"))
    import avro.io
    import avro.schema
    with open(arguments.schema) as schema_file:
        schema = avro.schema.parse(schema_file.read())
    reader = avro.io.DatumReader(schema)

    def decode(value):
        stream = io.BytesIO(value)
        record = reader.read(avro.io.BinaryDecoder(stream))
        if stream.tell() != len(value):
            raise ValueError(f"{len(value) - stream.tell()} bytes left over")
        return record, None
    return decode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("bootstrap")
    parser.add_argument("topic")
    parser.add_argument("expected", type=int)
    parser.add_argument("--registry")
    parser.add_argument("--schema")
    parser.add_argument("--proto")
    parser.add_argument("--json-schema")
    arguments = parser.parse_args()
    decode = decoder(arguments)
    consumer = Consumer({"bootstrap.servers": arguments.bootstrap, "group.id": "independent-decoder-" + arguments.topic,
                        "auto.offset.reset": "earliest", "enable.auto.commit": False})
    consumer.subscribe([arguments.topic])
    summary = {"messages": 0, "decoded": 0, "firstFailure": None, "schemaIds": set(), "ids": set(),
               "currencies": set(), "fields": set()}
    deadline = time.time() + 60
    while summary["messages"] < arguments.expected and time.time() < deadline:
        message = consumer.poll(0.5)
        if message is None or message.error():
            continue
        summary["messages"] += 1
        try:
            record, schema_id = decode(message.value())
        except Exception as error:  # a value Confluent's decoder refuses is our encoder's bug
            summary["firstFailure"] = summary["firstFailure"] or f"offset {message.offset()}: {error!r}"
            continue
        summary["decoded"] += 1
        summary["schemaIds"].add(schema_id)
        summary["ids"].add(record["id"])
        summary["currencies"].add(record["currency"])
        summary["fields"].update(record)
    consumer.close()
    json.dump({key: sorted(value, key=str) if isinstance(value, set) and key != "ids" else
               len(value) if key == "ids" else value for key, value in summary.items()},
              sys.stdout)


if __name__ == "__main__":
    main()
