// session.cc — one client's session (see session.h). Statement execution itself is
// in statement_runner.cc; this file holds the session's identity and the commands
// that are not SQL statements (COM_INIT_DB, COM_FIELD_LIST, COM_STATISTICS).
#include "session/session.h"

#include <algorithm>
#include <cstdio>

#include "session/client_charset.h"
#include "session/prepared_statement_quota.h"
#include "session/privilege_check.h"
#include "session/process_list.h"
#include "session/result_columns.h"
#include "session/session_state.h"
#include "session/statement_runner.h"
#include "session/statement_transaction.h"
#include "sql/binder/binder.h"
#include "sql/information_schema/information_schema.h"

namespace minisql {

Session::Session(ServerContext* context, uint32_t connection_id, std::string user, std::string host)
    : context_(context),
      connection_id_(connection_id),
      user_(std::move(user)),
      host_(std::move(host)),
      state_(std::make_unique<SessionState>(
          context->variables(), connection_id, user_,
          host_ == "127.0.0.1" || host_ == "::1" ? std::string("localhost") : host_)) {
  // The account whose privileges apply (the same choice the login made).
  Result<std::optional<storage::UserRecord>> account = context_->FindAccount(user_, host_);
  if (account.ok() && account->has_value()) {
    state_->account_user = (*account)->user;
    state_->account_host = (*account)->host;
  }
  activity_ = std::make_shared<SessionActivity>(
      connection_id_, user_,
      host_ == "127.0.0.1" || host_ == "::1" ? std::string("localhost") : host_);
  state_->interrupt = activity_->interrupt();
  state_->process_list_rows = [this] {
    Result<std::vector<Row>> rows = ProcessListRows(context_, *state_, /*full=*/true);
    return rows.ok() ? std::move(*rows) : std::vector<Row>{};
  };
  context_->sessions()->Add(activity_);
}

Session::~Session() {
  context_->sessions()->Remove(activity_.get());
  context_->table_locks()->Unlock(connection_id_);  // a disconnect ends LOCK TABLES
  ReleasePreparedStatements(context_, prepared_.size() + state_->named_statements.size());
}

Status Session::SetCurrentDatabase(const std::string& database) {
  // As USE: 1044 before 1049, so that names of databases one may not see stay hidden.
  MINISQL_RETURN_IF_ERROR(CheckDatabaseAccess(context_->storage(), *state_, database));
  auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadOnly);
  if (!txn.ok()) return txn.status();
  Result<bool> exists = context_->storage()->DatabaseExists(txn->get(), database);
  if (!exists.ok()) return exists.status();
  if (sql::IsInformationSchema(database)) {
    state_->current_database = sql::kInformationSchema;
    return Status::OK();
  }
  if (!*exists) return Status::Error(ErrorCode::kBadDb, database);
  state_->current_database = database;
  return Status::OK();
}

const std::string& Session::current_database() const {
  return state_->current_database;
}

void Session::ExecuteQuery(std::string_view sql, ResultSink* sink) {
  context_->questions.fetch_add(1);
  activity_->BeginCommand("Query", std::string(sql), state_->current_database);
  StatementRunner(context_, state_.get(), client_found_rows_, sink).Run(sql);
  activity_->EndCommand(state_->current_database);
}

Result<std::vector<ResultColumn>> Session::ListFields(const std::string& table) {
  // The same privilege as SHOW COLUMNS FROM table.
  sql::ast::ShowStmt show;
  show.what = sql::ast::ShowStmt::What::kColumns;
  show.table = table;
  MINISQL_RETURN_IF_ERROR(CheckStatementPrivileges(context_->storage(), *state_, show));
  auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadOnly);
  if (!txn.ok()) return txn.status();
  sql::Binder binder(context_->storage(), txn->get(), state_->current_database);
  Result<std::shared_ptr<const storage::TableSchema>> schema = binder.LookupTable("", table);
  if (!schema.ok()) return schema.status();
  std::vector<ResultColumn> columns;
  const storage::TableSchema& t = **schema;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    const storage::ColumnDef& def = t.columns[c];
    sql::OutputColumn out;
    out.name = def.name;
    out.type = def.type;
    out.nullable = def.nullable;
    out.is_table_column = true;
    out.org_name = def.name;
    out.table = t.name;
    out.org_table = t.name;
    out.schema = t.database;
    out.primary_key = std::find(t.primary_key.begin(), t.primary_key.end(),
                                static_cast<uint32_t>(c)) != t.primary_key.end();
    out.auto_increment = def.auto_increment;
    out.no_default = !def.nullable && !def.has_default() && !def.auto_increment;
    columns.push_back(ToResultColumn(out, ResultsCollationId(*state_)));
  }
  return columns;
}

std::string Session::Statistics() const {
  uint64_t uptime = context_->UptimeSeconds();
  uint64_t questions = context_->questions.load();
  double per_second = uptime == 0 ? 0.0 : static_cast<double>(questions) / uptime;
  storage::TableCacheCounts tables = context_->storage()->GetTableCacheCounts();
  char text[256];
  std::snprintf(text, sizeof(text),
                "Uptime: %llu  Threads: %u  Questions: %llu  Slow queries: %llu  Opens: %llu  "
                "Open tables: %llu  Queries per second avg: %.3f",
                static_cast<unsigned long long>(uptime), context_->threads_connected.load(),
                static_cast<unsigned long long>(questions),
                static_cast<unsigned long long>(context_->slow_queries.load()),
                static_cast<unsigned long long>(tables.loaded),
                static_cast<unsigned long long>(tables.cached), per_second);
  return text;
}

uint16_t Session::StatusFlags() const {
  uint16_t flags = 0;
  if (state_->autocommit()) flags |= kServerStatusAutocommit;
  if (state_->transaction) flags |= kServerStatusInTrans;
  return flags;
}

bool Session::TraceProtocol() const {
  return state_->trace_protocol();
}

}  // namespace minisql
