// The Schema Registry's framing, subject names and the connection's registry settings.
#include "WireFormat.hpp"

#include <gtest/gtest.h>

#include "SubjectName.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/SchemaRegistryConfig.hpp"

using namespace kafkanative;

TEST(WireFormat, HeaderIsMagicZeroAndTheBigEndianId) {
  const std::string framed = WireFormat::header(0x01020304) + "record";
  EXPECT_EQ(framed.substr(0, 5), std::string("\0\1\2\3\4", 5));
  std::int32_t id = 0;
  std::string_view record;
  ASSERT_TRUE(WireFormat::split(framed, id, record));
  EXPECT_EQ(id, 0x01020304);
  EXPECT_EQ(record, "record");
  EXPECT_FALSE(WireFormat::split("\1\0\0\0\1x", id, record));  // magic byte not 0
  EXPECT_FALSE(WireFormat::split(std::string("\0\0\0", 3), id, record));
}

TEST(SchemaRegistryConfig, TakesItsPropertiesOutOfLibrdkafkas) {
  std::map<std::string, std::string> properties = {
      {"acks", "all"},
      {"schema.registry.url", "http://a:8081,http://b:8081"},
      {"schema.registry.basic.auth.user.info", "me:secret"},
      {"schema.registry.request.timeout.ms", "1500"}};
  const auto config = SchemaRegistryConfig::extract(properties);
  EXPECT_EQ(config.urls, "http://a:8081,http://b:8081");
  EXPECT_EQ(config.userInfo, "me:secret");
  EXPECT_EQ(config.timeout, std::chrono::milliseconds(1500));
  EXPECT_EQ(properties, (std::map<std::string, std::string>{{"acks", "all"}}));

  std::map<std::string, std::string> unknown = {{"schema.registry.nope", "1"}};
  EXPECT_THROW(SchemaRegistryConfig::extract(unknown), KafkaError);
  std::map<std::string, std::string> badTimeout = {{"schema.registry.request.timeout.ms", "x"}};
  EXPECT_THROW(SchemaRegistryConfig::extract(badTimeout), KafkaError);
}

TEST(SubjectName, FollowsConfluentsStrategiesUnlessGiven) {
  SchemaSettings settings;
  EXPECT_EQ(SubjectName::of(settings, "orders", false, "a.Order"), "orders-value");
  EXPECT_EQ(SubjectName::of(settings, "orders", true, "a.Order"), "orders-key");
  settings.strategy = SubjectStrategy::kRecordName;
  EXPECT_EQ(SubjectName::of(settings, "orders", false, "a.Order"), "a.Order");
  settings.strategy = SubjectStrategy::kTopicRecordName;
  EXPECT_EQ(SubjectName::of(settings, "orders", false, "a.Order"), "orders-a.Order");
  EXPECT_THROW(SubjectName::of(settings, "orders", false, ""), KafkaError);  // no record name
  settings.subject = "mine";
  EXPECT_EQ(SubjectName::of(settings, "orders", false, ""), "mine");
}
