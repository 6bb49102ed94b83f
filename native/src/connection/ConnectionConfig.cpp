#include "kafkanative/ConnectionConfig.hpp"

namespace kafkanative {

namespace {
// Length-prefixed, so no key or value can forge the boundary between two fields.
void appendField(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}
}  // namespace

std::string ConnectionConfig::identity() const {
  std::string key;
  appendField(key, bootstrapServers);
  appendField(key, std::to_string(flushTimeout.count()));
  appendField(key, statisticsFile);
  for (const auto& [name, value] : properties) {
    appendField(key, name);
    appendField(key, value);
  }
  return key;
}

}  // namespace kafkanative
