// join_order.h — picks the order in which the inputs of an inner join are joined.
//
// `FROM t1, t2, t3, t4 WHERE a1 = b2 AND b3 = c4 AND c2 = d3` can be joined in any
// order; the results are the same but the work is not. Joining two inputs that no
// predicate connects is a cross product (every row with every row), and the order
// decides which intermediate results exist. We order greedily, the way a person
// would do it by hand:
//
//   1. start with the input estimated to yield the fewest rows;
//   2. repeatedly add, among the inputs not joined yet, the smallest one that an
//      equality predicate connects to what is joined so far (a hash join);
//   3. if there is none, the smallest one any predicate connects;
//   4. only if there is none of those either, the smallest one (a cross product
//      cannot be avoided).
//
// Greedy is not optimal, but it never builds a cross product that an available
// predicate could have avoided, which is what makes many-way joins usable. Ties go
// to the input written first, so plans are stable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace minisql::sql {

/// What the orderer needs to know about one input (a table, or a LEFT JOIN already
/// planned as one piece).
struct JoinInput {
  double estimated_rows = 0;
  uint64_t tables = 0;  // bit i: FROM table i
};

/// What it needs to know about one predicate.
struct JoinPredicate {
  uint64_t tables = 0;  // all tables it reads
  bool equality = false;
  uint64_t left_tables = 0;  // for `l = r`: the tables of each side
  uint64_t right_tables = 0;
};

/// The inputs' indices in join order.
std::vector<size_t> ChooseJoinOrder(const std::vector<JoinInput>& inputs,
                                    const std::vector<JoinPredicate>& predicates);

/// True if `predicate` is an equality whose sides read only `a` and only `b` (in
/// either order): it can be a hash-join key between them.
bool IsJoinKey(const JoinPredicate& predicate, uint64_t a, uint64_t b);

}  // namespace minisql::sql
