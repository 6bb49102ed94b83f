"""The plugin's own elements that migrated samplers become."""

from jmx import NewElement

PRODUCER_CLASS = "io.kafkanative.jmeter.KafkaProducerSampler"
CONSUMER_CLASS = "io.kafkanative.jmeter.KafkaConsumerSampler"


def producer(name, enabled, connection, topic, value, key="", headers="", partition="",
             mode="wait", messages=1):
    """A Kafka Producer that sends what the Java sampler sent: a key means Java's murmur2
    partitioning (by-key), a partition number means that partition, and one producer per thread
    as the Java plugins keep."""
    partitioning = "fixed" if partition.strip() else ("by-key" if key else "default")
    sampler = NewElement(PRODUCER_CLASS, name, enabled)
    sampler.string("connectionName", connection)
    sampler.string("topic", topic)
    sampler.string("keyTemplate", key)
    sampler.string("valueTemplate", value)
    sampler.string("valueSize", "0")
    sampler.string("headers", headers)
    sampler.bool("stampHeaders", False)
    sampler.string("partitioning", partitioning)
    sampler.string("partition", partition.strip() or "0")
    sampler.string("messagesPerSample", str(messages))
    sampler.string("deliveryMode", mode)
    sampler.string("producerScope", "per thread")
    sampler.string("targetRate", "0")
    sampler.string("rateScope", "sampler")
    return sampler


def consumer(name, enabled, connection, topics, group, offset_reset, commit, messages, poll_ms):
    sampler = NewElement(CONSUMER_CLASS, name, enabled)
    sampler.string("connectionName", connection)
    sampler.string("topics", topics)
    sampler.string("partitions", "")
    sampler.string("groupId", group)
    sampler.string("autoOffsetReset", offset_reset)
    sampler.string("commitMode", commit)
    sampler.string("messagesPerSample", str(messages))
    sampler.string("pollTimeoutMs", str(poll_ms))
    sampler.bool("emptyIsFailure", False)
    sampler.string("variablePrefix", "")
    return sampler
