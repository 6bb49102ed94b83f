"""Prints the JMeter Plugins Manager descriptor of this plugin: the JSON a plugins repository
lists (an array of plugins, each with its id, names, the classes that mark it installed, and
its versions with download addresses and dependencies).

Usage: plugins-manager.py VERSION DOWNLOAD_URL
"""
import json
import sys


def descriptor(version: str, url: str) -> list:
    return [{
        "id": "jmeter-kafka-native",
        "name": "Kafka (native, librdkafka)",
        "description": ("Kafka Producer and Consumer samplers on a native librdkafka core, a"
                        " Kafka Connection config element and a Kafka Summary listener. One"
                        " jar, with its native libraries for Linux x86-64 and arm64 (glibc"
                        " 2.28 or later)."),
        "screenshotUrl": "",
        "helpUrl": "",
        "vendor": "jmeter-kafka-native",
        "markerClass": "io.kafkanative.jmeter.KafkaProducerSampler",
        "componentClasses": [
            "io.kafkanative.jmeter.KafkaConnection",
            "io.kafkanative.jmeter.KafkaProducerSampler",
            "io.kafkanative.jmeter.KafkaConsumerSampler",
            "io.kafkanative.jmeter.KafkaEngineSummarySampler",
            "io.kafkanative.jmeter.KafkaSummaryGui",
        ],
        "versions": {version: {"downloadUrl": url, "depends": [], "libs": {}}},
    }]


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(json.dumps(descriptor(sys.argv[1], sys.argv[2]), indent=2))
