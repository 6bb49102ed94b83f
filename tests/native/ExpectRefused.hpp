#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "kafkanative/KafkaError.hpp"

/// Expects `build` to throw an invalid-argument KafkaError whose message contains `expected`
/// (what a sampler shows when a schema or template cannot be used).
inline void expectRefused(const std::function<void()>& build, const std::string& expected) {
  try {
    build();
    FAIL() << "accepted; expected: " << expected;
  } catch (const kafkanative::KafkaError& error) {
    EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
    EXPECT_EQ(error.name(), "_INVALID_ARG");
  }
}
