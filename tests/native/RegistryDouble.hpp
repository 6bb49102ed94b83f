#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

/// The Schema Registry test double (tests/registry/schema_registry_double.py) in a process of
/// its own for one test: started on a free port, stopped when this goes.
class RegistryDouble {
 public:
  /// `options`: the double's own, e.g. {"--user", "me:secret"} or {"--delay", "2"}.
  explicit RegistryDouble(const std::vector<std::string>& options = {});
  ~RegistryDouble();
  RegistryDouble(const RegistryDouble&) = delete;
  RegistryDouble& operator=(const RegistryDouble&) = delete;

  /// http://127.0.0.1:PORT (https:// when started with --tls)
  const std::string& url() const noexcept { return url_; }
  /// How many requests the double has had.
  int requests() const;

 private:
  pid_t pid_ = -1;
  std::string portFile_;
  std::string countFile_;
  std::string url_;
};

/// The registry the tests use: $SCHEMA_REGISTRY_URL when set (a real one), else `double`'s.
std::string testRegistryUrl(const RegistryDouble& fallback);
