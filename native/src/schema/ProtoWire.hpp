#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "WireEncoding.hpp"

namespace kafkanative {

/// Protobuf's wire encoding: tags and length-delimited runs over the varints and fixed widths
/// it shares with Avro; and a bounded reader of the same.
struct ProtoWire : WireEncoding {
  enum WireType : std::uint32_t { kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5 };

  static void appendTag(ByteWriter& out, std::uint32_t number, WireType type) {
    appendVarint(out, static_cast<std::uint64_t>(number) << 3 | type);
  }

  static void appendFloat(ByteWriter& out, float value) {
    appendLittleEndian(out, std::bit_cast<std::uint32_t>(value), 4);
  }

  static void appendDouble(ByteWriter& out, double value) {
    appendLittleEndian(out, std::bit_cast<std::uint64_t>(value), 8);
  }

  static void appendLengthDelimited(ByteWriter& out, std::string_view bytes) {
    appendVarint(out, bytes.size());
    out += bytes;
  }

  /// Reads from a byte range; every read checks the bounds first.
  struct Reader {
    const unsigned char* at;
    const unsigned char* end;

    explicit Reader(std::string_view bytes)
        : at(reinterpret_cast<const unsigned char*>(bytes.data())), end(at + bytes.size()) {}

    bool done() const noexcept { return at == end; }

    bool readVarint(std::uint64_t& value) {
      value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (at == end) {
          return false;
        }
        const unsigned char byte = *at++;
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) {
          return true;
        }
      }
      return false;  // more than ten bytes: not a varint
    }

    bool readFixed(int bytes, std::uint64_t& bits) {
      if (end - at < bytes) {
        return false;
      }
      bits = 0;
      for (int i = 0; i < bytes; ++i) {
        bits |= static_cast<std::uint64_t>(*at++) << (8 * i);
      }
      return true;
    }

    bool readLengthDelimited(std::string_view& bytes) {
      std::uint64_t size = 0;
      if (!readVarint(size) || size > static_cast<std::uint64_t>(end - at)) {
        return false;
      }
      bytes = std::string_view(reinterpret_cast<const char*>(at), size);
      at += size;
      return true;
    }
  };
};

}  // namespace kafkanative
