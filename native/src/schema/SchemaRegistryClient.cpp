#include "SchemaRegistryClient.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {

constexpr const char* kErrorName = "_SCHEMA_REGISTRY";
constexpr const char* kUnavailable = "_SCHEMA_REGISTRY_UNAVAILABLE";
constexpr std::chrono::milliseconds kFirstBackoff{100};
constexpr std::chrono::milliseconds kLongestBackoff{5000};

/// Answers that may change while the test runs: the registry is down, overloaded or slow.
bool mayHeal(long status) { return status >= 500 || status == 408 || status == 429; }

/// TLS failures the plan's settings cause (a certificate not trusted, a client certificate or
/// key that cannot be used): no retry changes them.
bool isCertificateProblem(CURLcode result) {
  return result == CURLE_PEER_FAILED_VERIFICATION || result == CURLE_SSL_CERTPROBLEM ||
         result == CURLE_SSL_CACERT_BADFILE;
}

/// Where distributions keep their CA bundle (macOS: /etc/ssl/cert.pem). A libcurl linked into
/// the portable library knows only the build machine's path, so the client looks for the
/// running machine's own.
const std::string& systemCaBundle() {
  static const std::string found = [] {
    for (const char* path :
         {"/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
          "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", "/etc/ssl/ca-bundle.pem",
          "/etc/ssl/cert.pem"}) {
      std::error_code ignored;
      if (std::filesystem::exists(path, ignored)) {
        return std::string(path);
      }
    }
    return std::string();
  }();
  return found;
}

std::size_t collect(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

std::vector<std::string> splitUrls(const std::string& urls) {
  std::vector<std::string> parts;
  std::stringstream stream(urls);
  for (std::string url; std::getline(stream, url, ',');) {
    url.erase(0, url.find_first_not_of(' '));
    url.erase(url.find_last_not_of(" /") + 1);
    if (!url.empty()) {
      parts.push_back(url);
    }
  }
  return parts;
}

/// A subject or version as one URL path segment (libcurl ignores the handle since 7.82).
std::string escaped(const std::string& text) {
  const std::unique_ptr<char, decltype(&curl_free)> out(
      curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size())), &curl_free);
  if (!out) {
    throw std::bad_alloc();
  }
  return out.get();
}

/// The registry's answer to a refused request: its own message when it sent one.
std::string refusal(long status, const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  std::string text = "HTTP " + std::to_string(status);
  if (json.is_object() && json.contains("message") && json["message"].is_string()) {
    text += ": " + json["message"].get<std::string>();
    if (json.contains("error_code")) {
      text += " (error code " + json["error_code"].dump() + ")";
    }
  } else if (!body.empty()) {
    text += ": " + body.substr(0, 200);
  }
  return text;
}

RegisteredSchema schemaFrom(const std::string& body, const std::string& what) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object() || !json.contains("schema") || !json["schema"].is_string()) {
    throw KafkaError(kErrorName, "schema registry: " + what + ": the answer holds no schema");
  }
  RegisteredSchema schema;
  schema.text = json["schema"].get<std::string>();
  if (json.contains("id") && json["id"].is_number_integer()) {
    schema.id = json["id"].get<std::int32_t>();
  }
  if (json.contains("schemaType") && json["schemaType"].is_string()) {
    schema.type = json["schemaType"].get<std::string>();
  }
  if (json.contains("version") && json["version"].is_number_integer()) {
    schema.version = json["version"].get<std::int32_t>();
  }
  for (const auto& reference : json.value("references", nlohmann::json::array())) {
    if (!reference.is_object() || !reference.value("name", nlohmann::json()).is_string() ||
        !reference.value("subject", nlohmann::json()).is_string() ||
        !reference.value("version", nlohmann::json()).is_number_integer()) {
      throw KafkaError(kErrorName,
                       "schema registry: " + what + ": a malformed reference " + reference.dump());
    }
    schema.references.push_back({reference["name"].get<std::string>(),
                                 reference["subject"].get<std::string>(),
                                 reference["version"].get<std::int32_t>()});
  }
  return schema;
}

/// The body that registers or looks up `schema`: its text, type and references.
std::string schemaBody(const RegisteredSchema& schema) {
  nlohmann::json body = {{"schema", schema.text}};
  if (schema.type != "AVRO") {
    body["schemaType"] = schema.type;
  }
  for (const auto& reference : schema.references) {
    body["references"].push_back(
        {{"name", reference.name}, {"subject", reference.subject}, {"version", reference.version}});
  }
  return body.dump();
}

}  // namespace

SchemaRegistryClient::SchemaRegistryClient(SchemaRegistryConfig config)
    : config_(std::move(config)) {
  static const CURLcode initialised = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (initialised != CURLE_OK || splitUrls(config_.urls).empty()) {
    throw KafkaError::invalidArgument("schema.registry.url: expected http(s)://host:port[,...]");
  }
}

void SchemaRegistryClient::refuseKnownFailures(const std::string& key) const {
  const auto now = std::chrono::steady_clock::now();
  if (now < retryAt_) {
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(retryAt_ - now);
    throw KafkaError(kUnavailable, unavailable_ + " (backing off: no request for another " +
                                       std::to_string(wait.count()) + " ms)");
  }
  if (const auto refused = refused_.find(key); refused != refused_.end()) {
    throw KafkaError(kErrorName, refused->second + " (refused before; not asked again)");
  }
}

void SchemaRegistryClient::backOff(const std::string& reason) {
  backoff_ = std::clamp(backoff_ * 2, kFirstBackoff, kLongestBackoff);
  retryAt_ = std::chrono::steady_clock::now() + backoff_;
  unavailable_ = "schema registry unavailable: " + reason;
  throw KafkaError(kUnavailable, unavailable_);
}

