"""Java Kafka client properties, as the Java plugins pass them, turned into a Kafka Connection.

Each property lands in a named field of the connection, in its librdkafka properties (same
name, or librdkafka's name for it), or in the report of what could not be mapped.
"""

import re

from jmx import NewElement

CONNECTION_CLASS = "io.kafkanative.jmeter.KafkaConnection"

# Java property -> the Kafka Connection field that holds it.
_FIELDS = {
    "bootstrap.servers": "bootstrapServers",
    "client.id": "clientId",
    "acks": "acks",
    "compression.type": "compression",
    "linger.ms": "lingerMs",
    "batch.size": "batchSize",
    "enable.idempotence": "idempotence",
    "max.in.flight.requests.per.connection": "maxInFlight",
    "security.protocol": "securityProtocol",
    "sasl.mechanism": "saslMechanism",
    "delivery.timeout.ms": "deliveryTimeoutMs",
}

# Same meaning under the same name in librdkafka.
_SAME_NAME = {
    "retries", "retry.backoff.ms", "request.timeout.ms", "metadata.max.age.ms",
    "reconnect.backoff.ms", "reconnect.backoff.max.ms", "connections.max.idle.ms",
    "group.id", "auto.offset.reset", "enable.auto.commit", "auto.commit.interval.ms",
    "session.timeout.ms", "heartbeat.interval.ms", "max.poll.interval.ms", "fetch.min.bytes",
    "fetch.max.bytes", "max.partition.fetch.bytes", "isolation.level", "group.instance.id",
    "partition.assignment.strategy", "sasl.kerberos.service.name", "transactional.id",
    "ssl.endpoint.identification.algorithm", "ssl.keystore.location", "ssl.keystore.password",
    "ssl.key.password",
}

# Java name -> librdkafka name, for the same setting under another name.
_RENAMED = {
    "send.buffer.bytes": "socket.send.buffer.bytes",
    "receive.buffer.bytes": "socket.receive.buffer.bytes",
    "fetch.max.wait.ms": "fetch.wait.max.ms",
}

# Java-only settings with nothing to do in librdkafka: dropped silently when they are the
# Java client's own (de)serializers for strings or bytes, reported otherwise.
_PLAIN_SERIALIZERS = re.compile(r"org\.apache\.kafka\.common\.serialization\.(String|ByteArray)(Serializer|Deserializer)$")
_SERIALIZER_KEYS = {"key.serializer", "value.serializer", "key.deserializer", "value.deserializer"}

_JAAS_CREDENTIAL = re.compile(r'\b(username|password)\s*=\s*"([^"]*)"')


class Connection:
    """The Kafka Connection one plugin element's settings turn into."""

    def __init__(self, name, report, where):
        self.name = name
        self.report = report
        self.where = where
        self.fields = {}
        self.properties = {}

    def set(self, key, value):
        """Takes one Java client property."""
        value = value.strip()
        if value == "":
            return
        if key in _FIELDS:
            self.fields[_FIELDS[key]] = value
        elif key in _SAME_NAME:
            self.properties[key] = value
        elif key in _RENAMED:
            self.properties[_RENAMED[key]] = value
        elif key == "buffer.memory" and value.isdigit():
            self.properties["queue.buffering.max.kbytes"] = str(max(1, int(value) // 1024))
        elif key == "sasl.jaas.config":
            self._jaas(value)
        elif key in _SERIALIZER_KEYS:
            if not _PLAIN_SERIALIZERS.match(value) and "${" not in value:
                self.report.unmapped(self.where, key, value, "messages are sent as UTF-8 text")
        elif key.startswith("ssl.truststore."):
            self.report.unmapped(self.where, key, value, "librdkafka reads a PEM CA file: set CA certificate")
        else:
            self.report.unmapped(self.where, key, value, "no librdkafka equivalent")

    def take_arguments(self, arguments, own):
        """Takes a Java Request's arguments as client properties, as Pepper-Box and KLoadGen
        pass them: their own settings (`own`) skipped, `_name` for any client property, SSL
        settings only with ssl.enabled=YES, the SASL mechanism only with a SASL protocol, and
        "<Placeholder>" defaults meaning unset."""
        secured = arguments.get("ssl.enabled", "NO") == "YES"
        sasl = arguments.get("security.protocol", "").startswith("SASL")
        for key, value in arguments.items():
            if key in own or value.startswith("<") or (key.startswith("ssl.") and not secured):
                continue
            if key == "sasl.mechanism" and not sasl:
                continue  # always passed (default GSSAPI); it only matters with SASL
            self.set(key[1:] if key.startswith("_") else key, value)

    def _jaas(self, value):
        credentials = dict(_JAAS_CREDENTIAL.findall(value))
        if "username" in credentials:
            self.fields["saslUsername"] = credentials["username"]
            self.fields["saslPassword"] = credentials.get("password", "")
        else:
            self.report.unmapped(self.where, "sasl.jaas.config", "(JAAS)", "only username/password logins map")

    def identity(self):
        return tuple(sorted(self.fields.items())) + tuple(sorted(self.properties.items()))

    def element(self):
        fields = dict(self.fields)
        connection = NewElement(CONNECTION_CLASS, "Kafka Connection " + self.name)
        connection.string("connectionName", self.name)
        connection.string("bootstrapServers", fields.pop("bootstrapServers", "embedded"))
        connection.string("clientId", fields.pop("clientId", "jmeter-kafka-native"))
        # Unset, the Java producer's own defaults (acks=all since Kafka 3.0, linger.ms=0 before
        # 4.0), not librdkafka's, so a migrated plan sends as it did.
        connection.string("acks", fields.pop("acks", "all"))
        connection.string("lingerMs", fields.pop("lingerMs", "0"))
        connection.bool("idempotence", fields.pop("idempotence", "false").lower() == "true")
        # The Java producer's delivery.timeout.ms default; the flush at test end as the plugin's.
        connection.string("deliveryTimeoutMs", fields.pop("deliveryTimeoutMs", "120000"))
        connection.string("flushTimeoutMs", "10000")
        for name, value in sorted(fields.items()):
            connection.string(name, value)
        lines = "\n".join("%s=%s" % item for item in sorted(self.properties.items()))
        connection.string("properties", lines)
        return connection
