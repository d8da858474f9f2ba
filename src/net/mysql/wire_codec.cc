// wire_codec.cc — see wire_codec.h for the encodings.
#include "net/mysql/wire_codec.h"

namespace minisql::net {

namespace {

void AppendLittleEndian(std::string* out, uint64_t v, size_t width) {
  for (size_t i = 0; i < width; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

void AppendInt1(std::string* out, uint8_t v) {
  AppendLittleEndian(out, v, 1);
}
void AppendInt2(std::string* out, uint16_t v) {
  AppendLittleEndian(out, v, 2);
}
void AppendInt3(std::string* out, uint32_t v) {
  AppendLittleEndian(out, v, 3);
}
void AppendInt4(std::string* out, uint32_t v) {
  AppendLittleEndian(out, v, 4);
}
void AppendInt8(std::string* out, uint64_t v) {
  AppendLittleEndian(out, v, 8);
}

void AppendLenencInt(std::string* out, uint64_t v) {
  if (v < 0xfb) {
    AppendInt1(out, static_cast<uint8_t>(v));
  } else if (v < (1ull << 16)) {
    AppendInt1(out, 0xfc);
    AppendInt2(out, static_cast<uint16_t>(v));
  } else if (v < (1ull << 24)) {
    AppendInt1(out, 0xfd);
    AppendInt3(out, static_cast<uint32_t>(v));
  } else {
    AppendInt1(out, 0xfe);
    AppendInt8(out, v);
  }
}

size_t LenencIntSize(uint64_t v) {
  if (v < 0xfb) return 1;
  if (v < (1ull << 16)) return 3;
  if (v < (1ull << 24)) return 4;
  return 9;
}

void AppendLenencString(std::string* out, std::string_view s) {
  AppendLenencInt(out, s.size());
  out->append(s);
}

void AppendNulString(std::string* out, std::string_view s) {
  out->append(s);
  out->push_back('\0');
}

bool PayloadReader::Has(size_t n) {
  if (ok_ && data_.size() - pos_ >= n) return true;
  ok_ = false;
  return false;
}

uint64_t PayloadReader::ReadLittleEndian(size_t width) {
  if (!Has(width)) return 0;
  uint64_t v = 0;
  for (size_t i = 0; i < width; ++i) {
    v |= static_cast<uint64_t>(static_cast<uint8_t>(data_[pos_ + i])) << (8 * i);
  }
  pos_ += width;
  return v;
}

uint8_t PayloadReader::ReadInt1() {
  return static_cast<uint8_t>(ReadLittleEndian(1));
}
uint16_t PayloadReader::ReadInt2() {
  return static_cast<uint16_t>(ReadLittleEndian(2));
}
uint32_t PayloadReader::ReadInt3() {
  return static_cast<uint32_t>(ReadLittleEndian(3));
}
uint32_t PayloadReader::ReadInt4() {
  return static_cast<uint32_t>(ReadLittleEndian(4));
}
uint64_t PayloadReader::ReadInt8() {
  return ReadLittleEndian(8);
}

uint64_t PayloadReader::ReadLenencInt() {
  uint8_t first = ReadInt1();
  if (!ok_) return 0;
  switch (first) {
    case 0xfc:
      return ReadInt2();
    case 0xfd:
      return ReadInt3();
    case 0xfe:
      return ReadInt8();
    case 0xfb:  // NULL marker, not an integer
    case 0xff:  // ERR_Packet header, not an integer
      ok_ = false;
      return 0;
    default:
      return first;
  }
}

std::string_view PayloadReader::ReadLenencString() {
  uint64_t length = ReadLenencInt();
  if (!ok_ || length > remaining()) {
    ok_ = false;
    return {};
  }
  return ReadFixedString(static_cast<size_t>(length));
}

std::string_view PayloadReader::ReadNulString() {
  if (!ok_) return {};
  size_t end = data_.find('\0', pos_);
  if (end == std::string_view::npos) {
    ok_ = false;
    return {};
  }
  std::string_view s = data_.substr(pos_, end - pos_);
  pos_ = end + 1;
  return s;
}

std::string_view PayloadReader::ReadFixedString(size_t length) {
  if (!Has(length)) return {};
  std::string_view s = data_.substr(pos_, length);
  pos_ += length;
  return s;
}

std::string_view PayloadReader::ReadRest() {
  if (!ok_) return {};
  std::string_view s = data_.substr(pos_);
  pos_ = data_.size();
  return s;
}

}  // namespace minisql::net
