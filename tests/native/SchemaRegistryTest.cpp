// The Schema Registry client against the registry test double (or $SCHEMA_REGISTRY_URL), and
// Avro, Protobuf and JSON Schema values through the embedded cluster (or $KAFKA_BOOTSTRAP):
// produced with a registered schema in the wire format, consumed and decoded by id.
#include "SchemaRegistryClient.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "RecordSchema.hpp"
#include "RegistryDouble.hpp"
#include "SchemaReader.hpp"
#include "TestCluster.hpp"
#include "TestTopics.hpp"
#include "WireFormat.hpp"
#include "kafkanative/Connection.hpp"
#include "kafkanative/ConsumerSession.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/ProducerSession.hpp"

using namespace kafkanative;

namespace {

constexpr const char* kOrder = R"({"type":"record","name":"Order","namespace":"test",
  "fields":[{"name":"id","type":"long"},{"name":"item","type":"string"}]})";
constexpr const char* kOrderProto = R"(syntax = "proto3";
  package test; message Order { int64 id = 1; string item = 2; })";
constexpr const char* kOrderJson = R"({"title": "Order", "type": "object",
  "properties": {"id": {"type": "integer"}, "item": {"type": "string"}},
  "required": ["id", "item"]})";
// Adds a field without a default: a BACKWARD-incompatible change.
constexpr const char* kOrderWithRequiredField = R"({"type":"record","name":"Order",
  "namespace":"test","fields":[{"name":"id","type":"long"},{"name":"item","type":"string"},
  {"name":"qty","type":"int"}]})";

/// A registry's settings: its URL, trusting `caLocation` (empty: the machine's CAs).
SchemaRegistryConfig settings(const std::string& url, const std::string& userInfo = {},
                              std::chrono::milliseconds timeout = std::chrono::milliseconds(5000),
                              const std::string& caLocation = {}) {
  SchemaRegistryConfig config;
  config.urls = url;
  config.userInfo = userInfo;
  config.timeout = timeout;
  config.caLocation = caLocation;
  return config;
}

SchemaRegistryClient client(const std::string& url, const std::string& userInfo = {},
                            std::chrono::milliseconds timeout = std::chrono::milliseconds(5000)) {
  return SchemaRegistryClient(settings(url, userInfo, timeout));
}

RegisteredSchema avro(const std::string& text) {
  RegisteredSchema schema;
  schema.text = text;
  return schema;
}

/// Runs `action` and returns the KafkaError it throws (fails the test if none).
template <typename Action>
KafkaError errorOf(Action action) {
  try {
    action();
  } catch (const KafkaError& error) {
    return error;
  }
  ADD_FAILURE() << "no error";
  return KafkaError("", "");
}

std::string schemaFile(const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / (uniqueName("schema") + ".avsc");
  std::ofstream(path) << text;
  return path.string();
}

std::shared_ptr<Connection> connectionWithRegistry(const std::string& url) {
  return Connection::open(ConnectionConfig{
      testBootstrap(), {{"schema.registry.url", url}}, std::chrono::milliseconds(5000), ""});
}

/// What a consumer decoding `format` by schema id read of `topic`: up to `count` messages,
/// within 30 s.
struct Decoded {
  std::uint32_t messages = 0;
  std::uint32_t undecodable = 0;
  std::string problem;   ///< the last undecodable value's reason
  std::string lastJson;  ///< the last value, as JSON
};

Decoded decodeById(const std::shared_ptr<Connection>& kafka, const std::string& topic,
                   MessageFormat format, std::uint32_t count) {
  ConsumerSettings consumer;
  consumer.topics = {topic};
  consumer.groupId = uniqueName("group");
  consumer.valueSchema.format = format;
  consumer.lastMessageBytes = 4096;
  ConsumerSession reader(kafka, consumer);
  Decoded decoded;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (decoded.messages < count && std::chrono::steady_clock::now() < deadline) {
    const auto outcome = reader.poll(100, std::chrono::milliseconds(200));
    decoded.messages += outcome.messages;
    decoded.undecodable += outcome.undecodable;
    decoded.problem = outcome.decodeProblem.empty() ? decoded.problem : outcome.decodeProblem;
    decoded.lastJson = outcome.messages > 0 ? outcome.lastValue : decoded.lastJson;
  }
  return decoded;
}

}  // namespace

