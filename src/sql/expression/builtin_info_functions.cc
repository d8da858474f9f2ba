// builtin_info_functions.cc — DATABASE()/SCHEMA(), USER() and its synonyms, VERSION(),
// CONNECTION_ID(), LAST_INSERT_ID(), ROW_COUNT(), FOUND_ROWS(): what the session knows,
// asked through EvalContext. Also SLEEP(), which waits on the session's KILL flag.
// Clients send these on connect (`select DATABASE(), USER() limit 1` for `\s`,
// `SELECT VERSION()` in drivers), so their types match MariaDB's.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "sql/expression/conversion.h"
#include "sql/expression/function_registry.h"
#include "sql/expression/result_types.h"

namespace minisql::sql {
namespace {

constexpr uint32_t kMaxIdentifierChars = 64;
constexpr uint32_t kMaxUserHostChars = 141;  // user (80) @ host (60)

ColumnType IdentifierResult(const std::vector<ExpressionPtr>&) {
  return VarcharType(kMaxIdentifierChars);
}
ColumnType UserResult(const std::vector<ExpressionPtr>&) {
  return VarcharType(kMaxUserHostChars);
}

Result<Value> Database(const FunctionCall& call) {
  std::string db = call.ctx().CurrentDatabase();
  if (db.empty()) return Value::Null();
  return Value::String(std::move(db));
}

Result<Value> User(const FunctionCall& call) {
  return Value::String(call.ctx().CurrentUser());
}

Result<Value> Version(const FunctionCall& call) {
  Result<Value> v = call.ctx().SystemVariable("version", "");
  if (!v.ok()) return v;
  return Value::String(AsString(*v));
}

Result<Value> ConnectionId(const FunctionCall& call) {
  return Value::Int(static_cast<int64_t>(call.ctx().ConnectionId()));
}

/// LAST_INSERT_ID() reads the session's value; LAST_INSERT_ID(expr) sets it to expr
/// (NULL sets 0 and answers NULL, as MariaDB does) and answers expr.
Result<Value> LastInsertId(const FunctionCall& call) {
  if (call.arg_count() == 0) return Value::Int(static_cast<int64_t>(call.ctx().LastInsertId()));
  Result<Value> v = call.Arg(0);
  if (!v.ok()) return v;
  if (v->is_null()) {
    MINISQL_RETURN_IF_ERROR(call.ctx().SetLastInsertId(0));
    return Value::Null();
  }
  Result<int64_t> id = ToInt(*v, call.what());
  if (!id.ok()) return id.status();
  MINISQL_RETURN_IF_ERROR(call.ctx().SetLastInsertId(static_cast<uint64_t>(*id)));
  return Value::Int(*id);
}

Result<Value> RowCount(const FunctionCall& call) {
  return Value::Int(call.ctx().RowCount());
}

Result<Value> FoundRows(const FunctionCall& call) {
  return Value::Int(static_cast<int64_t>(call.ctx().FoundRows()));
}

/// SLEEP(seconds): 0 after sleeping (NULL, negative or non-numeric seconds: no sleep),
/// 1 when KILL woke it early. The KILL also fails the statement (1317) at its next
/// check, as in MariaDB, so a client sees the error rather than the 1.
Result<Value> Sleep(const FunctionCall& call) {
  Result<Value> v = call.Arg(0);
  if (!v.ok()) return v;
  double seconds = v->is_null() ? 0 : ToDouble(*v);
  if (!(seconds > 0)) return Value::Int(0);  // also NaN
  // More than a year is as good as for ever and keeps the duration from overflowing.
  auto micros = static_cast<int64_t>(std::min(seconds, 366.0 * 86400) * 1e6);
  const InterruptFlag* flag = call.ctx().interrupt_flag();
  if (flag == nullptr) {
    InterruptFlag never_raised;  // no session (tests): nobody can KILL this sleep
    return Value::Int(never_raised.SleepFor(std::chrono::microseconds(micros)) ? 1 : 0);
  }
  return Value::Int(flag->SleepFor(std::chrono::microseconds(micros)) ? 1 : 0);
}

constexpr FunctionDef kInformationFunctions[] = {
    {"DATABASE", 0, 0, false, Nullability::kAlways, IdentifierResult, Database},
    {"SCHEMA", 0, 0, false, Nullability::kAlways, IdentifierResult, Database},
    {"USER", 0, 0, false, Nullability::kNever, UserResult, User},
    {"CURRENT_USER", 0, 0, false, Nullability::kNever, UserResult, User},
    {"SESSION_USER", 0, 0, false, Nullability::kNever, UserResult, User},
    {"SYSTEM_USER", 0, 0, false, Nullability::kNever, UserResult, User},
    {"VERSION", 0, 0, false, Nullability::kNever, UserResult, Version},
    {"CONNECTION_ID", 0, 0, false, Nullability::kNever, BigIntResult, ConnectionId},
    {"LAST_INSERT_ID", 0, 1, false, Nullability::kAlways, BigIntResult, LastInsertId},
    {"ROW_COUNT", 0, 0, false, Nullability::kNever, BigIntResult, RowCount},
    {"FOUND_ROWS", 0, 0, false, Nullability::kNever, BigIntResult, FoundRows},
    {"SLEEP", 1, 1, false, Nullability::kNever, BigIntResult, Sleep},
};

}  // namespace

std::span<const FunctionDef> InformationFunctions() {
  return kInformationFunctions;
}

}  // namespace minisql::sql
