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

Usage: decode_independently.py BOOTSTRAP TOPIC EXPECTED [--registry URL] [--field NAME]
                               (--schema FILE | --proto FILE [--message NAME] | --json-schema FILE)
With a registry, the Protobuf message indexes are checked against protoc's descriptors too.
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


def protobuf_class(proto, message):
    """The .proto file's message named `message` (its full name; None: the first), as a class
    protoc generates."""
    out = tempfile.mkdtemp()
    folder = os.path.dirname(os.path.abspath(proto))
    # Every .proto beside it, so the files it imports have their classes too (Google's
    # well-known types come with the protobuf library).
    beside = [os.path.join(folder, name) for name in sorted(os.listdir(folder)) if name.endswith(".proto")]
    subprocess.run(["protoc", "-I", folder, "--python_out", out] + beside, check=True)
    sys.path.insert(0, out)
    module = importlib.import_module(os.path.splitext(os.path.basename(proto))[0].replace("-", "_") + "_pb2")
    if not message:
        return getattr(module, next(iter(module.DESCRIPTOR.message_types_by_name)))
    found = module
    for part in message[len(module.DESCRIPTOR.package) + 1:].split("."):
        found = getattr(found, part)
    return found


def message_indexes(descriptor):
    """Where the wire format's message indexes must point: each type's place among its
    parent's nested types (or the file's messages), outermost first, from protoc's own
    descriptors."""
    indexes = []
    while descriptor is not None:
        parent = descriptor.containing_type
        siblings = parent.nested_types if parent else list(descriptor.file.message_types_by_name.values())
        indexes.insert(0, [sibling.full_name for sibling in siblings].index(descriptor.full_name))
        descriptor = parent
    return indexes


def read_indexes(value):
    """The message indexes after the registry's 5-byte header: zigzag varints, a count of 0
    meaning [0]."""
    position = 5

    def varint():
        nonlocal position
        result = shift = 0
        while True:
            byte = value[position]
            position += 1
            result |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return (result >> 1) ^ -(result & 1)
    count = varint()
    return [varint() for _ in range(count)] if count else [0]


def protobuf_decoder(arguments):
    from google.protobuf.json_format import MessageToDict
    message_class = protobuf_class(arguments.proto, arguments.message)
    if arguments.registry:
        from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer
        deserializer = ProtobufDeserializer(message_class)
        expected = message_indexes(message_class.DESCRIPTOR)

        def parse(value):
            if read_indexes(value) != expected:
                raise ValueError("message indexes %s, not %s" % (read_indexes(value), expected))
            return deserializer(value, None)
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
    parser.add_argument("--message", help="Protobuf: the record message's full name (default: the first)")
    parser.add_argument("--field", help="list the distinct values of this field (as JSON) in fieldValues")
    arguments = parser.parse_args()
    decode = decoder(arguments)
    consumer = Consumer({"bootstrap.servers": arguments.bootstrap, "group.id": "independent-decoder-" + arguments.topic,
                        "auto.offset.reset": "earliest", "enable.auto.commit": False})
    consumer.subscribe([arguments.topic])
    summary = {"messages": 0, "decoded": 0, "firstFailure": None, "schemaIds": set(), "ids": set(),
               "currencies": set(), "fields": set(), "fieldValues": set()}
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
        if "currency" in record:
            summary["currencies"].add(record["currency"])
        if arguments.field:
            summary["fieldValues"].add(json.dumps(record.get(arguments.field), sort_keys=True))
        summary["fields"].update(record)
    consumer.close()
    json.dump({key: sorted(value, key=str) if isinstance(value, set) and key != "ids" else
               len(value) if key == "ids" else value for key, value in summary.items()},
              sys.stdout)


if __name__ == "__main__":
    main()
