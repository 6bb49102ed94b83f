#include "kafkanative/ByteWriter.hpp"

#include <gtest/gtest.h>

#include <string>

using kafkanative::ByteWriter;

TEST(ByteWriterTest, AppendsAfterTheContentAndLeavesJustWhatItWrote) {
  std::string out = "head:";
  {
    ByteWriter writer(out);
    writer += 'a';
    writer += std::string_view("bc");
    writer += std::string_view("xxx");
    writer.append("yz!", 2);
    char* room = writer.room(4);
    room[0] = '1';
    room[1] = '2';
    writer.advance(2);
    EXPECT_EQ(writer.size(), 15U);
  }
  EXPECT_EQ(out, "head:abcxxxyz12");
}

TEST(ByteWriterTest, GrowsPastTheCapacityKeepingEveryByte) {
  std::string out;
  std::string expected;
  {
    ByteWriter writer(out);
    for (int i = 0; i < 5000; ++i) {
      const char byte = static_cast<char>('a' + i % 26);
      writer += byte;
      expected += byte;
      if (i % 100 == 0) {  // a larger piece now and then, more than doubles a small buffer
        const std::string piece(static_cast<std::size_t>(i % 700), '#');
        writer += piece;
        expected += piece;
      }
    }
  }
  EXPECT_EQ(out, expected);
}

TEST(ByteWriterTest, ReplacesOneByteWithSeveralMovingTheRest) {
  std::string out = "<";
  {
    ByteWriter writer(out);
    writer += '?';
    writer += std::string_view("tail");
    writer[1] = '!';
    writer.replaceByte(1, "ABC", 3);
    writer.replaceByte(0, "[", 1);
  }
  EXPECT_EQ(out, "[ABCtail");
}

TEST(ByteWriterTest, AnEmptyWriterChangesNothing) {
  std::string out = "kept";
  out.reserve(200);
  { ByteWriter writer(out); }
  EXPECT_EQ(out, "kept");
}