TEST(SchemaRegistryClient, RegistersFindsAndRefusesAsTheRegistrySays) {
  RegistryDouble registry;
  auto registryClient = client(testRegistryUrl(registry));
  const auto subject = uniqueName("orders") + "-value";
  const auto registered = registryClient.registerSchema(subject, avro(kOrder));
  EXPECT_GT(registered.id, 0);
  EXPECT_EQ(registryClient.version(subject, "latest").id, registered.id);
  EXPECT_EQ(registryClient.version(subject, "1").id, registered.id);
  EXPECT_EQ(nlohmann::json::parse(registryClient.byId(registered.id).text),
            nlohmann::json::parse(kOrder));
  // A second client (no cache) gets the same id for the same schema.
  EXPECT_EQ(client(testRegistryUrl(registry)).registerSchema(subject, avro(kOrder)).id,
            registered.id);

  const auto incompatible =
      errorOf([&] { registryClient.registerSchema(subject, avro(kOrderWithRequiredField)); });
  EXPECT_EQ(incompatible.name(), "_SCHEMA_REGISTRY");
  EXPECT_NE(std::string(incompatible.what()).find("incompatible"), std::string::npos)
      << incompatible.what();
  EXPECT_NE(std::string(errorOf([&] { registryClient.version("nope-value", "latest"); }).what())
                .find("not found"),
            std::string::npos);
  EXPECT_NE(std::string(errorOf([&] { registryClient.byId(999999); }).what()).find("404"),
            std::string::npos);
}

TEST(SchemaRegistryClient, BasicAuthenticationIsSent) {
  RegistryDouble registry({"--user", "me:secret"});
  const auto subject = uniqueName("auth") + "-value";
  EXPECT_NE(std::string(errorOf([&] {
                          client(registry.url()).registerSchema(subject, avro(kOrder));
                        }).what())
                .find("401"),
            std::string::npos);
  EXPECT_GT(client(registry.url(), "me:secret").registerSchema(subject, avro(kOrder)).id, 0);
}

TEST(SchemaRegistryClient, HttpsIsVerifiedAgainstTheGivenCertificates) {
  // A self-signed certificate for 127.0.0.1, made for this test.
  const auto directory = std::filesystem::temp_directory_path() / uniqueName("registry-tls");
  std::filesystem::create_directories(directory);
  const std::string certificate = (directory / "registry.pem").string();
  const std::string key = (directory / "registry.key").string();
  const std::string command =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
      "-addext subjectAltName=IP:127.0.0.1 -keyout " +
      key + " -out " + certificate + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  RegistryDouble registry({"--tls", certificate, key});
  ASSERT_EQ(registry.url().rfind("https://", 0), 0u);
  const auto subject = uniqueName("tls") + "-value";
  // Not signed by any CA the machine trusts: refused, saying why.
  const auto untrusted =
      errorOf([&] { client(registry.url()).registerSchema(subject, avro(kOrder)); });
  EXPECT_NE(std::string(untrusted.what()).find("certificate"), std::string::npos)
      << untrusted.what();
  SchemaRegistryClient trusting(
      settings(registry.url(), {}, std::chrono::milliseconds(5000), certificate));
  EXPECT_GT(trusting.registerSchema(subject, avro(kOrder)).id, 0);
  std::filesystem::remove_all(directory);
}

