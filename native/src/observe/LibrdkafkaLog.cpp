#include "LibrdkafkaLog.hpp"

#include <string>

#include "kafkanative/NativeLog.hpp"

namespace kafkanative {

void logFromLibrdkafka(const rd_kafka_t* handle, int level, const char* facility,
                       const char* text) {
  NativeLog::logSyslog(level, std::string(rd_kafka_name(handle)) + " " + facility + ": " + text);
}

}  // namespace kafkanative
