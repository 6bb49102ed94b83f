#include "kafkanative/MessageTemplate.hpp"

#include <gtest/gtest.h>

#include "kafkanative/KafkaError.hpp"

using kafkanative::KafkaError;
using kafkanative::MessageTemplate;

namespace {
std::string render(const MessageTemplate& t, std::uint64_t seq) {
  std::string out;
  t.render(seq, out);
  return out;
}
}  // namespace

TEST(MessageTemplate, SubstitutesSequence) {
  MessageTemplate t("order-{{seq}}-of-{{seq}}", 0, "value");
  EXPECT_EQ(render(t, 0), "order-0-of-0");
  EXPECT_EQ(render(t, 18446744073709551615ULL),
            "order-18446744073709551615-of-18446744073709551615");
}

TEST(MessageTemplate, PadsToTargetSize) {
  MessageTemplate t("{{seq}}", 8, "value");
  EXPECT_EQ(render(t, 42), "42xxxxxx");
  MessageTemplate longer("0123456789", 4, "value");
  EXPECT_EQ(render(longer, 0), "0123456789");
}

TEST(MessageTemplate, EscapedBracesAreLiteral) {
  MessageTemplate t("{{{{seq}} is {{seq}}", 0, "value");
  EXPECT_EQ(render(t, 7), "{{seq}} is 7");
}

TEST(MessageTemplate, PlainTextAndEmpty) {
  EXPECT_EQ(render(MessageTemplate("hello", 0, "value"), 3), "hello");
  MessageTemplate empty("", 0, "key");
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(render(empty, 3), "");
}

TEST(MessageTemplate, UnknownPlaceholderNamesFieldAndPosition) {
  try {
    MessageTemplate("ab{{nope}}", 0, "value template");
    FAIL() << "expected KafkaError";
  } catch (const KafkaError& error) {
    EXPECT_EQ(error.name(), "_INVALID_ARG");
    EXPECT_STREQ(error.what(), "value template: unknown placeholder '{{nope}}' at position 2");
  }
}

TEST(MessageTemplate, UnterminatedPlaceholderIsAnError) {
  EXPECT_THROW(MessageTemplate("x{{seq", 0, "value"), KafkaError);
}
