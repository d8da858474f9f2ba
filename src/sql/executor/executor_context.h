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
  /// max_recursive_iterations); the session reports them after the result.
  std::vector<Status> warnings = {};

  /// 1317 / 1927 once the session has been killed (KILL QUERY / KILL CONNECTION,
  /// common/interrupt_flag.h), else OK. Scans and joins call it for every row they
  /// look at, so every long-running plan notices a KILL within one row.
  Status CheckInterrupted() const {
    return eval == nullptr ? Status::OK() : minisql::CheckInterrupted(eval->interrupt_flag());
  }
};

}  // namespace minisql::sql
