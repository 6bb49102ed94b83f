#pragma once

#include <chrono>
#include <cstdint>
#include <string>

struct rd_kafka_s;
struct rd_kafka_topic_s;

namespace kafkanative {

/// What a client must know of a topic it writes to, for the sessions that choose partitions.
namespace TopicMetadata {

/// Throws KafkaError unless `topic` is a legal Kafka topic name; `what` names the field.
void validateName(const std::string& topic, const std::string& what = "topic");

/// The topic's partition count, asking again while it is not ready (a topic being created has
/// no leader for a moment), until `timeout`. Throws KafkaError when the cluster does not tell.
std::int32_t partitionCount(rd_kafka_s* handle, rd_kafka_topic_s* topic,
                            std::chrono::milliseconds timeout);

}  // namespace TopicMetadata

}  // namespace kafkanative
