"""DI-Kafkameter: producer and consumer config elements and their samplers.

Its producer sample waits for the acknowledgement (send().get()): it becomes wait mode. Each
config element becomes a Kafka Connection named after the variable its samplers refer to.
"""

from templates import literal
import samplers

PRODUCER_CONFIG = "com.di.jmeter.kafka.config.KafkaProducerConfig"
CONSUMER_CONFIG = "com.di.jmeter.kafka.config.KafkaConsumerConfig"
PRODUCER = "com.di.jmeter.kafka.sampler.KafkaProducerSampler"
CONSUMER = "com.di.jmeter.kafka.sampler.KafkaConsumerSampler"

# Its (de)serializer fields (spelled two ways across versions) -> the Java client property.
_SERIALIZERS = {"serializerKey": "key.serializer", "serializerValue": "value.serializer",
                "deserializerKey": "key.deserializer", "deserializerValue": "value.deserializer",
                "deSerializerKey": "key.deserializer", "deSerializerValue": "value.deserializer"}
_SECURITY = {"securityType.plaintext": "PLAINTEXT", "securityType.ssl": "SSL",
             "securityType.sasl_plaintext": "SASL_PLAINTEXT", "securityType.sasl_ssl": "SASL_SSL"}


def migrate(migration):
    consumers = {}
    for element in migration.elements(PRODUCER_CONFIG):
        _config(migration, element, "kafkaProducerClientVariableName")
    for element in migration.elements(CONSUMER_CONFIG):
        consumers[_config(migration, element, "kafkaConsumerClientVariableName")] = element
    for element in migration.elements(PRODUCER):
        _producer(migration, element)
    for element in migration.elements(CONSUMER):
        _consumer(migration, element, consumers)


def _config(migration, element, variable):
    """Replaces a config element by a Kafka Connection; returns the connection's name."""
    properties = element.properties()
    name = properties.get(variable, "") or "kafka"
    where = "'%s' (DI-Kafkameter config)" % element.name
    connection = migration.new_connection(name, where)
    connection.set("bootstrap.servers", properties.get("kafkaBrokers", ""))
    connection.set("batch.size", properties.get("batchSize", ""))
    connection.set("client.id", properties.get("clientId", ""))
    for field, java_name in _SERIALIZERS.items():
        connection.set(java_name, properties.get(field, ""))
    security = _SECURITY.get(properties.get("securityType", ""), "")
    connection.set("security.protocol", security)
    if security.endswith("SSL"):
        connection.set("ssl.truststore.location", properties.get("kafkaSslTruststore", ""))
        connection.set("ssl.keystore.location", properties.get("kafkaSslKeystore", ""))
        connection.set("ssl.keystore.password", properties.get("kafkaSslKeystorePassword", ""))
        connection.set("ssl.key.password", properties.get("kafkaSslPrivateKeyPass", ""))
    for key, value in element.settings("extraConfigs", "configKey", "configValue"):
        if key not in ("auto.offset.reset", "group.id"):  # the consumer sampler's fields
            connection.set(key, value)
    migration.replace(element, connection.element())
    migration.report.convert(where, "Kafka Connection '%s'" % name)
    return name


def _producer(migration, element):
    properties = element.properties()
    where = "'%s' (DI-Kafkameter producer)" % element.name

    def text(value):
        return literal(value, migration.report, where, migration.messages_per_sample)

    headers = "\n".join("%s=%s" % (key, text(value))
                        for key, value in element.settings("messageHeaders", "headerKey", "headerValue"))
    sampler = samplers.producer(
        element.name, element.enabled, properties.get("kafkaProducerClientVariableName", "") or "kafka",
        properties.get("kafkaTopic", ""), text(properties.get("kafkaMessage", "")),
        key=text(properties.get("kafkaMessageKey", "")), headers=headers,
        partition=properties.get("partitionString", ""), mode="wait",
        messages=migration.messages_per_sample)
    migration.replace(element, sampler)
    migration.report.convert(where, "Kafka Producer (wait mode)")


def _consumer(migration, element, configs):
    properties = element.properties()
    name = properties.get("kafkaConsumerClientVariableName", "") or "kafka"
    config = configs.get(name)
    settings = config.properties() if config else {}
    extra = dict(config.settings("extraConfigs", "configKey", "configValue")) if config else {}
    if settings.get("autoCommit", "false") == "true":
        commit = "auto"
    else:
        commit = "async" if properties.get("commitType", "").lower() == "async" else "sync"
    sampler = samplers.consumer(
        element.name, element.enabled, name, settings.get("topic", ""),
        settings.get("groupId", "") or extra.get("group.id", "jmeter-kafka-native"),
        # The Java consumer's default, not the plugin's: a migrated group starts where it did.
        extra.get("auto.offset.reset", "latest"), commit,
        settings.get("numberOfMsgToPoll", "") or "500", properties.get("pollTimeout", "") or "100")
    migration.replace(element, sampler)
    migration.report.convert("'%s' (DI-Kafkameter consumer)" % element.name,
                             "Kafka Consumer (commit %s)" % commit)
