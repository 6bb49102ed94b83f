#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "WireEncoding.hpp"

namespace kafkanative {

/// Avro's binary encoding of its primitive values (zig-zag varints, little-endian IEEE floats,
/// length-prefixed bytes), writing to and reading from plain buffers without allocation
/// beyond the output's growth.
struct AvroBinary : WireEncoding {
  static void appendLong(ByteWriter& out, std::int64_t value) { appendVarint(out, zigzag(value)); }

  static void appendDouble(ByteWriter& out, double value) {
    appendLittleEndian(out, std::bit_cast<std::uint64_t>(value), 8);
  }

  static void appendFloat(ByteWriter& out, float value) {
    appendLittleEndian(out, std::bit_cast<std::uint32_t>(value), 4);
  }

  static void appendBytes(ByteWriter& out, std::string_view bytes) {
    appendLong(out, static_cast<std::int64_t>(bytes.size()));
    out += bytes;
  }

  /// A reader over one encoded value; every read fails (returns false) rather than read past
  /// the end, so malformed input is a decode error, never an overrun.
  struct Reader {
    const unsigned char* at;
    const unsigned char* end;

    bool readLong(std::int64_t& value) {
      std::uint64_t bits = 0;
      for (int shift = 0; shift < 70; shift += 7) {
        if (at == end) {
          return false;
        }
        const unsigned char byte = *at++;
        bits |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) {
          value = unzigzag(bits);
          return true;
        }
      }
      return false;  // more than ten bytes: not a varint
    }

    bool readFixed(std::size_t size, std::string_view& bytes) {
      if (static_cast<std::size_t>(end - at) < size) {
        return false;
      }
      bytes = std::string_view(reinterpret_cast<const char*>(at), size);
      at += size;
      return true;
    }

    bool readBytes(std::string_view& bytes) {
      std::int64_t size = 0;
      return readLong(size) && size >= 0 && readFixed(static_cast<std::size_t>(size), bytes);
    }

    bool readDouble(double& value) { return readLittleEndian<std::uint64_t>(value); }
    bool readFloat(float& value) { return readLittleEndian<std::uint32_t>(value); }

    template <typename Bits, typename Value>
    bool readLittleEndian(Value& value) {
      std::string_view bytes;
      if (!readFixed(sizeof(Bits), bytes)) {
        return false;
      }
      Bits bits = 0;
      for (std::size_t i = 0; i < sizeof(Bits); ++i) {
        bits |= static_cast<Bits>(static_cast<unsigned char>(bytes[i])) << (8 * i);
      }
      value = std::bit_cast<Value>(bits);
      return true;
    }
  };
};

}  // namespace kafkanative