std::string SchemaRegistryClient::request(const std::string& path, const std::string& body) {
  const std::string key = path + "\n" + body;
  refuseKnownFailures(key);
  std::string lastFailure;
  for (const auto& url : splitUrls(config_.urls)) {
    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                   &curl_easy_cleanup);
    const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(
        curl_slist_append(
            curl_slist_append(nullptr, "Accept: application/vnd.schemaregistry.v1+json"),
            "Content-Type: application/vnd.schemaregistry.v1+json"),
        &curl_slist_free_all);
    if (!curl || !headers) {
      throw std::bad_alloc();
    }
    const std::string address = url + path;
    std::string answer;
    char curlError[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl.get(), CURLOPT_URL, address.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeout.count()));
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);  // JMeter's threads, not signals
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, &collect);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, curlError);
    if (!body.empty()) {
      curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
    }
    if (!config_.userInfo.empty()) {
      curl_easy_setopt(curl.get(), CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
      curl_easy_setopt(curl.get(), CURLOPT_USERPWD, config_.userInfo.c_str());
    }
    const std::string& ca = config_.caLocation.empty() ? systemCaBundle() : config_.caLocation;
    if (!ca.empty()) {
      curl_easy_setopt(curl.get(), CURLOPT_CAINFO, ca.c_str());
    }
#ifdef _WIN32
    if (config_.caLocation.empty()) {  // no bundle file there: Windows' own certificate store
      curl_easy_setopt(curl.get(), CURLOPT_SSL_OPTIONS, static_cast<long>(CURLSSLOPT_NATIVE_CA));
    }
#endif
    if (!config_.certificateLocation.empty()) {  // mutual TLS
      curl_easy_setopt(curl.get(), CURLOPT_SSLCERT, config_.certificateLocation.c_str());
      curl_easy_setopt(curl.get(), CURLOPT_SSLKEY, config_.keyLocation.c_str());
      if (!config_.keyPassword.empty()) {
        curl_easy_setopt(curl.get(), CURLOPT_KEYPASSWD, config_.keyPassword.c_str());
      }
    }
    const CURLcode result = curl_easy_perform(curl.get());
    if (result != CURLE_OK) {
      const std::string failure =
          address + ": " + (curlError[0] ? curlError : curl_easy_strerror(result));
      if (isCertificateProblem(result)) {
        refused_[key] = "schema registry " + failure;
        throw KafkaError(kErrorName, refused_[key]);
      }
      lastFailure = failure;  // not reached: the next URL may answer
      continue;
    }
    long status = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300) {
      backoff_ = std::chrono::milliseconds(0);
      return answer;
    }
    const std::string refused = "schema registry " + address + ": " + refusal(status, answer);
    if (mayHeal(status)) {  // the next URL may answer
      lastFailure = refused;
      continue;
    }
    if (status != 404) {  // a subject another sampler registers a moment later is found then
      refused_[key] = refused;
    }
    throw KafkaError(kErrorName, refused);
  }
  backOff(lastFailure);
}

RegisteredSchema SchemaRegistryClient::registerSchema(const std::string& subject,
                                                      const RegisteredSchema& schema) {
  std::lock_guard lock(mutex_);
  const auto key = std::make_pair(subject, schema.text);
  if (const auto known = registered_.find(key); known != registered_.end()) {
    return known->second;
  }
  const auto answer = nlohmann::json::parse(
      request("/subjects/" + escaped(subject) + "/versions", schemaBody(schema)), nullptr, false);
  if (!answer.is_object() || !answer.contains("id") || !answer["id"].is_number_integer()) {
    throw KafkaError(
        kErrorName, "schema registry: registering under '" + subject + "': the answer holds no id");
  }
  RegisteredSchema registered = schema;
  registered.id = answer["id"].get<std::int32_t>();
  byId_.emplace(registered.id, registered);
  return registered_.emplace(key, registered).first->second;
}

RegisteredSchema SchemaRegistryClient::version(const std::string& subject,
                                               const std::string& version) {
  std::lock_guard lock(mutex_);
  const std::string what = "subject '" + subject + "' version " + version;
  RegisteredSchema schema = schemaFrom(
      request("/subjects/" + escaped(subject) + "/versions/" + escaped(version), ""), what);
  byId_.emplace(schema.id, schema);
  return schema;
}

RegisteredSchema SchemaRegistryClient::byId(std::int32_t id) {
  std::lock_guard lock(mutex_);
  if (const auto known = byId_.find(id); known != byId_.end()) {
    return known->second;
  }
  RegisteredSchema schema = schemaFrom(request("/schemas/ids/" + std::to_string(id), ""),
                                       "schema id " + std::to_string(id));
  schema.id = id;
  return byId_.emplace(id, schema).first->second;
}

RegisteredSchema SchemaRegistryClient::lookup(const std::string& subject,
                                              const RegisteredSchema& schema) {
  std::lock_guard lock(mutex_);
  RegisteredSchema found = schemaFrom(request("/subjects/" + escaped(subject), schemaBody(schema)),
                                      "schema under subject '" + subject + "'");
  found.type = schema.type;
  return found;
}

std::map<std::string, std::string> SchemaRegistryClient::referencedTexts(
    const RegisteredSchema& schema) {
  std::map<std::string, std::string> texts;
  for (const auto& reference : schema.references) {
    if (texts.contains(reference.name)) {
      continue;
    }
    const RegisteredSchema referenced =
        version(reference.subject, std::to_string(reference.version));
    texts.emplace(reference.name, referenced.text);
    texts.merge(referencedTexts(referenced));
  }
  return texts;
}

}  // namespace kafkanative
