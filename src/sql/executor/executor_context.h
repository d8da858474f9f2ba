// executor_context.h — what every executor of one statement shares: the storage
// engine, the statement's transaction, and the session facts expressions may read.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "sql/expression/expression.h"
#include "sql/planner/plan_explainer.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

struct ExecutorContext {
  storage::StorageEngine* storage = nullptr;  // may be null for plans that touch no table
  storage::Transaction* txn = nullptr;
  const EvalContext* eval = nullptr;
  /// EXPLAIN ANALYZE only: every executor is wrapped to count into this map.
  PlanStatistics* analyze = nullptr;
  /// SQL_CALC_FOUND_ROWS only: how many rows the LIMIT operator's input produced in all
  /// (FOUND_ROWS()); set when that input is exhausted.
  std::optional<uint64_t> found_rows = std::nullopt;
  /// WITH RECURSIVE (recursive_cte_executor.h): each running recursive CTE's working
  /// table, found by its plan node; the scans in its recursive parts read it.
  std::map<const PlanNode*, const std::vector<Row>*> working_tables = {};
  /// Warnings the statement raised (1931 when a recursive CTE stopped at
  /// max_recursive_iterations, what INSERT/UPDATE IGNORE or a non-strict sql_mode
  /// changed or skipped); the session reports them after the result.
  std::vector<Status> warnings = {};
  /// Warnings Warn counted but did not keep (beyond kMaxKeptWarnings).
  uint64_t warnings_not_kept = 0;
  /// SHOW WARNINGS lists at most this many, as MySQL's default max_error_count; the
  /// OK packet still counts all (an INSERT IGNORE of a million bad rows keeps 64).
  static constexpr size_t kMaxKeptWarnings = 64;

  void Warn(Status warning) {
    if (warnings.size() < kMaxKeptWarnings) {
      warnings.push_back(std::move(warning));
    } else {
      ++warnings_not_kept;
    }
  }
  uint64_t warning_count() const { return warnings.size() + warnings_not_kept; }

  /// The session's @@sql_mode is strict (SessionState::StrictMode): INSERT and UPDATE
  /// refuse values that do not fit a column; else they convert leniently, as with
  /// IGNORE (column_converter.h). Statements run without a session are strict.
  bool strict_mode = true;

  /// 1317 / 1927 once the session has been killed (KILL QUERY / KILL CONNECTION,
  /// common/interrupt_flag.h), else OK. Scans and joins call it for every row they
  /// look at, so every long-running plan notices a KILL within one row.
  Status CheckInterrupted() const {
    return eval == nullptr ? Status::OK() : minisql::CheckInterrupted(eval->interrupt_flag());
  }
};

}  // namespace minisql::sql