// Mutual TLS: a registry that asks for the client's certificate refuses a client without one
// (the refusal is the plan's to fix, not retried), and takes it with the certificate and its
// key, here encrypted with a password.
TEST(SchemaRegistryClient, AClientCertificateIsSentToARegistryThatAsksForIt) {
  const auto directory = std::filesystem::temp_directory_path() / uniqueName("registry-mtls");
  std::filesystem::create_directories(directory);
  const auto file = [&](const char* name) { return (directory / name).string(); };
  const std::string commands =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
      "-addext subjectAltName=IP:127.0.0.1 -keyout " +
      file("server.key") + " -out " + file("server.pem") +
      " && openssl req -x509 -newkey rsa:2048 -days 1 -subj /CN=jmeter " +
      "-passout pass:s3cret -keyout " + file("client.key") + " -out " + file("client.pem");
  ASSERT_EQ(std::system((commands + " >/dev/null 2>&1").c_str()), 0) << commands;
  RegistryDouble registry(
      {"--tls", file("server.pem"), file("server.key"), "--client-ca", file("client.pem")});
  SchemaRegistryConfig config =
      settings(registry.url(), {}, std::chrono::milliseconds(5000), file("server.pem"));
  const auto withoutCertificate =
      errorOf([&] { SchemaRegistryClient(config).registerSchema("m-value", avro(kOrder)); });
  EXPECT_EQ(withoutCertificate.name(), "_SCHEMA_REGISTRY_UNAVAILABLE") << withoutCertificate.what();
  config.certificateLocation = file("client.pem");
  config.keyLocation = file("client.key");
  config.keyPassword = "wrong";
  const auto wrongPassword =
      errorOf([&] { SchemaRegistryClient(config).registerSchema("m-value", avro(kOrder)); });
  EXPECT_EQ(wrongPassword.name(), "_SCHEMA_REGISTRY") << wrongPassword.what();
  config.keyPassword = "s3cret";
  EXPECT_GT(SchemaRegistryClient(config).registerSchema("m-value", avro(kOrder)).id, 0);
  std::filesystem::remove_all(directory);
}

TEST(SchemaRegistryClient, UnreachableAndSlowRegistriesAreClearErrors) {
  const auto unreachable = errorOf([] { client("http://127.0.0.1:1").byId(1); });
  EXPECT_EQ(unreachable.name(), "_SCHEMA_REGISTRY_UNAVAILABLE");
  EXPECT_NE(std::string(unreachable.what()).find("unavailable: http://127.0.0.1:1"),
            std::string::npos)
      << unreachable.what();

  RegistryDouble slow({"--delay", "3"});
  const auto start = std::chrono::steady_clock::now();
  const auto timedOut =
      errorOf([&] { client(slow.url(), {}, std::chrono::milliseconds(300)).byId(1); });
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_NE(std::string(timedOut.what()).find("imed out"), std::string::npos) << timedOut.what();
  // The second URL of a list answers when the first cannot be reached.
  RegistryDouble registry;
  EXPECT_GT(client("http://127.0.0.1:1," + registry.url())
                .registerSchema(uniqueName("s"), avro(kOrder))
                .id,
            0);
}

// A refusal no later request can change (credentials, unknown subject, incompatible schema) is
// remembered: the same request is refused again without asking, where each sample used to
// ask again.
TEST(SchemaRegistryClient, ARefusalIsRememberedNotAskedAgain) {
  RegistryDouble registry({"--user", "me:secret"});
  auto wrongPassword = client(registry.url(), "me:wrong");
  const auto subject = uniqueName("refused") + "-value";
  for (int attempt = 0; attempt < 20; ++attempt) {
    const auto refused = errorOf([&] { wrongPassword.registerSchema(subject, avro(kOrder)); });
    EXPECT_EQ(refused.name(), "_SCHEMA_REGISTRY");
    EXPECT_NE(std::string(refused.what()).find("401"), std::string::npos) << refused.what();
  }
  EXPECT_EQ(registry.requests(), 1);
  // Another request is asked (a refusal is the registry's answer to that request only).
  errorOf([&] { wrongPassword.version(subject, "latest"); });
  EXPECT_EQ(registry.requests(), 2);
}

// A registry that is down may come back: the client backs off (100 ms, doubling to 5 s) and
// fails at once meanwhile, without a request; the first answer after ends the backoff.
TEST(SchemaRegistryClient, AnUnavailableRegistryIsBackedOffNotAskedPerSample) {
  RegistryDouble down({"--status", "503"});
  auto registryClient = client(down.url());
  const auto start = std::chrono::steady_clock::now();
  int failures = 0;
  while (std::chrono::steady_clock::now() - start < std::chrono::milliseconds(1000)) {
    const auto error = errorOf([&] { registryClient.byId(1); });
    EXPECT_EQ(error.name(), "_SCHEMA_REGISTRY_UNAVAILABLE") << error.what();
    ++failures;
  }
  EXPECT_GT(failures, 100);
  // At 0, 100, 300, 700 ms (and one more on a slow machine): not one per failure.
  EXPECT_GE(down.requests(), 3);
  EXPECT_LE(down.requests(), 5);
  const auto backingOff = errorOf([&] { registryClient.byId(1); });
  EXPECT_NE(std::string(backingOff.what()).find("HTTP 503"), std::string::npos)
      << backingOff.what();
  EXPECT_NE(std::string(backingOff.what()).find("backing off"), std::string::npos)
      << backingOff.what();
}

