#include "TopicReader.hpp"

#include <librdkafka/rdkafka.h>

#include <chrono>
#include <stdexcept>

std::vector<ReadMessage> readTopic(const std::string& bootstrap, const std::string& topic,
                                   std::size_t expected) {
  char error[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.c_str(), error, sizeof error);
  rd_kafka_conf_set(conf, "group.id", ("reader-" + topic).c_str(), error, sizeof error);
  rd_kafka_conf_set(conf, "auto.offset.reset", "earliest", error, sizeof error);
  rd_kafka_t* consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, error, sizeof error);
  if (consumer == nullptr) {
    throw std::runtime_error(error);
  }
  rd_kafka_poll_set_consumer(consumer);
  rd_kafka_topic_partition_list_t* topics = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(topics, topic.c_str(), RD_KAFKA_PARTITION_UA);
  rd_kafka_subscribe(consumer, topics);
  rd_kafka_topic_partition_list_destroy(topics);

  std::vector<ReadMessage> messages;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (messages.size() < expected && std::chrono::steady_clock::now() < deadline) {
    rd_kafka_message_t* message = rd_kafka_consumer_poll(consumer, 200);
    if (message == nullptr) {
      continue;
    }
    if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
      const auto text = [](const void* data, size_t size) {
        return data == nullptr ? std::string() : std::string(static_cast<const char*>(data), size);
      };
      ReadMessage read{message->partition,
                       text(message->key, message->key_len),
                       text(message->payload, message->len),
                       {},
                       rd_kafka_message_timestamp(message, nullptr)};
      rd_kafka_headers_t* headers = nullptr;
      if (rd_kafka_message_headers(message, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR) {
        const char* name = nullptr;
        const void* value = nullptr;
        size_t size = 0;
        for (size_t i = 0; rd_kafka_header_get_all(headers, i, &name, &value, &size) ==
                           RD_KAFKA_RESP_ERR_NO_ERROR;
             ++i) {
          read.headers[name] = std::string(static_cast<const char*>(value), size);
        }
      }
      messages.push_back(std::move(read));
    }
    rd_kafka_message_destroy(message);
  }
  rd_kafka_consumer_close(consumer);
  rd_kafka_destroy(consumer);
  return messages;
}
