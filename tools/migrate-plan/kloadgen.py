"""KLoadGen (Sngular): its producer and consumer Java Requests with plain (schema-less) keys and
values. Its producer waits for each acknowledgement (send().get()): wait mode.

Schema-based KLoadGen elements (Avro, Protobuf, JSON Schema, the registry) are not migrated:
they are removed and listed, and the producer then sends the text of the variable it read.
"""

import samplers
from templates import literal

_PACKAGES = ("com.sngular.kloadgen", "net.coru.kloadgen")
_SIMPLE_VALUE = ".config.valuesimple.ValueSimpleConfigElement"
_SIMPLE_KEY = ".config.keysimple.KeySimpleConfigElement"
_SCHEMA_ELEMENTS = (".config.valueserialized.ValueSerializedConfigElement",
                    ".config.valuefileserialized.ValueFileSerializedConfigElement",
                    ".config.keyserialized.KeySerializedConfigElement",
                    ".config.keyfileserialized.KeyFileSerializedConfigElement",
                    ".config.valuedeserialized.ValueDeserializedConfigElement",
                    ".config.valuefiledeserialized.ValueFileDeserializedConfigElement",
                    ".config.keydeserialized.KeyDeserializedConfigElement",
                    ".config.keyfiledeserialized.KeyFileDeserializedConfigElement",
                    ".config.schemaregistry.SchemaRegistryConfigElement",
                    ".config.kafkaheaders.KafkaHeadersConfigElement")
_PRODUCER = ".sampler.KafkaProducerSampler"
_CONSUMER = ".sampler.KafkaConsumerSampler"

# Java Request arguments that are not client properties, or that only matter with schemas,
# Kerberos files or SSL switched on.
_OWN = {"kafka.topic.name", "zookeeper.servers", "kerberos.auth.enabled", "jaas.auth.enabled",
        "java.security.auth.login.config", "java.security.krb5.conf", "ssl.enabled",
        "auto.register.schemas", "apicurio.legacy.id.handler", "timeout.millis",
        "max.poll.records", "group.id", "auto.offset.reset", "message.key.type",
        "security.providers", "ssl.enabled.protocols", "ssl.keymanager.algorithm",
        "ssl.keystore.type", "ssl.provider", "ssl.protocol"}


def migrate(migration):
    values, keys = {}, {}
    for package in _PACKAGES:
        for element in migration.elements(package + _SIMPLE_VALUE):
            values["value"] = literal(element.properties().get("messageValue", ""))
            migration.remove(element)
            migration.report.convert("'%s' (KLoadGen value)" % element.name, "the producer's value template")
        for element in migration.elements(package + _SIMPLE_KEY):
            keys["key"] = literal(element.properties().get("keyValue", ""))
            migration.remove(element)
            migration.report.convert("'%s' (KLoadGen key)" % element.name, "the producer's key template")
        for suffix in _SCHEMA_ELEMENTS:
            for element in migration.elements(package + suffix):
                migration.remove(element)
                migration.report.note("'%s' (KLoadGen)" % element.name,
                                      "removed: schemas and registry settings are not migrated yet")
        for element in migration.java_requests(package + _PRODUCER):
            _producer(migration, element, values.get("value"), keys.get("key", ""))
        for element in migration.java_requests(package + _CONSUMER):
            _consumer(migration, element)


def _connection(migration, element, where):
    arguments = element.arguments()
    connection = migration.new_connection("", where)
    connection.take_arguments(arguments, _OWN)
    return arguments, migration.shared_connection(connection)


def _producer(migration, element, value, key):
    where = "'%s' (KLoadGen producer)" % element.name
    arguments, name = _connection(migration, element, where)
    if value is None:
        migration.report.note(where, "no plain value element: the message is a placeholder text")
        value = "kloadgen-{{seq}}"
    sampler = samplers.producer(element.name, element.enabled, name, arguments.get("kafka.topic.name", ""),
                                value, key=key, mode="wait", messages=migration.messages_per_sample)
    migration.replace(element, sampler)
    migration.report.convert(where, "Kafka Producer (wait mode, connection '%s')" % name)


def _consumer(migration, element):
    where = "'%s' (KLoadGen consumer)" % element.name
    arguments, name = _connection(migration, element, where)
    sampler = samplers.consumer(
        element.name, element.enabled, name, arguments.get("kafka.topic.name", ""),
        arguments.get("group.id", "anonymous"), arguments.get("auto.offset.reset", "earliest"), "auto",
        arguments.get("max.poll.records", "500"), arguments.get("timeout.millis", "5000"))
    migration.replace(element, sampler)
    migration.report.convert(where, "Kafka Consumer (connection '%s')" % name)
