#include "TestTopics.hpp"

#include <librdkafka/rdkafka.h>

#include "EmbeddedCluster.hpp"
#include "kafkanative/Connection.hpp"

#include <memory>
#include <stdexcept>

void createTopic(kafkanative::Connection& connection, const std::string& topic, int partitions) {
  if (auto* cluster = connection.embeddedCluster()) {
    cluster->createTopic(topic, partitions);
    return;
  }
  const std::string bootstrap = connection.bootstrapServers();
  char error[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.c_str(), error, sizeof error);
  std::unique_ptr<rd_kafka_t, decltype(&rd_kafka_destroy)> admin(
      rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error), &rd_kafka_destroy);
  if (!admin) {
    throw std::runtime_error(error);
  }
  rd_kafka_NewTopic_t* request =
      rd_kafka_NewTopic_new(topic.c_str(), partitions, -1, error, sizeof error);
  rd_kafka_queue_t* queue = rd_kafka_queue_new(admin.get());
  rd_kafka_CreateTopics(admin.get(), &request, 1, nullptr, queue);
  rd_kafka_event_t* event = rd_kafka_queue_poll(queue, 15000);
  std::string failure;
  if (event == nullptr) {
    failure = "CreateTopics timed out";
  } else if (rd_kafka_event_error(event) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    failure = rd_kafka_event_error_string(event);
  } else {
    size_t count = 0;
    const auto** results =
        rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count);
    if (count == 1 && rd_kafka_topic_result_error(results[0]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      failure = rd_kafka_topic_result_error_string(results[0]);
    }
  }
  if (event != nullptr) {
    rd_kafka_event_destroy(event);
  }
  rd_kafka_NewTopic_destroy(request);
  rd_kafka_queue_destroy(queue);
  if (!failure.empty()) {
    throw std::runtime_error("create topic " + topic + ": " + failure);
  }
}
