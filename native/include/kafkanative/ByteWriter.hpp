#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace kafkanative {

/// Appends a message's bytes to a std::string through a raw cursor: what templates render
/// with. A record is dozens of small appends (a varint, a field's text, a separator); as
/// std::string calls each re-checks size and capacity, and with libc++ (the jar's libraries)
/// each is an out-of-line call besides, which made records cost a quarter more there. Here
/// each append is a capacity check and a copy, inline.
///
/// The string's spare capacity is opened up (resized into) when the writer starts, and the
/// string is cut back to the bytes written when it ends: between the two, only the writer
/// may touch the string.
class ByteWriter {
 public:
  /// Appends after `out`'s present content.
  explicit ByteWriter(std::string& out) : out_(out) { open(out.size()); }
  ~ByteWriter() { out_.resize(size()); }
  ByteWriter(const ByteWriter&) = delete;
  ByteWriter& operator=(const ByteWriter&) = delete;

  /// All bytes of the string so far, those before the writer started included.
  std::size_t size() const noexcept { return static_cast<std::size_t>(at_ - begin_); }

  /// Room for `count` more bytes at the end; advance() then says how many were written.
  char* room(std::size_t count) {
    if (static_cast<std::size_t>(end_ - at_) < count) {
      grow(count);
    }
    return at_;
  }
  void advance(std::size_t count) noexcept { at_ += count; }

  void append(const char* bytes, std::size_t count) {
    std::memcpy(room(count), bytes, count);
    at_ += count;
  }
  ByteWriter& operator+=(std::string_view bytes) {
    append(bytes.data(), bytes.size());
    return *this;
  }
  ByteWriter& operator+=(char byte) {
    *room(1) = byte;
    ++at_;
    return *this;
  }

  /// The byte at `offset` (from the string's start), for filling in a length written later.
  char& operator[](std::size_t offset) noexcept { return begin_[offset]; }

  /// Replaces the one byte at `offset` with `count` (≥ 1) bytes, moving what follows.
  void replaceByte(std::size_t offset, const char* bytes, std::size_t count) {
    room(count - 1);
    char* at = begin_ + offset;
    std::memmove(at + count, at + 1, size() - offset - 1);
    std::memcpy(at, bytes, count);
    at_ += count - 1;
  }

 private:
  /// Makes the whole capacity writable (resize() past the size writes zeros, once per
  /// message: cheaper than a check per append inside std::string).
  void open(std::size_t written) {
    out_.resize(out_.capacity());
    begin_ = out_.data();
    at_ = begin_ + written;
    end_ = begin_ + out_.size();
  }

  void grow(std::size_t count) {
    const std::size_t written = size();
    out_.resize(written);
    out_.reserve(2 * (written + count));
    open(written);
  }

  std::string& out_;
  char* begin_ = nullptr;
  char* at_ = nullptr;
  char* end_ = nullptr;
};

}  // namespace kafkanative
