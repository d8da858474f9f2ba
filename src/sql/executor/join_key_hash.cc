// join_key_hash.cc — see join_key_hash.h.
#include "sql/executor/join_key_hash.h"

#include <cstring>

#include "sql/expression/collation.h"
#include "sql/expression/conversion.h"

namespace minisql::sql {

namespace {

// FNV-1a over raw bytes: simple, and good enough to spread keys over buckets.
uint64_t HashBytes(const void* data, size_t size, uint64_t seed = 1469598103934665603ULL) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  uint64_t hash = seed;
  for (size_t i = 0; i < size; ++i) {
    hash ^= bytes[i];
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::optional<uint64_t> HashDecimal(const Value& value) {
  std::optional<Decimal> decimal = ToDecimal(value);
  if (!decimal) return std::nullopt;
  __int128 unscaled = decimal->unscaled();
  uint8_t scale = decimal->scale();
  while (scale > 0 && unscaled % 10 == 0) {
    unscaled /= 10;
    --scale;
  }
  uint64_t hash = HashBytes(&unscaled, sizeof(unscaled));
  return HashBytes(&scale, sizeof(scale), hash);
}

uint64_t HashDouble(const Value& value) {
  double d = ToDouble(value);
  if (d == 0) d = 0;  // -0.0 == 0.0
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof(bits));
  return HashBytes(&bits, sizeof(bits));
}

uint64_t HashCollated(const Value& value) {
  std::vector<char32_t> characters = DecodeUtf8(AsString(value));
  std::vector<char32_t> weights;
  weights.reserve(characters.size());
  for (char32_t c : characters) weights.push_back(CollationWeight(c));
  // PAD SPACE: trailing characters that weigh like a space do not count.
  while (!weights.empty() && weights.back() == U' ') weights.pop_back();
  return HashBytes(weights.data(), weights.size() * sizeof(char32_t));
}

}  // namespace

std::optional<uint64_t> HashJoinKey(const Value& value, CompareMode mode) {
  switch (mode) {
    case CompareMode::kInt:
    case CompareMode::kDecimal:
      return HashDecimal(value);
    case CompareMode::kDouble:
      return HashDouble(value);
    case CompareMode::kString:
      return HashCollated(value);
    case CompareMode::kDateTime:
    case CompareMode::kTime:
      // Equal temporal keys have equal packed forms; text that is not a date hashes as a
      // string (the comparison then compares it as one).
      if (std::optional<int64_t> packed = TemporalCompareKey(value, mode)) {
        return HashBytes(&*packed, sizeof(*packed));
      }
      return HashCollated(value);
    case CompareMode::kRuntime:
      break;
  }
  return std::nullopt;
}

uint64_t CombineKeyHash(uint64_t seed, uint64_t hash) {
  return seed ^ (hash + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

}  // namespace minisql::sql
