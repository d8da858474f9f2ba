// hash_join_executor.cc — see hash_join_executor.h.
#include "sql/executor/hash_join_executor.h"

#include "sql/executor/join_key_hash.h"

namespace minisql::sql {

Result<bool> HashJoinExecutor::EvaluateKeys(const std::vector<ExpressionPtr>& keys, const Row& row,
                                            std::vector<Value>* values,
                                            std::optional<uint64_t>* hash) const {
  values->clear();
  uint64_t combined = 0;
  bool hashable = true;
  for (size_t i = 0; i < keys.size(); ++i) {
    Result<Value> value = keys[i]->Evaluate(row, *ctx_->eval);
    if (!value.ok()) return value.status();
    if (value->is_null()) return false;
    if (hashable) {
      std::optional<uint64_t> h = HashJoinKey(*value, plan_->modes[i]);
      if (h) {
        combined = CombineKeyHash(combined, *h);
      } else {
        hashable = false;
      }
    }
    values->push_back(std::move(*value));
  }
  *hash = hashable ? std::optional<uint64_t>(combined) : std::nullopt;
  return true;
}

Status HashJoinExecutor::Init() {
  MINISQL_RETURN_IF_ERROR(left_->Init());
  MINISQL_RETURN_IF_ERROR(right_->Init());
  build_rows_.clear();
  buckets_.clear();
  unhashed_.clear();
  Row row;
  std::vector<Value> keys;
  std::optional<uint64_t> hash;
  while (true) {
    Result<bool> more = right_->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) break;
    Result<bool> usable = EvaluateKeys(plan_->right_keys, row, &keys, &hash);
    if (!usable.ok()) return usable.status();
    if (!*usable) continue;  // a NULL key never matches
    auto index = static_cast<uint32_t>(build_rows_.size());
    if (hash) {
      buckets_[*hash].push_back(index);
    } else {
      unhashed_.push_back(index);
    }
    build_rows_.push_back(BuildRow{std::move(row), std::move(keys)});
    row = Row();
    keys = std::vector<Value>();
  }
  have_left_ = false;
  return Status::OK();
}

void HashJoinExecutor::FindCandidates(const std::optional<uint64_t>& hash) {
  candidates_.clear();
  candidate_pos_ = 0;
  if (!hash) {  // no hash: every build row is a candidate
    for (uint32_t i = 0; i < build_rows_.size(); ++i) candidates_.push_back(i);
    return;
  }
  auto bucket = buckets_.find(*hash);
  if (bucket != buckets_.end()) candidates_ = bucket->second;
  candidates_.insert(candidates_.end(), unhashed_.begin(), unhashed_.end());
}

// Checks one candidate pair; on a match `row` holds the joined row.
Result<bool> HashJoinExecutor::Matches(const BuildRow& build, Row* row) const {
  for (size_t i = 0; i < left_keys_.size(); ++i) {
    if (CompareValues(left_keys_[i], build.keys[i], plan_->modes[i]) != 0) return false;
  }
  *row = left_row_;
  for (const ColumnSpan& span : plan_->right_columns) {
    for (uint32_t c = span.offset; c < span.offset + span.count; ++c) (*row)[c] = build.row[c];
  }
  if (!plan_->residual) return true;
  Result<Value> v = plan_->residual->Evaluate(*row, *ctx_->eval);
  if (!v.ok()) return v.status();
  return TruthValue(*v).value_or(false);
}

Result<bool> HashJoinExecutor::Next(Row* row) {
  while (true) {
    if (!have_left_) {
      Result<bool> more = left_->Next(&left_row_);
      if (!more.ok() || !*more) return more;
      have_left_ = true;
      left_matched_ = false;
      std::optional<uint64_t> hash;
      Result<bool> usable = EvaluateKeys(plan_->left_keys, left_row_, &left_keys_, &hash);
      if (!usable.ok()) return usable.status();
      if (*usable) {
        FindCandidates(hash);
      } else {
        candidates_.clear();  // a NULL key matches nothing
        candidate_pos_ = 0;
      }
    }
    while (candidate_pos_ < candidates_.size()) {
      MINISQL_RETURN_IF_ERROR(ctx_->CheckInterrupted());
      const BuildRow& build = build_rows_[candidates_[candidate_pos_++]];
      Result<bool> match = Matches(build, row);
      if (!match.ok()) return match.status();
      if (*match) {
        left_matched_ = true;
        return true;
      }
    }
    have_left_ = false;
    if (plan_->left_outer && !left_matched_) {
      *row = left_row_;
      return true;
    }
  }
}

}  // namespace minisql::sql
