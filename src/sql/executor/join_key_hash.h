// join_key_hash.h — hashes a join key so that keys "=" calls equal hash alike.
//
// A hash join must find exactly the pairs the nested-loop filter `l = r` would keep,
// and MySQL's `=` is not byte equality: under the comparison mode the binder picked
// (comparison.h) 1 = 1.0 = '1', 'abc' = 'ABC  ', 0.0 = -0.0. So the hash is taken of a
// canonical form of the value under that mode:
//
//   mode                 canonical form hashed
//   kInt, kDecimal       the exact decimal value with trailing zeros removed
//                        (1, 1.0 and 1.00 are all (1, scale 0))
//   kDouble              the double, with -0.0 turned into 0.0
//   kString              the utf8mb4_general_ci weights, trailing spaces removed
//
// Equal under CompareValues ⇒ equal canonical form ⇒ equal hash. The converse does
// not hold (hashes collide), so the join still checks every candidate pair with
// CompareValues. A value with no canonical form (too wide for DECIMAL, where
// CompareValues falls back to doubles) has no hash: the caller must compare it with
// every row instead.
#pragma once

#include <cstdint>
#include <optional>

#include "sql/expression/comparison.h"
#include "types/value.h"

namespace minisql::sql {

/// The hash of a non-NULL key value under `mode` (not kRuntime), or nullopt when the
/// value cannot be hashed consistently with CompareValues.
std::optional<uint64_t> HashJoinKey(const Value& value, CompareMode mode);

/// Folds another key column's hash into a running hash.
uint64_t CombineKeyHash(uint64_t seed, uint64_t hash);

}  // namespace minisql::sql