/// Produces one string value, then 50 in `format` with `schemaText`, through Kafka with the
/// registry's wire format; a consumer decoding by id finds the string undecodable and the
/// rest decodable, the last as JSON.
void roundTrip(MessageFormat format, const std::string& schemaText) {
  RegistryDouble registry;
  const auto url = testRegistryUrl(registry);
  auto kafka = connectionWithRegistry(url);
  const auto topic = uniqueName("records");
  ProducerSettings producer;
  producer.topic = topic;
  producer.valueTemplate = R"({"id": {{seq}}, "item": "item-{{seq}}"})";
  producer.valueSchema.format = format;
  producer.valueSchema.schemaFile = schemaFile(schemaText);
  producer.statsName = topic;
  producer.partitioning = Partitioning::kFixed;  // one partition: the last message is a record
  ProducerSettings plain = producer;
  plain.valueTemplate = "not a record";
  plain.valueSchema = {};
  ASSERT_EQ(ProducerSession(kafka, plain).produce(1).acked, 1u);
  ProducerSession session(kafka, producer);
  ASSERT_EQ(session.produce(50).acked, 50u);
  EXPECT_EQ(client(url).version(topic + "-value", "latest").type,
            RecordSchema::registryType(format));

  const auto decoded = decodeById(kafka, topic, format, 51);
  EXPECT_EQ(decoded.messages, 51u);
  EXPECT_EQ(decoded.undecodable, 1u);
  EXPECT_NE(decoded.problem.find("wire format"), std::string::npos) << decoded.problem;
  const auto json = nlohmann::json::parse(decoded.lastJson);
  EXPECT_EQ(json["item"], "item-" + std::to_string(json["id"].get<int>())) << decoded.lastJson;
}

// A .proto importing a well-known type and a file beside it: each file is registered under
// its import path as the subject, the record's schema references them by name, subject and
// version, and a consumer reading the record by id resolves the references to decode it.
TEST(SchemaRegistryClient, ProtobufImportsAreRegisteredAsReferencesAndReadBackById) {
  RegistryDouble registry;
  const auto url = testRegistryUrl(registry);
  auto kafka = connectionWithRegistry(url);
  const auto folder = std::filesystem::temp_directory_path() / uniqueName("imports");
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "money.proto")
      << "syntax = \"proto3\"; package shop; message Money { string currency = 1; }";
  std::ofstream(folder / "order.proto") << R"(syntax = "proto3"; package shop;
      import "google/protobuf/timestamp.proto"; import "money.proto";
      message Order { int64 id = 1; google.protobuf.Timestamp at = 2; Money total = 3; })";
  const auto topic = uniqueName("imports");
  ProducerSettings producer;
  producer.topic = topic;
  producer.valueTemplate =
      R"({"id": {{seq}}, "at": "2026-12-03T10:00:00Z", "total": {"currency": "EUR"}})";
  producer.valueSchema.format = MessageFormat::kProtobuf;
  producer.valueSchema.schemaFile = (folder / "order.proto").string();
  producer.partitioning = Partitioning::kFixed;
  ASSERT_EQ(ProducerSession(kafka, producer).produce(5).acked, 5u);

  auto registryClient = client(url);
  const auto order = registryClient.version(topic + "-value", "latest");
  ASSERT_EQ(order.references.size(), 2u);
  EXPECT_EQ(order.references[0].name, "google/protobuf/timestamp.proto");
  EXPECT_EQ(order.references[0].subject, "google/protobuf/timestamp.proto");
  EXPECT_EQ(order.references[1].subject, "money.proto");
  EXPECT_EQ(registryClient.version("money.proto", std::to_string(order.references[1].version)).text,
            "syntax = \"proto3\"; package shop; message Money { string currency = 1; }");

  const auto decoded = decodeById(kafka, topic, MessageFormat::kProtobuf, 5);
  EXPECT_EQ(decoded.messages, 5u);
  EXPECT_EQ(decoded.undecodable, 0u) << decoded.problem;
  const auto json = nlohmann::json::parse(decoded.lastJson);
  EXPECT_EQ(json["at"], "2026-12-03T10:00:00Z");  // Protobuf's JSON mapping
  EXPECT_EQ(json["total"]["currency"], "EUR");
  std::filesystem::remove_all(folder);
}

