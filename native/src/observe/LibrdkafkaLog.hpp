#pragma once

#include <librdkafka/rdkafka.h>

namespace kafkanative {

/// librdkafka's `log_cb` for every client handle the core creates: routes its lines into the
/// core's logger (and so, from warning level on, to the host) instead of stderr.
void logFromLibrdkafka(const rd_kafka_t* handle, int level, const char* facility, const char* text);

}  // namespace kafkanative
