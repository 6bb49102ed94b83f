#pragma once

#include <string>

#include "kafkanative/TemplateContext.hpp"

namespace kafkanative {

/// Records in one schema format, built per message from a template compiled once against the
/// schema (AvroTemplate, ProtoTemplate).
class RecordTemplate {
 public:
  virtual ~RecordTemplate() = default;

  /// Appends one encoded record to `out`. False when a placeholder's text does not fit its
  /// field (e.g. "abc" for a long); problem() then says which.
  virtual bool render(const TemplateContext& context, std::string& out) const = 0;
  virtual const std::string& problem() const noexcept = 0;
  /// Whether a placeholder writes the producer's `{{stamp}}`.
  virtual bool usesStamp() const noexcept = 0;
};

}  // namespace kafkanative
