// kill_statement.cc — KILL [CONNECTION | QUERY] id (and COM_PROCESS_KILL, which the
// MySQL front end turns into KILL id).
//
//   KILL QUERY id        the target's running statement fails with 1317 at its next
//                        check (row boundary, SLEEP, lock wait); the session stays
//   KILL [CONNECTION] id the target's statement fails with 1927 and its connection
//                        closes (an idle one at once); its open transaction rolls back
//
// Who may: anyone may kill sessions logged in under its own user name; others need
// SUPER (1095 "You are not owner of thread"). An id with no session: 1094. Killing
// one's own query fails the KILL itself with 1317; one's own connection answers 1927
// and closes it — both as MariaDB does.
#include <cmath>

#include "session/process_list.h"
#include "session/statement_runner.h"
#include "sql/expression/conversion.h"

namespace minisql {

namespace {

// The id as MySQL reads it: NULL and non-numbers are 0, negatives wrap around.
uint64_t ThreadId(const Value& value) {
  if (value.is_null()) return 0;
  if (value.kind() == Value::Kind::kInt) return static_cast<uint64_t>(value.int_value());
  double d = std::round(sql::ToDouble(value));
  if (!(d >= -9.2e18 && d <= 1.8e19)) return 0;
  return d < 0 ? static_cast<uint64_t>(static_cast<int64_t>(d)) : static_cast<uint64_t>(d);
}

}  // namespace

Status StatementRunner::RunKill(const sql::ast::KillStmt& stmt) {
  Result<Value> id_value = EvaluateConstant(*stmt.id, *state_);
  if (!id_value.ok()) return id_value.status();
  uint64_t id = ThreadId(*id_value);
  auto unknown = [id] {
    return Status::Error(ErrorCode::kNoSuchThread, static_cast<unsigned long>(id));
  };
  if (id > UINT32_MAX) return unknown();
  std::shared_ptr<SessionActivity> target = context_->sessions()->Find(static_cast<uint32_t>(id));
  if (target == nullptr) return unknown();
  std::shared_ptr<SessionActivity> self = context_->sessions()->Find(state_->ConnectionId());
  if (self == nullptr || target->user() != self->user()) {
    Result<bool> super = HoldsSuper(context_, *state_);
    if (!super.ok()) return super.status();
    if (!*super) return Status::Error(ErrorCode::kKillDenied, static_cast<unsigned long>(id));
  }
  InterruptFlag::Kind kind =
      stmt.query_only ? InterruptFlag::Kind::kQuery : InterruptFlag::Kind::kConnection;
  context_->sessions()->Kill(target.get(), kind);
  // Our own flag: this very statement is the one interrupted.
  if (target == self) return target->interrupt()->Check();
  responded_ = true;
  sink_->SendOk(OkResult{});
  return Status::OK();
}

}  // namespace minisql
