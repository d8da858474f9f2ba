// byte_coding.h — little helpers to write and read integers and byte strings in the
// storage formats (row records, catalog records, B+ tree cells).
//
// Writers append to a std::string. Readers go through ByteReader, which never trusts
// its input: every Read* checks the remaining length and returns false instead of
// reading past the end, so a corrupt page yields an error, never a crash.
//
//   varint   LEB128: 7 bits per byte, low groups first, high bit set on all but the
//            last byte (1 byte for 0..127, at most 10 bytes for a uint64).
//   fixedN   N/8 bytes, little-endian (values that are not compared as bytes).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace minisql::storage {

inline void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

/// Bytes PutVarint would write for `v`.
inline size_t VarintLength(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

inline void PutFixed32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

inline void PutFixed64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

/// A varint length followed by that many bytes.
inline void PutLengthPrefixed(std::string* out, std::string_view bytes) {
  PutVarint(out, bytes.size());
  out->append(bytes);
}

/// Zigzag maps signed to unsigned so small negative numbers stay short as varints.
inline uint64_t ZigZagEncode(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t ZigZagDecode(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

/// Reads the encodings above from a byte string, bounds-checked.
class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}

  bool at_end() const { return pos_ == data_.size(); }
  size_t remaining() const { return data_.size() - pos_; }

  bool ReadByte(uint8_t* v) {
    if (remaining() < 1) return false;
    *v = static_cast<uint8_t>(data_[pos_++]);
    return true;
  }

  bool ReadVarint(uint64_t* v) {
    uint64_t result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t byte;
      if (!ReadByte(&byte)) return false;
      result |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) {
        *v = result;
        return true;
      }
    }
    return false;  // more than 10 bytes: corrupt
  }

  bool ReadFixed32(uint32_t* v) {
    if (remaining() < 4) return false;
    uint32_t r = 0;
    for (int i = 0; i < 4; ++i)
      r |= static_cast<uint32_t>(static_cast<uint8_t>(data_[pos_ + i])) << (8 * i);
    pos_ += 4;
    *v = r;
    return true;
  }

  bool ReadFixed64(uint64_t* v) {
    if (remaining() < 8) return false;
    uint64_t r = 0;
    for (int i = 0; i < 8; ++i)
      r |= static_cast<uint64_t>(static_cast<uint8_t>(data_[pos_ + i])) << (8 * i);
    pos_ += 8;
    *v = r;
    return true;
  }

  bool ReadBytes(size_t n, std::string_view* bytes) {
    if (remaining() < n) return false;
    *bytes = data_.substr(pos_, n);
    pos_ += n;
    return true;
  }

  bool ReadLengthPrefixed(std::string_view* bytes) {
    uint64_t n;
    return ReadVarint(&n) && n <= remaining() && ReadBytes(static_cast<size_t>(n), bytes);
  }

  bool ReadString(std::string* s) {
    std::string_view bytes;
    if (!ReadLengthPrefixed(&bytes)) return false;
    s->assign(bytes);
    return true;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

}  // namespace minisql::storage
