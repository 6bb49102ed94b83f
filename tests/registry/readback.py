"""What the end-to-end tests read back with code that is not ours: a topic's values, to its
end, by Confluent's Python client; and a Schema Registry's answers, by the standard library."""
import json
import urllib.request

from confluent_kafka import Consumer, KafkaError, TopicPartition


def values(bootstrap, topic):
    """Every value of every partition of `topic`, from its start to its end."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "readback-" + topic,
                         "enable.partition.eof": True})
    partitions = consumer.list_topics(topic, timeout=10).topics[topic].partitions
    consumer.assign([TopicPartition(topic, p, 0) for p in partitions])
    found, ended = [], set()
    while len(ended) < len(partitions):
        message = consumer.poll(10)
        assert message is not None, "the topic did not end"
        if message.error():
            assert message.error().code() == KafkaError._PARTITION_EOF, message.error()
            ended.add(message.partition())
            continue
        found.append(message.value())
    consumer.close()
    return found


def registry_get(registry, path):
    """The registry's JSON answer to GET `path`."""
    with urllib.request.urlopen(registry + path) as answer:
        return json.load(answer)
