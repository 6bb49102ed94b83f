"""kafkameter (Signal): the KafkaProducerSampler Java Request client.

It sends with acks=1 and ends at send() without waiting: it becomes fire-and-track.
"""

from templates import literal
import samplers

SAMPLER = "co.signal.kafkameter.KafkaProducerSampler"


def migrate(migration):
    for element in migration.java_requests(SAMPLER):
        where = "'%s' (kafkameter)" % element.name
        arguments = element.arguments()
        connection = migration.new_connection("", where)
        connection.set("bootstrap.servers", arguments.get("kafka_brokers", ""))
        connection.set("acks", "1")  # kafkameter's own, fixed
        connection.set("compression.type", arguments.get("kafka_compression_type", ""))
        connection.set("key.serializer", arguments.get("kafka_key_serializer", ""))
        connection.set("value.serializer", arguments.get("kafka_message_serializer", ""))
        if arguments.get("kafka_use_ssl", "false") == "true":
            connection.set("security.protocol", "SSL")
            connection.set("ssl.keystore.location", arguments.get("kafka_ssl_keystore", ""))
            connection.set("ssl.keystore.password", arguments.get("kafka_ssl_keystore_password", ""))
            connection.set("ssl.truststore.location", arguments.get("kafka_ssl_truststore", ""))
        message = arguments.get("kafka_message", "")
        if "{{" in message or "{{" in arguments.get("kafka_key", ""):
            migration.report.note(where, "Handlebars helpers ({{...}}) are sent as literal text")
        name = migration.shared_connection(connection)
        sampler = samplers.producer(element.name, element.enabled, name, arguments.get("kafka_topic", ""),
                                    literal(message, migration.report, where, migration.messages_per_sample),
                                    key=literal(arguments.get("kafka_key", ""), migration.report, where,
                                                migration.messages_per_sample),
                                    partition=arguments.get("kafka_partition", ""), mode="track",
                                    messages=migration.messages_per_sample)
        migration.replace(element, sampler)
        migration.report.convert(where, "Kafka Producer (track mode, connection '%s')" % name)
