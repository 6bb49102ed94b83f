#include "ProtoWellKnown.hpp"

#include "ProtoWire.hpp"
#include "TimeText.hpp"

namespace kafkanative {

namespace {

/// A Timestamp's or Duration's content: seconds (field 1) and nanos (field 2), each only when
/// not zero, as Protobuf writes proto3 fields.
void appendSecondsAndNanos(ByteWriter& out, std::int64_t seconds, std::int32_t nanos) {
  if (seconds != 0) {
    ProtoWire::appendTag(out, 1, ProtoWire::kVarint);
    ProtoWire::appendVarint(out, static_cast<std::uint64_t>(seconds));
  }
  if (nanos != 0) {
    ProtoWire::appendTag(out, 2, ProtoWire::kVarint);
    ProtoWire::appendVarint(out, static_cast<std::uint64_t>(static_cast<std::int64_t>(nanos)));
  }
}

}  // namespace

ProtoWellKnown::Kind ProtoWellKnown::of(const ProtoType& type) {
  constexpr std::string_view kPackage = "google.protobuf.";
  if (!type.fullName.starts_with(kPackage)) {
    return Kind::kNone;
  }
  const std::string_view name = std::string_view(type.fullName).substr(kPackage.size());
  if (name == "Timestamp") {
    return Kind::kTimestamp;
  }
  if (name == "Duration") {
    return Kind::kDuration;
  }
  const bool wrapper = name.ends_with("Value") && name != "Value" && type.fields.size() == 1 &&
                       type.fields[0].name == "value";
  return wrapper ? Kind::kWrapper : Kind::kNone;
}

std::optional<std::string> ProtoWellKnown::encodeTime(Kind kind, std::string_view text) {
  const auto value = kind == Kind::kTimestamp ? TimeText::instant(text) : TimeText::duration(text);
  if (!value) {
    return std::nullopt;
  }
  std::string content;
  {
    ByteWriter out(content);
    appendSecondsAndNanos(out, value->seconds, value->nanos);
  }
  return content;
}

const char* ProtoWellKnown::textForm(Kind kind) {
  return kind == Kind::kTimestamp ? "a google.protobuf.Timestamp (RFC 3339 with its zone, as "
                                    "\"2026-12-03T10:00:00Z\")"
                                  : "a google.protobuf.Duration (seconds, as \"1.5s\")";
}

nlohmann::json ProtoWellKnown::jsonOf(const ProtoType& type, nlohmann::json decoded) {
  const Kind kind = of(type);
  if (kind == Kind::kWrapper) {  // an empty wrapper holds its type's default
    if (decoded.contains("value")) {
      return decoded["value"];
    }
    const auto field = type.fields[0].fieldType;
    return field == ProtoType::FieldType::kString || field == ProtoType::FieldType::kBytes
               ? nlohmann::json("")
           : field == ProtoType::FieldType::kBool ? nlohmann::json(false)
                                                  : nlohmann::json(0);
  }
  if (kind != Kind::kTimestamp && kind != Kind::kDuration) {
    return decoded;
  }
  const TimeText::Instant value{decoded.value("seconds", std::int64_t{0}),
                                decoded.value("nanos", std::int32_t{0})};
  return kind == Kind::kTimestamp ? TimeText::rfc3339(value) : TimeText::durationText(value);
}

void ProtoWellKnown::appendNow(const TemplateContext& context, ByteWriter& out) {
  const std::int64_t micros = context.nowMicros();
  appendSecondsAndNanos(out, micros / 1'000'000,
                        static_cast<std::int32_t>(micros % 1'000'000 * 1000));
}

}  // namespace kafkanative
