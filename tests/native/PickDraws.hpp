#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "kafkanative/MessageTemplate.hpp"

/// For a record template whose fields are lone `{{pick:…}}`s (encoded when compiled): renders
/// 64 records through `renderDecoded` (one record for a context, decoded to JSON) and expects
/// each field of `picks` (field name, its pick) in record order to hold what the text template
/// draws from the same seed. A field the record leaves off reads as `absent` (proto3 leaves a
/// default off the wire). Returns the values seen per field.
inline std::map<std::string, std::set<std::string>> expectPicksDrawnAsText(
    const std::function<nlohmann::json(const kafkanative::TemplateContext&)>& renderDecoded,
    const std::vector<std::pair<std::string, std::string>>& picks, const std::string& absent = "") {
  std::vector<kafkanative::MessageTemplate> texts;
  for (const auto& [field, pick] : picks) {
    texts.emplace_back(pick, 0, field);
  }
  kafkanative::FastRandom random(9);
  kafkanative::FastRandom textRandom(9);
  std::map<std::string, std::set<std::string>> seen;
  for (std::uint64_t i = 0; i < 64; ++i) {
    const nlohmann::json record = renderDecoded(kafkanative::TemplateContext{i, 0, random});
    for (std::size_t f = 0; f < picks.size(); ++f) {
      std::string expected;
      texts[f].render(kafkanative::TemplateContext{i, 0, textRandom}, expected);
      const std::string& field = picks[f].first;
      EXPECT_EQ(record.value(field, absent), expected) << field << " of record " << i;
      seen[field].insert(expected);
    }
  }
  return seen;
}
