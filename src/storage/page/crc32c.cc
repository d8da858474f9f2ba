// crc32c.cc — table-driven CRC-32C (see crc32c.h).
//
// The table holds, for every byte value b, the CRC register after shifting b through
// eight rounds of the bitwise algorithm: for each bit, shift right and XOR in the
// reflected polynomial when the bit shifted out was 1. Processing a byte then costs
// one XOR, one lookup and one shift.
#include "storage/page/crc32c.h"

#include <array>

namespace minisql::storage {

namespace {

constexpr uint32_t kReflectedPolynomial = 0x82F63B78u;

constexpr std::array<uint32_t, 256> MakeTable() {
  std::array<uint32_t, 256> table{};
  for (uint32_t byte = 0; byte < 256; ++byte) {
    uint32_t reg = byte;
    for (int bit = 0; bit < 8; ++bit) {
      reg = (reg & 1u) ? (reg >> 1) ^ kReflectedPolynomial : reg >> 1;
    }
    table[byte] = reg;
  }
  return table;
}

constexpr std::array<uint32_t, 256> kTable = MakeTable();

}  // namespace

uint32_t Crc32cExtend(uint32_t crc, const char* data, size_t size) {
  // The register is kept inverted between calls (pre- and post-conditioning with ~0).
  uint32_t reg = ~crc;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) {
    reg = kTable[(reg ^ bytes[i]) & 0xFFu] ^ (reg >> 8);
  }
  return ~reg;
}

uint32_t Crc32c(const char* data, size_t size) {
  return Crc32cExtend(0, data, size);
}

}  // namespace minisql::storage
