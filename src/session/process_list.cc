// process_list.cc — see process_list.h.
#include "session/process_list.h"

#include "session/privilege_check.h"
#include "session/statement_runner.h"
#include "sql/executor/show_executor.h"

namespace minisql {

namespace {

// The first `chars` UTF-8 characters of `text`.
std::string FirstCharacters(const std::string& text, size_t chars) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool starts_character = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_character && seen++ == chars) return text.substr(0, i);
  }
  return text;
}

Value OptionalText(const std::optional<std::string>& text) {
  return text ? Value::String(*text) : Value::Null();
}

}  // namespace

Result<bool> HoldsSuper(ServerContext* context, const SessionState& session) {
  Result<AccountPrivileges> privileges = LoadSessionPrivileges(context->storage(), session);
  if (!privileges.ok()) return privileges.status();
  return (privileges->Global() & kSuperPrivilege) != 0;
}

Result<std::vector<ProcessInfo>> VisibleProcesses(ServerContext* context,
                                                  const SessionState& viewer) {
  Result<bool> super = HoldsSuper(context, viewer);
  if (!super.ok()) return super.status();
  std::vector<ProcessInfo> all = context->sessions()->List();
  if (*super) return all;
  std::shared_ptr<SessionActivity> self = context->sessions()->Find(viewer.ConnectionId());
  std::vector<ProcessInfo> mine;
  for (ProcessInfo& process : all) {
    if (self != nullptr && process.user == self->user()) mine.push_back(std::move(process));
  }
  return mine;
}

Result<std::vector<Row>> ProcessListRows(ServerContext* context, const SessionState& viewer,
                                         bool full) {
  Result<std::vector<ProcessInfo>> processes = VisibleProcesses(context, viewer);
  if (!processes.ok()) return processes.status();
  std::vector<Row> rows;
  for (const ProcessInfo& p : *processes) {
    std::optional<std::string> info = p.info;
    if (info && !full) info = FirstCharacters(*info, kProcessListInfoChars);
    rows.push_back(Row{Value::Int(p.id), Value::String(p.user), Value::String(p.host),
                       OptionalText(p.db), Value::String(p.command), Value::Int(p.seconds),
                       OptionalText(p.state), OptionalText(info)});
  }
  return rows;
}

Status StatementRunner::RunShowProcessList(const sql::ast::ShowStmt& stmt) {
  Result<std::vector<Row>> rows = ProcessListRows(context_, *state_, stmt.full);
  if (!rows.ok()) return rows.status();
  auto integer = [](const char* name, TypeId type, uint32_t width) {
    sql::OutputColumn column;
    column.name = name;
    column.type = ColumnType{type, false, width, 0};
    column.nullable = false;
    return column;
  };
  std::vector<sql::OutputColumn> columns = {
      integer("Id", TypeId::kBigInt, 21),
      sql::ShowColumn("User", false, 128),
      sql::ShowColumn("Host", false, 64),
      sql::ShowColumn("db", true, 64),
      sql::ShowColumn("Command", false, 16),
      integer("Time", TypeId::kInt, 7),
      sql::ShowColumn("State", true, 64),
      sql::ShowColumn("Info", true, stmt.full ? 65535 : kProcessListInfoChars),
  };
  SendResultSet(columns, *rows);
  return Status::OK();
}

}  // namespace minisql
