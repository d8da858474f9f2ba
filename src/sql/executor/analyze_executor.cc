// analyze_executor.cc — see analyze_executor.h.
#include "sql/executor/analyze_executor.h"

#include <chrono>

namespace minisql::sql {

namespace {

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

Status AnalyzeExecutor::Init() {
  auto start = std::chrono::steady_clock::now();
  Status status = inner_->Init();
  stats_->milliseconds += MillisecondsSince(start);
  ++stats_->loops;
  return status;
}

Result<bool> AnalyzeExecutor::Next(Row* row) {
  auto start = std::chrono::steady_clock::now();
  Result<bool> more = inner_->Next(row);
  stats_->milliseconds += MillisecondsSince(start);
  if (more.ok() && *more) ++stats_->rows;
  return more;
}

}  // namespace minisql::sql
