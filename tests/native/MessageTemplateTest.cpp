#include "kafkanative/MessageTemplate.hpp"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <thread>
#include <vector>

#include "kafkanative/KafkaError.hpp"

using kafkanative::FastRandom;
using kafkanative::KafkaError;
using kafkanative::MessageTemplate;
using kafkanative::TemplateContext;

namespace {
std::string render(const MessageTemplate& t, std::uint64_t seq, std::uint32_t thread = 1) {
  static FastRandom random(1);
  std::string out;
  EXPECT_TRUE(t.render(TemplateContext{seq, thread, random}, out));
  return out;
}

std::string errorOf(std::string_view text) {
  try {
    MessageTemplate(text, 0, "value template");
  } catch (const KafkaError& error) {
    EXPECT_EQ(error.name(), "_INVALID_ARG");
    return error.what();
  }
  return "no error";
}
}  // namespace

TEST(MessageTemplate, SubstitutesSequenceAndThread) {
  MessageTemplate t("order-{{seq}}-t{{thread}}", 0, "value");
  EXPECT_EQ(render(t, 0, 3), "order-0-t3");
  EXPECT_EQ(render(t, 18446744073709551615ULL, 7), "order-18446744073709551615-t7");
}

TEST(MessageTemplate, PadsShorterAndRefusesLongerThanTargetSize) {
  MessageTemplate t("{{seq}}", 8, "value");
  EXPECT_EQ(render(t, 42), "42xxxxxx");
  MessageTemplate longer("0123456789", 4, "value");
  FastRandom random(1);
  std::string out;
  EXPECT_FALSE(longer.render(TemplateContext{0, 0, random}, out));
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

TEST(MessageTemplate, RandomPlaceholdersHaveTheirShape) {
  const std::string out =
      render(MessageTemplate("{{uuid}}|{{random_int:-5:5}}|{{random_long:10000000000:10000000001}}|"
                             "{{random_string:12}}|{{random_hex:6}}|{{pick:red|green}}",
                             0, "value"),
             0);
  const std::regex shape(
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\|-?[0-5]\\|"
      "1000000000[01]\\|[A-Za-z0-9]{12}\\|[0-9a-f]{6}\\|(red|green)");
  EXPECT_TRUE(std::regex_match(out, shape)) << out;
  EXPECT_EQ(render(MessageTemplate("{{random_bytes:33}}", 0, "value"), 0).size(), 33u);
}

TEST(MessageTemplate, RandomValuesVaryAndCoverTheirRange) {
  MessageTemplate t("{{random_int:1:3}}{{pick:a|b}}", 0, "value");
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    seen.insert(render(t, 0));
  }
  EXPECT_EQ(seen.size(), 6u);
}

