#include "kafkanative/SchemaRegistryConfig.hpp"

#include <charconv>

#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

SchemaRegistryConfig SchemaRegistryConfig::extract(std::map<std::string, std::string>& properties) {
  constexpr std::string_view kPrefix = "schema.registry.";
  SchemaRegistryConfig config;
  for (auto entry = properties.begin(); entry != properties.end();) {
    const auto& [name, value] = *entry;
    if (!name.starts_with(kPrefix)) {
      ++entry;
      continue;
    }
    if (name == "schema.registry.url") {
      config.urls = value;
    } else if (name == "schema.registry.basic.auth.user.info") {
      config.userInfo = value;
    } else if (name == "schema.registry.ssl.ca.location") {
      config.caLocation = value;
    } else if (name == "schema.registry.ssl.certificate.location") {
      config.certificateLocation = value;
    } else if (name == "schema.registry.ssl.key.location") {
      config.keyLocation = value;
    } else if (name == "schema.registry.ssl.key.password") {
      config.keyPassword = value;
    } else if (name == "schema.registry.request.timeout.ms") {
      long millis = 0;
      const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), millis);
      if (error != std::errc() || end != value.data() + value.size() || millis <= 0) {
        throw KafkaError::invalidArgument(name + ": expected a positive number of milliseconds");
      }
      config.timeout = std::chrono::milliseconds(millis);
    } else {
      throw KafkaError::invalidArgument(
          name +
          ": unknown Schema Registry property (known: schema.registry.url, "
          "schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location, "
          "schema.registry.ssl.certificate.location, schema.registry.ssl.key.location, "
          "schema.registry.ssl.key.password, schema.registry.request.timeout.ms)");
    }
    entry = properties.erase(entry);
  }
  if (config.certificateLocation.empty() != config.keyLocation.empty()) {
    throw KafkaError::invalidArgument(
        "schema.registry.ssl.certificate.location and schema.registry.ssl.key.location: give "
        "both (the client's certificate and its key) or neither");
  }
  return config;
}

}  // namespace kafkanative
