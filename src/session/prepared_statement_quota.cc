// prepared_statement_quota.cc — see prepared_statement_quota.h.
#include "session/prepared_statement_quota.h"

#include "session/system_variables.h"

namespace minisql {

namespace {

constexpr uint64_t kDefaultLimit = 16382;  // Session::kMaxPreparedStatements

uint64_t CurrentLimit(ServerContext* context) {
  SystemVariables* variables = context->variables();
  const SystemVariableDef* def = variables->Find("max_prepared_stmt_count");
  if (def == nullptr) return kDefaultLimit;
  Value value = variables->GetGlobal(*def);
  if (value.kind() != Value::Kind::kInt) return kDefaultLimit;
  return value.int_value() < 0 ? 0 : static_cast<uint64_t>(value.int_value());
}

}  // namespace

Status ReservePreparedStatement(ServerContext* context) {
  uint64_t limit = CurrentLimit(context);
  std::atomic<uint64_t>& open = context->open_prepared_statements;
  uint64_t current = open.load();
  // Compare-and-swap so that two sessions racing for the last slot cannot both win.
  do {
    if (current >= limit) {
      return Status::Error(ErrorCode::kMaxPreparedStmtCountReached, static_cast<unsigned>(limit));
    }
  } while (!open.compare_exchange_weak(current, current + 1));
  return Status::OK();
}

void ReleasePreparedStatements(ServerContext* context, uint64_t count) {
  context->open_prepared_statements.fetch_sub(count);
}

}  // namespace minisql