// Each 64-bit draw makes eight characters: every one of the eight is even over the alphabet,
// and neighbours are independent (equal as often as chance has it).
TEST(MessageTemplate, RandomTextIsEvenInEveryPositionOfADraw) {
  for (const auto& [placeholder, alphabet] :
       {std::pair<std::string, std::string>{
            "{{random_string:8}}",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"},
        {"{{random_hex:8}}", "0123456789abcdef"}}) {
    const MessageTemplate t(placeholder, 0, "value");
    const int perCharacter = 1000;
    const int renders = perCharacter * static_cast<int>(alphabet.size());
    std::vector<std::map<char, int>> counts(8);
    int neighboursEqual = 0;
    for (int i = 0; i < renders; ++i) {
      const std::string text = render(t, 0);
      ASSERT_EQ(text.size(), 8U);
      for (std::size_t position = 0; position < 8; ++position) {
        ++counts[position][text[position]];
        neighboursEqual += position > 0 && text[position] == text[position - 1];
      }
    }
    for (std::size_t position = 0; position < 8; ++position) {
      ASSERT_EQ(counts[position].size(), alphabet.size()) << placeholder << " at " << position;
      for (const auto& [character, count] : counts[position]) {
        EXPECT_NEAR(count, perCharacter, 200)
            << placeholder << ": '" << character << "' at " << position;
      }
    }
    EXPECT_NEAR(neighboursEqual, 7 * perCharacter, 500) << placeholder;
  }
}

TEST(MessageTemplate, TimestampsAreCurrentEpochTime) {
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const auto millis = std::stoll(render(MessageTemplate("{{timestamp_ms}}", 0, "v"), 0));
  const auto micros = std::stoll(render(MessageTemplate("{{timestamp_us}}", 0, "v"), 0));
  EXPECT_NEAR(static_cast<double>(millis), static_cast<double>(now), 60'000);
  EXPECT_NEAR(static_cast<double>(micros / 1000), static_cast<double>(now), 60'000);
}

TEST(MessageTemplate, ErrorsNameFieldPlaceholderAndPosition) {
  EXPECT_EQ(errorOf("ab{{nope}}"), "value template: unknown placeholder '{{nope}}' at position 2");
  EXPECT_EQ(errorOf("x{{seq"), "value template: unterminated placeholder at position 1");
  EXPECT_EQ(errorOf("{{random_int:5:1}}"),
            "value template: '{{random_int:5:1}}' at position 0: expected "
            "{{random_int:MIN:MAX}} with integers MIN <= MAX in range");
  EXPECT_NE(errorOf("{{random_int:0:9999999999}}").find("in range"), std::string::npos);
  EXPECT_NE(errorOf("{{random_string:x}}").find("{{random_string:N}}"), std::string::npos);
  EXPECT_NE(errorOf("{{random_hex:99999999}}").find("N from 0"), std::string::npos);
  EXPECT_NE(errorOf("{{seq:1}}").find("without arguments"), std::string::npos);
  EXPECT_NE(errorOf("{{pick}}").find("at least one choice"), std::string::npos);
}

// One counter per name for the whole engine: four threads rendering two templates that name
// it draw every value from START by STEP exactly once, as Pepper-Box's SEQUENCE does.
TEST(MessageTemplate, ASharedSequenceGivesEveryValueOnceAcrossThreadsAndTemplates) {
  const MessageTemplate value(R"({"eventId": {{sequence:shared-test:1000:3}}})", 0, "value");
  const MessageTemplate key("{{sequence:shared-test:1000:3}}", 0, "key");
  EXPECT_TRUE(key.isInteger());
  constexpr int kThreads = 4;
  constexpr int kEach = 5000;
  std::vector<std::vector<std::int64_t>> drawn(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      FastRandom random(static_cast<std::uint64_t>(t));
      std::string out;
      for (int i = 0; i < kEach; ++i) {
        const TemplateContext context{0, static_cast<std::uint32_t>(t), random};
        if (i % 2 == 0) {
          drawn[t].push_back(key.integerValue(context));
        } else {
          value.render(context, out);
          drawn[t].push_back(std::stoll(out.substr(out.find(':') + 1)));
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  std::set<std::int64_t> all;
  for (const auto& values : drawn) {
    all.insert(values.begin(), values.end());
  }
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kThreads * kEach));
  EXPECT_EQ(*all.begin(), 1000);
  EXPECT_EQ(*all.rbegin(), 1000 + 3 * (kThreads * kEach - 1));
  for (const auto v : all) {
    ASSERT_EQ((v - 1000) % 3, 0) << v;
  }
}

TEST(MessageTemplate, ASharedSequenceHasOneStartAndStepAndAWellFormedName) {
  MessageTemplate first("{{sequence:one-start:1:1}}", 0, "value");
  EXPECT_NE(
      errorOf("{{sequence:one-start:0:1}}").find("sequence 'one-start' already counts from 1 by 1"),
      std::string::npos);
  MessageTemplate plain("{{sequence:from-zero}}", 0, "value");  // from 0 by 1
  EXPECT_EQ(render(plain, 99), "0");
  EXPECT_EQ(render(plain, 99), "1");
  for (const auto* bad : {"{{sequence}}", "{{sequence:}}", "{{sequence:a:1}}", "{{sequence:a:1:0}}",
                          "{{sequence:a b:1:1}}", "{{sequence:a:x:1}}"}) {
    EXPECT_NE(errorOf(bad).find("expected {{sequence:NAME}}"), std::string::npos) << bad;
  }
}

// The character set as given (Pepper-Box's RANDOM_ALPHA_NUMERIC): only its characters, each
// about equally often.
TEST(MessageTemplate, RandomCharsDrawUniformlyFromTheGivenSet) {
  const std::string set = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  MessageTemplate t("{{random_chars:12:" + set + "}}", 0, "value");
  std::map<char, int> counts;
  for (int i = 0; i < 10000; ++i) {
    const auto out = render(t, 0);
    ASSERT_EQ(out.size(), 12u);
    for (const char c : out) {
      ASSERT_NE(set.find(c), std::string::npos) << out;
      ++counts[c];
    }
  }
  EXPECT_EQ(counts.size(), set.size());
  const double expected = 120000.0 / static_cast<double>(set.size());  // 3750
  for (const auto& [c, n] : counts) {
    EXPECT_NEAR(n, expected, expected * 0.1) << c;  // ±10 %: over 15 standard deviations
  }
}

TEST(MessageTemplate, RandomCharsTakeRangesAndRefuseWhatIsNoSet) {
  const auto drawn = [](std::string_view text) {
    std::set<char> seen;
    MessageTemplate t(text, 0, "value");
    for (int i = 0; i < 200; ++i) {
      for (const char c : render(t, 0)) {
        seen.insert(c);
      }
    }
    return std::string(seen.begin(), seen.end());
  };
  EXPECT_EQ(drawn("{{random_chars:8:a-d}}"), "abcd");
  EXPECT_EQ(drawn("{{random_chars:8:-x:x}}"), "-:x");  // '-' first is itself; ':' is a character
  EXPECT_EQ(drawn("{{random_chars:8:0-2z-}}"), "-012z");
  EXPECT_EQ(render(MessageTemplate("{{random_chars:0:ab}}", 0, "v"), 0), "");
  EXPECT_NE(errorOf("{{random_chars:8:}}").find("at least one character"), std::string::npos);
  EXPECT_NE(errorOf("{{random_chars:8}}").find("expected {{random_chars:N:SET}}"),
            std::string::npos);
  EXPECT_NE(errorOf("{{random_chars:8:z-a}}").find("from low to high"), std::string::npos);
  EXPECT_NE(errorOf("{{random_chars:8:\xc3\xa9}}").find("ASCII"), std::string::npos);
}
