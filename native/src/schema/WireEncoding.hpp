#pragma once

#include <cstddef>
#include <cstdint>

#include "kafkanative/ByteWriter.hpp"

namespace kafkanative {

/// The byte encodings Avro's binary format and Protobuf's wire format share: base-128
/// varints, zigzag and little-endian fixed widths, each written in place at the end of the
/// record (one capacity check per value, not per byte).
struct WireEncoding {
  static constexpr std::size_t kMaxVarintSize = 10;

  /// Writes `value` as a varint into `out` (room for kMaxVarintSize); returns its size.
  static std::size_t writeVarint(char* out, std::uint64_t value) {
    std::size_t size = 0;
    for (; value >= 0x80; value >>= 7) {
      out[size++] = static_cast<char>(value | 0x80);
    }
    out[size++] = static_cast<char>(value);
    return size;
  }

  static void appendVarint(ByteWriter& out, std::uint64_t value) {
    out.advance(writeVarint(out.room(kMaxVarintSize), value));
  }

  /// Reserves one byte at the end of `out` for a varint not yet known; returns its offset.
  /// One byte holds a value below 128, the usual length of a field: no move then.
  static std::size_t reserveVarint(ByteWriter& out) {
    out += '\0';
    return out.size() - 1;
  }

  /// Writes `value`'s varint over the byte reserveVarint() returned, making room if it needs
  /// more than one.
  static void fillVarint(ByteWriter& out, std::size_t at, std::uint64_t value) {
    if (value < 0x80) {
      out[at] = static_cast<char>(value);
      return;
    }
    char bytes[kMaxVarintSize];
    out.replaceByte(at, bytes, writeVarint(bytes, value));
  }

  static std::uint64_t zigzag(std::int64_t value) {
    return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
  }

  static std::int64_t unzigzag(std::uint64_t bits) {
    return static_cast<std::int64_t>(bits >> 1) ^ -static_cast<std::int64_t>(bits & 1);
  }

  /// The low `size` bytes of `bits` (at most 8), least significant first.
  static void appendLittleEndian(ByteWriter& out, std::uint64_t bits, int size) {
    char* bytes = out.room(8);
    for (int i = 0; i < size; ++i) {
      bytes[i] = static_cast<char>(bits >> (8 * i));
    }
    out.advance(static_cast<std::size_t>(size));
  }
};

}  // namespace kafkanative
