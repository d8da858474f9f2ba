// abstract_executor.h — the iterator ("Volcano") model every operator implements.
//
//   auto executor = CreateExecutor(ctx, plan);   // executor_factory.h
//   MINISQL_RETURN_IF_ERROR(executor->Init());
//   Row row;
//   while (true) {
//     Result<bool> more = executor->Next(&row);  // pulls one row through the tree
//     if (!more.ok()) ...error...;  if (!*more) break;
//     ...use row...
//   }
//
// Init() prepares (and may consume a child entirely, like Sort); Next() produces one
// row at a time, so a SELECT streams to the client without materialising its
// result. Every operator lives in its own file, named after its plan node.
#pragma once

#include <memory>

#include "common/status.h"
#include "sql/executor/executor_context.h"
#include "types/value.h"

namespace minisql::sql {

class AbstractExecutor {
 public:
  explicit AbstractExecutor(ExecutorContext* ctx) : ctx_(ctx) {}
  virtual ~AbstractExecutor() = default;

  virtual Status Init() = 0;
  /// Fills `row` and returns true, or returns false when there are no more rows.
  virtual Result<bool> Next(Row* row) = 0;

 protected:
  ExecutorContext* ctx_;
};
using ExecutorPtr = std::unique_ptr<AbstractExecutor>;

}  // namespace minisql::sql
