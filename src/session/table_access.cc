// table_access.cc — what a statement may touch before it runs: the read-only
// information_schema (1044 for any write into it) and the LOCK TABLES locks
// (session/table_locks.h). Also LOCK TABLES / UNLOCK TABLES themselves.
#include "session/server_context.h"
#include "session/session_state.h"
#include "session/statement_runner.h"
#include "session/statement_transaction.h"
#include "sql/information_schema/information_schema.h"

namespace minisql {

namespace ast = sql::ast;

namespace {

// How long a statement waits for another session's table lock: @@lock_wait_timeout
// (a day by default, as in MariaDB; KILL QUERY ends the wait sooner).
std::chrono::milliseconds TableLockWait(const SessionState& state) {
  const SystemVariableDef* def = state.globals()->Find("lock_wait_timeout");
  Value value = def == nullptr ? Value::Null() : state.SessionValue(*def);
  int64_t seconds = value.kind() == Value::Kind::kInt ? value.int_value() : 86400;
  return std::chrono::seconds(std::max<int64_t>(seconds, 0));
}

// 1044 as MariaDB words it for information_schema.
Status InformationSchemaDenied(const SessionState& state) {
  std::string account = state.CurrentUser();
  size_t at = account.rfind('@');
  return Status::Error(ErrorCode::kDbAccessDenied, account.substr(0, at), account.substr(at + 1),
                       sql::kInformationSchema);
}

// The tables (database "" = current) a statement writes, and databases it changes.
struct WriteTargets {
  std::vector<ast::TableName> tables;
  std::vector<std::string> databases;
};

void AddTableRef(const ast::TableRef& ref, WriteTargets* out) {
  if (ref.kind == ast::TableRef::Kind::kBase) {
    out->tables.push_back(ast::TableName{ref.database, ref.name});
  } else if (ref.kind == ast::TableRef::Kind::kJoin) {
    AddTableRef(*ref.left, out);
    AddTableRef(*ref.right, out);
  }
}

WriteTargets TargetsOf(const ast::Stmt& stmt) {
  WriteTargets out;
  switch (stmt.kind) {
    case ast::StmtKind::kInsert: {
      const auto& s = static_cast<const ast::InsertStmt&>(stmt);
      out.tables.push_back(ast::TableName{s.database, s.table});
      break;
    }
    case ast::StmtKind::kUpdate:
      AddTableRef(*static_cast<const ast::UpdateStmt&>(stmt).table, &out);
      break;
    case ast::StmtKind::kDelete:
      AddTableRef(*static_cast<const ast::DeleteStmt&>(stmt).table, &out);
      break;
    case ast::StmtKind::kCreateTable: {
      const auto& s = static_cast<const ast::CreateTableStmt&>(stmt);
      out.tables.push_back(ast::TableName{s.database, s.table});
      break;
    }
    case ast::StmtKind::kDropTable:
      out.tables = static_cast<const ast::DropTableStmt&>(stmt).tables;
      break;
    case ast::StmtKind::kCreateView: {
      const auto& s = static_cast<const ast::CreateViewStmt&>(stmt);
      out.tables.push_back(ast::TableName{s.database, s.name});
      break;
    }
    case ast::StmtKind::kDropView:
      out.tables = static_cast<const ast::DropViewStmt&>(stmt).views;
      break;
    case ast::StmtKind::kCreateIndex: {
      const auto& s = static_cast<const ast::CreateIndexStmt&>(stmt);
      out.tables.push_back(ast::TableName{s.database, s.table});
      break;
    }
    case ast::StmtKind::kDropIndex: {
      const auto& s = static_cast<const ast::DropIndexStmt&>(stmt);
      out.tables.push_back(ast::TableName{s.database, s.table});
      break;
    }
    case ast::StmtKind::kAlterTable: {
      const auto& s = static_cast<const ast::AlterTableStmt&>(stmt);
      out.tables.push_back(ast::TableName{s.database, s.table});
      break;
    }
    case ast::StmtKind::kRenameTable:
      for (const auto& r : static_cast<const ast::RenameTableStmt&>(stmt).renames) {
        out.tables.push_back(ast::TableName{r.database, r.table});
        out.tables.push_back(ast::TableName{r.new_database, r.new_table});
      }
      break;
    case ast::StmtKind::kTruncateTable: {
      const auto& s = static_cast<const ast::TruncateTableStmt&>(stmt);
      out.tables.push_back(ast::TableName{s.database, s.table});
      break;
    }
    case ast::StmtKind::kLockTables:
      for (const auto& item : static_cast<const ast::LockTablesStmt&>(stmt).tables) {
        out.tables.push_back(item.name);
      }
      break;
    case ast::StmtKind::kCreateDatabase:
      out.databases.push_back(static_cast<const ast::CreateDatabaseStmt&>(stmt).name);
      break;
    case ast::StmtKind::kDropDatabase:
      out.databases.push_back(static_cast<const ast::DropDatabaseStmt&>(stmt).name);
      break;
    default:
      break;
  }
  return out;
}

}  // namespace

Status SessionTableAccess::CheckTableAccess(const std::string& database,
                                            const std::string& table) const {
  return context_->table_locks()->CheckAccess(state_->ConnectionId(), database, table,
                                              /*write=*/false, TableLockWait(*state_),
                                              state_->interrupt);
}

Status StatementRunner::CheckWriteTargets(const ast::Stmt& stmt) {
  WriteTargets targets = TargetsOf(stmt);
  for (const std::string& db : targets.databases) {
    if (sql::IsInformationSchema(db)) return InformationSchemaDenied(*state_);
  }
  for (const ast::TableName& name : targets.tables) {
    std::string db = name.database.empty() ? state_->current_database : name.database;
    if (sql::IsInformationSchema(db)) return InformationSchemaDenied(*state_);
    // LOCK TABLES itself takes locks rather than needing them; other writes need a
    // WRITE lock when the session holds locks, and wait for other sessions' locks.
    if (stmt.kind == ast::StmtKind::kLockTables || db.empty()) continue;
    MINISQL_RETURN_IF_ERROR(
        context_->table_locks()->CheckAccess(state_->ConnectionId(), db, name.table, /*write=*/true,
                                             TableLockWait(*state_), state_->interrupt));
  }
  return Status::OK();
}

Status StatementRunner::RunLockTables(const ast::LockTablesStmt& stmt) {
  TableLockManager* locks = context_->table_locks();
  if (stmt.unlock) {
    locks->Unlock(state_->ConnectionId());
  } else {
    auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadOnly);
    if (!txn.ok()) return txn.status();
    std::vector<TableLockManager::Request> requests;
    for (const ast::LockTablesStmt::Item& item : stmt.tables) {
      if (item.name.database.empty() && state_->current_database.empty()) {
        return Status::Error(ErrorCode::kNoDb);
      }
      std::string db = item.name.database.empty() ? state_->current_database : item.name.database;
      // The table must exist (1146), as in MariaDB.
      Result<std::shared_ptr<const storage::TableSchema>> table =
          context_->storage()->GetTable(txn->get(), db, item.name.table);
      if (!table.ok()) return table.status();
      requests.push_back(TableLockManager::Request{db, item.name.table, item.write});
    }
    MINISQL_RETURN_IF_ERROR(
        locks->Lock(state_->ConnectionId(), requests, TableLockWait(*state_), state_->interrupt));
  }
  responded_ = true;
  sink_->SendOk(OkResult{});
  return Status::OK();
}

}  // namespace minisql
