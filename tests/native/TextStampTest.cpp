// Finding a producer's stamp in a message's text.
#include "TextStamp.hpp"

#include <gtest/gtest.h>

using kafkanative::TextStamp;

TEST(TextStamp, IsFoundAnywhereInTheText) {
  const auto stamp = TextStamp::find(
      R"({"id": 7, "meta": {"stamp": "kn-stamp/1796083993974123/42/00ab@vm-1.lan:817"}})");
  ASSERT_TRUE(stamp.has_value());
  EXPECT_EQ(stamp->epochMicros, 1796083993974123);
  EXPECT_EQ(stamp->partitionSequence, 42u);
  EXPECT_EQ(stamp->producer, "00ab@vm-1.lan:817");
}

TEST(TextStamp, MalformedOrAbsentIsNone) {
  for (const char* text : {"", "no stamp here", "kn-stamp/", "kn-stamp/12/x/p", "kn-stamp/12/3/",
                           "kn-stamp/12/3\"", "kn-stamp/-/3/p"}) {
    EXPECT_FALSE(TextStamp::find(text).has_value()) << text;
  }
}