// An Avro record using a named type defined in another file (Address.avsc beside it): the
// file is registered under the type's full name, the record's schema references it, and a
// consumer reading by id resolves the reference to decode.
TEST(SchemaRegistryClient, AvroNamedTypesFromOtherFilesAreRegisteredAsReferences) {
  RegistryDouble registry;
  const auto url = testRegistryUrl(registry);
  auto kafka = connectionWithRegistry(url);
  const auto folder = std::filesystem::temp_directory_path() / uniqueName("avro-references");
  std::filesystem::create_directories(folder);
  const std::string address = R"({"type": "record", "name": "Address", "namespace": "shop",
      "fields": [{"name": "city", "type": "string"}]})";
  std::ofstream(folder / "Address.avsc") << address;
  std::ofstream(folder / "order.avsc") << R"({"type": "record", "name": "Order",
      "namespace": "shop", "fields": [{"name": "id", "type": "long"},
      {"name": "to", "type": "Address"}, {"name": "from", "type": ["null", "shop.Address"]}]})";
  const auto topic = uniqueName("avro-references");
  ProducerSettings producer;
  producer.topic = topic;
  producer.valueTemplate = R"({"id": {{seq}}, "to": {"city": "Lyon"}, "from": null})";
  producer.valueSchema.format = MessageFormat::kAvro;
  producer.valueSchema.schemaFile = (folder / "order.avsc").string();
  producer.partitioning = Partitioning::kFixed;
  ASSERT_EQ(ProducerSession(kafka, producer).produce(5).acked, 5u);

  auto registryClient = client(url);
  const auto order = registryClient.version(topic + "-value", "latest");
  ASSERT_EQ(order.references.size(), 1u);
  EXPECT_EQ(order.references[0].name, "shop.Address");
  EXPECT_EQ(registryClient.version("shop.Address", "latest").text, address);

  const auto decoded = decodeById(kafka, topic, MessageFormat::kAvro, 5);
  EXPECT_EQ(decoded.messages, 5u);
  EXPECT_EQ(decoded.undecodable, 0u) << decoded.problem;
  EXPECT_EQ(nlohmann::json::parse(decoded.lastJson)["to"]["city"], "Lyon");
  // A type found nowhere is a clear error.
  std::filesystem::remove(folder / "Address.avsc");
  producer.topic = uniqueName("avro-unreferenced");
  EXPECT_NE(std::string(errorOf([&] { ProducerSession(kafka, producer); }).what())
                .find("unknown type 'Address' (defined neither here nor in a schema found"),
            std::string::npos);
  std::filesystem::remove_all(folder);
}

// A JSON Schema `$ref` to another file beside it: the file is registered under its name as the
// subject and referenced; a consumer reading by id resolves the reference to check values.
TEST(SchemaRegistryClient, JsonSchemaRefsToOtherFilesAreRegisteredAsReferences) {
  RegistryDouble registry;
  const auto url = testRegistryUrl(registry);
  auto kafka = connectionWithRegistry(url);
  const auto folder = std::filesystem::temp_directory_path() / uniqueName("json-references");
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "money.json")
      << R"({"type": "object", "properties": {"cents": {"type": "integer", "minimum": 0}}})";
  std::ofstream(folder / "order.json") << R"({"title": "Order", "type": "object",
      "properties": {"id": {"type": "integer"}, "total": {"$ref": "money.json"}}})";
  const auto topic = uniqueName("json-references");
  ProducerSettings producer;
  producer.topic = topic;
  producer.valueTemplate = R"({"id": {{seq}}, "total": {"cents": {{seq}}}})";
  producer.valueSchema.format = MessageFormat::kJsonSchema;
  producer.valueSchema.schemaFile = (folder / "order.json").string();
  producer.partitioning = Partitioning::kFixed;
  ASSERT_EQ(ProducerSession(kafka, producer).produce(5).acked, 5u);
  const auto order = client(url).version(topic + "-value", "latest");
  ASSERT_EQ(order.references.size(), 1u);
  EXPECT_EQ(order.references[0].subject, "money.json");

  const auto decoded = decodeById(kafka, topic, MessageFormat::kJsonSchema, 5);
  EXPECT_EQ(decoded.messages, 5u);
  EXPECT_EQ(decoded.undecodable, 0u) << decoded.problem;
  std::filesystem::remove_all(folder);
}

