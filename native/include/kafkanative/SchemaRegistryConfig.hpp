#pragma once

#include <chrono>
#include <map>
#include <string>

namespace kafkanative {

/// Where a connection's Schema Registry is and how to reach it: the Kafka Connection's
/// `schema.registry.*` properties, named as Confluent's clients name them.
struct SchemaRegistryConfig {
  /// `schema.registry.url`: one or more base URLs, comma-separated (tried in order); empty:
  /// no registry.
  std::string urls;
  /// `schema.registry.basic.auth.user.info`: "user:password" for HTTP basic authentication.
  std::string userInfo;
  /// `schema.registry.ssl.ca.location`: CA certificates (PEM) for https; by default the
  /// machine's usual bundle.
  std::string caLocation;
  /// `schema.registry.request.timeout.ms`
  std::chrono::milliseconds timeout{10000};
  /// `schema.registry.ssl.certificate.location` and `schema.registry.ssl.key.location`: the
  /// client's certificate and private key (PEM), for a registry that asks for them (mutual
  /// TLS); `schema.registry.ssl.key.password` when the key is encrypted.
  std::string certificateLocation;
  std::string keyLocation;
  std::string keyPassword;

  /// Moves the `schema.registry.*` entries of `properties` into a config (the rest are
  /// librdkafka's). An unknown `schema.registry.` name is a KafkaError.
  static SchemaRegistryConfig extract(std::map<std::string, std::string>& properties);
};

}  // namespace kafkanative
