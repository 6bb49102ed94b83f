#include "kafkanative/ConnectionConfig.hpp"

#include <gtest/gtest.h>

#include "EmbeddedCluster.hpp"
#include "kafkanative/KafkaError.hpp"

using kafkanative::ConnectionConfig;
using kafkanative::EmbeddedCluster;
using kafkanative::KafkaError;

TEST(ConnectionConfig, IdentityDistinguishesEveryField) {
  ConnectionConfig a{"h:1", {{"acks", "all"}}, std::chrono::milliseconds(5), ""};
  ConnectionConfig b = a;
  EXPECT_EQ(a.identity(), b.identity());
  b.properties["acks"] = "1";
  EXPECT_NE(a.identity(), b.identity());
  b = a;
  b.flushTimeout = std::chrono::milliseconds(6);
  EXPECT_NE(a.identity(), b.identity());
  // A value cannot impersonate the next key.
  ConnectionConfig c{"h:1", {{"a", "b"}}, {}, ""};
  ConnectionConfig d{"h:1", {{"a", "b1:c"}}, {}, ""};
  EXPECT_NE(c.identity(), d.identity());
}

TEST(EmbeddedClusterBootstrap, ParsesEmbeddedForms) {
  EXPECT_EQ(EmbeddedCluster::brokersFor(""), 3);
  EXPECT_EQ(EmbeddedCluster::brokersFor("embedded"), 3);
  EXPECT_EQ(EmbeddedCluster::brokersFor("embedded:1"), 1);
  EXPECT_EQ(EmbeddedCluster::brokersFor("localhost:9092"), std::nullopt);
  EXPECT_THROW(EmbeddedCluster::brokersFor("embedded:0"), KafkaError);
  EXPECT_THROW(EmbeddedCluster::brokersFor("embedded:x"), KafkaError);
  EXPECT_THROW(EmbeddedCluster::brokersFor("embedded:99"), KafkaError);
}