// Files a schema depends on are looked for beside it, then in the Schema folders, in order.
TEST(SchemaRegistryClient, SchemaFoldersAreSearchedAfterTheSchemasOwn) {
  auto kafka =
      Connection::open(ConnectionConfig{testBootstrap(), {}, std::chrono::milliseconds(5000), ""});
  const auto root = std::filesystem::temp_directory_path() / uniqueName("schema-folders");
  std::filesystem::create_directories(root / "records");
  std::filesystem::create_directories(root / "shared" / "shop");
  std::ofstream(root / "shared" / "shop" / "money.proto")
      << "syntax = \"proto3\"; package shop; message Money { int64 cents = 1; }";
  std::ofstream(root / "records" / "order.proto") << R"(syntax = "proto3"; package shop;
      import "shop/money.proto"; message Order { Money total = 1; })";
  ProducerSettings producer;
  producer.topic = uniqueName("folders");
  producer.valueTemplate = R"({"total": {"cents": 5}})";
  producer.valueSchema.format = MessageFormat::kProtobuf;
  producer.valueSchema.schemaFile = (root / "records" / "order.proto").string();
  EXPECT_NE(std::string(errorOf([&] { ProducerSession(kafka, producer); }).what())
                .find("import 'shop/money.proto' not found"),
            std::string::npos);
  producer.valueSchema.schemaFolders = {(root / "elsewhere").string(), (root / "shared").string()};
  EXPECT_EQ(ProducerSession(kafka, producer).produce(1).acked, 1u);
  std::filesystem::remove_all(root);
}

TEST(SchemaRegistryClient, AvroValuesGoThroughKafkaInTheWireFormatAndDecodeById) {
  roundTrip(MessageFormat::kAvro, kOrder);
}

TEST(SchemaRegistryClient, ProtobufValuesGoThroughKafkaInTheWireFormatAndDecodeById) {
  roundTrip(MessageFormat::kProtobuf, kOrderProto);
}

TEST(SchemaRegistryClient, JsonSchemaValuesGoThroughKafkaInTheWireFormatAndDecodeById) {
  roundTrip(MessageFormat::kJsonSchema, kOrderJson);
}

TEST(SchemaRegistryClient, AConsumerAsksADownRegistryOncePerIdNotPerMessage) {
  RegistryDouble slow({"--delay", "3"});
  auto registry = client(slow.url(), {}, std::chrono::milliseconds(200));
  SchemaSettings avroValues;
  avroValues.format = MessageFormat::kAvro;
  SchemaReader reader(avroValues, &registry);
  const std::string value = WireFormat::header(7) + "x";
  const auto start = std::chrono::steady_clock::now();
  for (int message = 0; message < 20; ++message) {
    EXPECT_FALSE(reader.read(value, nullptr));
    EXPECT_NE(reader.problem().find("imed out"), std::string::npos) << reader.problem();
  }
  // One 200 ms timeout, not twenty.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(SchemaRegistryClient, AvroKeysAreRegisteredUnderTheKeySubject) {
  RegistryDouble registry;
  const auto url = testRegistryUrl(registry);
  auto kafka = connectionWithRegistry(url);
  ProducerSettings producer;
  producer.topic = uniqueName("keys");
  producer.keyTemplate = R"({"id": {{seq}}, "item": "k"})";
  producer.keySchema.format = MessageFormat::kAvro;
  producer.keySchema.schemaFile = schemaFile(kOrder);
  producer.partitioning = Partitioning::kByKey;  // murmur2 of the encoded key
  producer.valueTemplate = "v";
  ProducerSession session(kafka, producer);
  ASSERT_EQ(session.produce(10).acked, 10u);
  EXPECT_GT(client(url).version(producer.topic + "-key", "latest").id, 0);
  // Record-name strategies name the subject after the record.
  producer.keySchema.strategy = SubjectStrategy::kTopicRecordName;
  ProducerSession byRecord(kafka, producer);
  ASSERT_EQ(byRecord.produce(1).acked, 1u);
  EXPECT_GT(client(url).version(producer.topic + "-test.Order", "latest").id, 0);
}

