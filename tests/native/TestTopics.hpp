#pragma once

#include <string>

namespace kafkanative {
class Connection;
}

/// Creates `topic` with `partitions` partitions, so a test gets the same layout on the
/// embedded cluster (directly) and on a real one (Admin API). Throws std::runtime_error.
void createTopic(kafkanative::Connection& connection, const std::string& topic, int partitions);
