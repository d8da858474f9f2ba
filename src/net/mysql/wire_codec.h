// wire_codec.h — the MySQL protocol's basic data types, encoded and decoded.
//
// Every MySQL packet payload is built from a handful of primitive types (names as in
// the MySQL docs, "Basic Data Types"):
//
//   int<1> int<2> int<3> int<4> int<8>   fixed width, little endian
//   int<lenenc>                          length-encoded integer:
//       value < 0xFB            1 byte: the value
//       value < 2^16            0xFC + int<2>
//       value < 2^24            0xFD + int<3>
//       otherwise               0xFE + int<8>
//       (0xFB alone means NULL in a text result row; 0xFF starts an ERR_Packet)
//   string<lenenc>                       int<lenenc> length, then that many bytes
//   string<NUL>                          bytes up to a 0x00 terminator
//   string<EOF>                          the rest of the payload
//
// Writers append to a std::string. PayloadReader walks a received payload and never
// trusts it: every read is bounds-checked, and a read past the end marks the reader
// failed (ok() == false) and yields an empty value, so a parser can do all its reads
// and check ok() once at the end.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace minisql::net {

// --- Writers ------------------------------------------------------------------------

void AppendInt1(std::string* out, uint8_t v);
void AppendInt2(std::string* out, uint16_t v);
void AppendInt3(std::string* out, uint32_t v);
void AppendInt4(std::string* out, uint32_t v);
void AppendInt8(std::string* out, uint64_t v);
void AppendLenencInt(std::string* out, uint64_t v);
void AppendLenencString(std::string* out, std::string_view s);
/// string<NUL>; `s` must not contain a NUL byte.
void AppendNulString(std::string* out, std::string_view s);

/// Encoded size of int<lenenc> for `v` (1, 3, 4 or 9).
size_t LenencIntSize(uint64_t v);

// --- Reader -------------------------------------------------------------------------

class PayloadReader {
 public:
  explicit PayloadReader(std::string_view payload) : data_(payload) {}

  uint8_t ReadInt1();
  uint16_t ReadInt2();
  uint32_t ReadInt3();
  uint32_t ReadInt4();
  uint64_t ReadInt8();
  uint64_t ReadLenencInt();
  std::string_view ReadLenencString();
  /// Fails if no terminator is found.
  std::string_view ReadNulString();
  std::string_view ReadFixedString(size_t length);
  std::string_view ReadRest();
  void Skip(size_t length) { ReadFixedString(length); }

  /// False once any read ran past the end (or met an invalid encoding).
  bool ok() const { return ok_; }
  size_t remaining() const { return data_.size() - pos_; }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  /// True if `n` more bytes are available; otherwise marks the reader failed.
  bool Has(size_t n);
  uint64_t ReadLittleEndian(size_t width);

  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace minisql::net