// A team's schema file is registered as written (key order, spacing), so a registry that
// compares text finds the version the team registered, not a new one.
TEST(SchemaRegistryClient, SchemasAreRegisteredAsWritten) {
  RegistryDouble registry;
  auto kafka = connectionWithRegistry(testRegistryUrl(registry));
  for (const auto& [format, text] :
       {std::pair{MessageFormat::kAvro,
                  std::string(R"({ "type": "record", "namespace": "test", "name": "Order",
    "fields": [ {"type": "long", "name": "id"} ] })")},
        std::pair{MessageFormat::kJsonSchema,
                  std::string(R"({"type": "object",  "title": "Order", "properties": {}})")}}) {
    ProducerSettings producer;
    producer.topic = uniqueName("as-written");
    producer.valueSchema.format = format;
    producer.valueSchema.schemaFile = schemaFile(text);
    producer.valueTemplate = format == MessageFormat::kAvro ? R"({"id": 1})" : "{}";
    ProducerSession session(kafka, producer);
    EXPECT_EQ(client(testRegistryUrl(registry)).version(producer.topic + "-value", "latest").text,
              text);
  }
}

TEST(SchemaRegistryClient, ProducersSayWhyASchemaCannotBeUsed) {
  RegistryDouble registry;
  auto kafka = connectionWithRegistry(testRegistryUrl(registry));
  ProducerSettings producer;
  producer.topic = uniqueName("avro");
  producer.valueSchema.format = MessageFormat::kAvro;
  // no file: the subject's latest version, which does not exist
  EXPECT_NE(std::string(errorOf([&] { ProducerSession(kafka, producer); }).what())
                .find("Subject '" + producer.topic + "-value' not found"),
            std::string::npos);
  // A subject holding another format's schema.
  client(testRegistryUrl(registry)).registerSchema(producer.topic + "-value", avro(kOrder));
  producer.valueSchema.format = MessageFormat::kProtobuf;
  EXPECT_NE(std::string(errorOf([&] { ProducerSession(kafka, producer); }).what())
                .find("holds a AVRO schema, not PROTOBUF"),
            std::string::npos);
  producer.valueSchema.format = MessageFormat::kAvro;
  producer.valueSchema.schemaFile = "/nonexistent.avsc";
  EXPECT_NE(std::string(errorOf([&] { ProducerSession(kafka, producer); }).what())
                .find("cannot read schema file"),
            std::string::npos);
  producer.valueSchema.schemaFile = schemaFile("{\"type\": \"record\"");
  EXPECT_NE(std::string(errorOf([&] { ProducerSession(kafka, producer); }).what())
                .find("not a valid Avro schema"),
            std::string::npos);
  // A template field the schema lacks, found before anything is sent.
  producer.valueSchema.schemaFile = schemaFile(kOrder);
  producer.valueTemplate = R"({"id": 1, "item": "x", "colour": "red"})";
  EXPECT_NE(std::string(errorOf([&] { ProducerSession(kafka, producer); }).what())
                .find("no field 'colour'"),
            std::string::npos);
  // A choice that cannot fit is found before anything is sent, too.
  producer.valueTemplate = R"({"id": "{{pick:1|x}}", "item": "x"})";
  EXPECT_NE(std::string(errorOf([&] { ProducerSession(kafka, producer); }).what())
                .find("field id: 'x' is not a valid long"),
            std::string::npos);
  // A placeholder's text that does not fit fails its sample with the field's name.
  producer.valueTemplate = R"({"id": "x{{seq}}", "item": "x"})";
  ProducerSession session(kafka, producer);
  const auto outcome = session.produce(3);
  EXPECT_EQ(outcome.failed, 3u);
  EXPECT_NE(outcome.errorMessage.find("field id: 'x0' is not a valid long"), std::string::npos)
      << outcome.errorMessage;
}
