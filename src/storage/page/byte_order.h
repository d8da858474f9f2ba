// byte_order.h — fixed-width little-endian integers in byte buffers.
//
// Every integer minisql stores on disk (page headers, log records, B+ tree nodes) is
// little-endian, whatever the host, so a data directory can move between machines.
// These helpers use memcpy plus an explicit byte order, never pointer casts (which
// would be undefined behaviour on unaligned offsets).
#pragma once

#include <cstdint>
#include <cstring>

namespace minisql::storage {

inline void EncodeFixed16(char* dst, uint16_t v) {
  unsigned char b[2] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8)};
  std::memcpy(dst, b, 2);
}
inline void EncodeFixed32(char* dst, uint32_t v) {
  unsigned char b[4];
  for (int i = 0; i < 4; ++i) b[i] = static_cast<unsigned char>(v >> (8 * i));
  std::memcpy(dst, b, 4);
}
inline void EncodeFixed64(char* dst, uint64_t v) {
  unsigned char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(v >> (8 * i));
  std::memcpy(dst, b, 8);
}
inline uint16_t DecodeFixed16(const char* src) {
  unsigned char b[2];
  std::memcpy(b, src, 2);
  return static_cast<uint16_t>(b[0] | (b[1] << 8));
}
inline uint32_t DecodeFixed32(const char* src) {
  unsigned char b[4];
  std::memcpy(b, src, 4);
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | b[i];
  return v;
}
inline uint64_t DecodeFixed64(const char* src) {
  unsigned char b[8];
  std::memcpy(b, src, 8);
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | b[i];
  return v;
}

}  // namespace minisql::storage
