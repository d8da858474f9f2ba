// hash_join_executor.h — joins two inputs on equal keys with a hash table.
//
// A nested loop compares every left row with every right row: n × m comparisons.
// A hash join needs about n + m steps:
//
//   1. Build (Init): read every right row, evaluate its key expressions, and file the
//      row in a hash table under the hash of its keys. A row with a NULL key is left
//      out — NULL = anything is never TRUE, so it can never match.
//   2. Probe (Next): for each left row, evaluate its keys, hash them the same way and
//      look at the rows filed under that hash. Each candidate is checked: every key
//      pair must compare equal (CompareValues, exactly as the `=` it replaces — hashes
//      can collide) and the residual condition, if any, must be TRUE.
//
//      left rows ──► keys ──► hash ──► bucket ──► candidates ──► check ──► output
//                                        ▲
//      right rows ─► keys ──► hash ──────┘ (built once)
//
// Equal-comparing keys hash alike even across types ('1' = 1, 'a' = 'A '); see
// join_key_hash.h. A key value that cannot be hashed that way (rare: a number too
// wide for DECIMAL) is compared with every row of the other side instead, so the
// result is always the one the nested loop would give.
//
// The planner puts the smaller input on the right, since the right side is held in
// memory. Rows are in join-row shape (plan_nodes.h, WidenPlan): the output is the left
// row with the right input's columns copied in. LEFT JOIN: a left row without any
// match is emitted once as it is — its right columns are already NULL.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "sql/executor/abstract_executor.h"
#include "sql/planner/plan_nodes.h"

namespace minisql::sql {

class HashJoinExecutor : public AbstractExecutor {
 public:
  HashJoinExecutor(ExecutorContext* ctx, const HashJoinPlan* plan, ExecutorPtr left,
                   ExecutorPtr right)
      : AbstractExecutor(ctx), plan_(plan), left_(std::move(left)), right_(std::move(right)) {}
  Status Init() override;
  Result<bool> Next(Row* row) override;

 private:
  struct BuildRow {
    Row row;
    std::vector<Value> keys;
  };
  /// Evaluates `keys` on `row`; false when a key is NULL (the row cannot match).
  /// `hash` is set when every key has a hash (join_key_hash.h).
  Result<bool> EvaluateKeys(const std::vector<ExpressionPtr>& keys, const Row& row,
                            std::vector<Value>* values, std::optional<uint64_t>* hash) const;
  /// Fills `candidates_` with the build rows that may match the current left row.
  void FindCandidates(const std::optional<uint64_t>& hash);
  Result<bool> Matches(const BuildRow& build, Row* row) const;

  const HashJoinPlan* plan_;
  ExecutorPtr left_;
  ExecutorPtr right_;
  std::vector<BuildRow> build_rows_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> buckets_;
  std::vector<uint32_t> unhashed_;  // build rows with a key that has no hash

  Row left_row_;
  std::vector<Value> left_keys_;
  bool have_left_ = false;
  bool left_matched_ = false;
  std::vector<uint32_t> candidates_;
  size_t candidate_pos_ = 0;
};

}  // namespace minisql::sql
