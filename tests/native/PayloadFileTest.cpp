#include "kafkanative/PayloadFile.hpp"

#include <gtest/gtest.h>
#ifndef _WIN32
#include <unistd.h>
#endif

#include <filesystem>
#include <fstream>
#include <set>

#include "TestCluster.hpp"
#include "kafkanative/KafkaError.hpp"

using kafkanative::FastRandom;
using kafkanative::KafkaError;
using kafkanative::PayloadFile;

namespace {
std::filesystem::path scratch(const std::string& name) {
  static const std::string run = uniqueName("kns-payload");  // this process's
  auto path = std::filesystem::temp_directory_path() / (run + "-" + name);
  std::filesystem::remove_all(path);
  return path;
}

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string errorOf(const std::string& path) {
  try {
    PayloadFile file(path);
  } catch (const KafkaError& error) {
    return error.what();
  }
  return "no error";
}
}  // namespace

TEST(PayloadFile, LinesCycleInOrderSkippingBlankLines) {
  const auto path = scratch("lines");
  write(path, "alpha\r\n\nbeta\ngamma");
  PayloadFile file(path.string());
  FastRandom random(1);
  ASSERT_EQ(file.size(), 3u);
  EXPECT_EQ(file.pick(0, false, random), "alpha");
  EXPECT_EQ(file.pick(1, false, random), "beta");
  EXPECT_EQ(file.pick(5, false, random), "gamma");
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    seen.insert(file.pick(0, true, random));
  }
  EXPECT_EQ(seen.size(), 3u);
  std::filesystem::remove(path);
}

TEST(PayloadFile, DirectoryGivesOnePayloadPerFileInNameOrder) {
  const auto dir = scratch("dir");
  std::filesystem::create_directories(dir);
  write(dir / "b.json", "{\"b\":2}\n");
  write(dir / "a.json", "{\"a\":1}");
  PayloadFile file(dir.string());
  FastRandom random(1);
  ASSERT_EQ(file.size(), 2u);
  EXPECT_EQ(file.pick(0, false, random), "{\"a\":1}");
  EXPECT_EQ(file.pick(1, false, random), "{\"b\":2}\n");  // a file is taken whole
  std::filesystem::remove_all(dir);
}

TEST(PayloadFile, MissingEmptyOrUnreadableIsAClearError) {
  EXPECT_EQ(errorOf("/nonexistent/payloads.txt"),
            "payload file: '/nonexistent/payloads.txt' does not exist");
  const auto empty = scratch("empty");
  write(empty, "\n\n");
  EXPECT_EQ(errorOf(empty.string()), "payload file: '" + empty.string() + "' holds no payload");
  std::filesystem::remove(empty);
#ifndef _WIN32             // Windows' permissions are ACLs: perms::none only makes a file read-only
  if (::geteuid() != 0) {  // root reads anything
    const auto locked = scratch("locked");
    write(locked, "x");
    std::filesystem::permissions(locked, std::filesystem::perms::none);
    EXPECT_NE(errorOf(locked.string()).find("cannot read"), std::string::npos);
    std::filesystem::remove(locked);
  }
#endif
}
