// session_commands.cc — SET and SHOW for the StatementRunner (see
// statement_runner.h): statements about session state rather than table data.
#include <algorithm>

#include "session/client_charset.h"
#include "session/privilege_check.h"
#include "session/statement_runner.h"
#include "session/statement_transaction.h"
#include "session/system_variables.h"
#include "session/transaction_control.h"
#include "sql/executor/show_executor.h"
#include "sql/expression/expression_binder.h"

namespace minisql {

namespace ast = sql::ast;

namespace {

class NoColumnsScope : public sql::NameScope {
 public:
  /// `variables`: the session's, so that `SET @b = @a + 1` computes with @a's type.
  explicit NoColumnsScope(const sql::VariableReader* variables) : variables_(variables) {}
  Result<sql::BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const override {
    return Status::Error(ErrorCode::kBadField, ref.column, "SET");
  }
  const sql::VariableReader* variables() const override { return variables_; }

 private:
  const sql::VariableReader* variables_;
};

std::string ScopeName(ast::VariableExpr::Scope scope) {
  switch (scope) {
    case ast::VariableExpr::Scope::kGlobal:
      return "global";
    case ast::VariableExpr::Scope::kSession:
      return "session";
    default:
      return "";
  }
}

sql::OutputColumn IntColumn(const std::string& name) {
  sql::OutputColumn column;
  column.name = name;
  column.type = ColumnType{TypeId::kInt, true, 4, 0};
  column.nullable = false;
  return column;
}

}  // namespace

Result<Value> EvaluateConstant(const ast::Expr& expr, const sql::EvalContext& ctx) {
  NoColumnsScope scope(&ctx);
  Result<sql::ExpressionPtr> bound = sql::BindExpression(expr, scope);
  if (!bound.ok()) return bound.status();
  return (*bound)->Evaluate(Row(), ctx);
}

Status StatementRunner::RunSet(const ast::SetStmt& stmt) {
  bool autocommit_before = state_->autocommit();
  for (const ast::SetStmt::Item& item : stmt.items) {
    switch (item.kind) {
      case ast::SetStmt::Item::Kind::kVariable: {
        const ast::Expr* value_ast = item.value.get();
        if (item.scope == ast::VariableExpr::Scope::kUser) {
          Result<Value> value = EvaluateConstant(*value_ast, *state_);
          if (!value.ok()) return value.status();
          state_->SetUserVariable(item.name, std::move(*value));
          break;
        }
        // SET x = DEFAULT; SET x = ON (a bare word is the word, not a column).
        std::optional<Value> value;
        if (value_ast->kind == ast::ExprKind::kColumnRef &&
            static_cast<const ast::ColumnRefExpr*>(value_ast)->table.empty()) {
          value = Value::String(static_cast<const ast::ColumnRefExpr*>(value_ast)->column);
        } else if (value_ast->kind != ast::ExprKind::kDefault) {
          Result<Value> v = EvaluateConstant(*value_ast, *state_);
          if (!v.ok()) return v.status();
          value = std::move(*v);
        }
        MINISQL_RETURN_IF_ERROR(
            state_->SetSystemVariable(item.name, ScopeName(item.scope), value ? &*value : nullptr));
        break;
      }
      case ast::SetStmt::Item::Kind::kNames:
      case ast::SetStmt::Item::Kind::kCharacterSet: {
        std::optional<CharacterSet> charset =
            ToLower(item.name) == "default" ? kServerCharacterSet : CharacterSetByName(item.name);
        if (!charset) return Status::Error(ErrorCode::kUnknownCharacterSet, item.name);
        // What these change is applied by the front end (session/client_charset.h).
        if (item.kind == ast::SetStmt::Item::Kind::kNames) {
          MINISQL_RETURN_IF_ERROR(SetNames(state_, *charset, ToLower(item.collation)));
          break;
        }
        Value name = Value::String(std::string(CharacterSetName(*charset)));
        MINISQL_RETURN_IF_ERROR(state_->SetSystemVariable("character_set_client", "", &name));
        MINISQL_RETURN_IF_ERROR(state_->SetSystemVariable("character_set_results", "", &name));
        break;
      }
      case ast::SetStmt::Item::Kind::kTransaction:
        MINISQL_RETURN_IF_ERROR(SetTransactionCharacteristic(item));
        break;
      case ast::SetStmt::Item::Kind::kPassword:
        if (stmt.items.size() != 1) {
          return Status::Error(ErrorCode::kNotSupportedYet, "SET PASSWORD with other variables");
        }
        return RunSetPassword(item);
    }
  }
  // Switching autocommit on commits the open transaction (MySQL).
  if (!autocommit_before && state_->autocommit()) {
    MINISQL_RETURN_IF_ERROR(CommitOpenTransaction(context_->storage(), state_));
  }
  responded_ = true;
  sink_->SendOk(OkResult{});
  return Status::OK();
}

// SET [GLOBAL|SESSION] TRANSACTION ISOLATION LEVEL ... / READ ONLY / READ WRITE. Without
// a scope it applies to the next transaction only, and not inside one (1568).
Status StatementRunner::SetTransactionCharacteristic(const ast::SetStmt::Item& item) {
  Result<Value> value = EvaluateConstant(*item.value, *state_);
  if (!value.ok()) return value.status();
  if (item.name == "transaction_isolation") {
    std::string level = value->ToText();
    std::replace(level.begin(), level.end(), ' ', '-');  // READ COMMITTED -> READ-COMMITTED
    value = Value::String(level);
  }
  if (item.scope != ast::VariableExpr::Scope::kSystemDefault) {
    return state_->SetSystemVariable(item.name, ScopeName(item.scope), &*value);
  }
  if (state_->transaction) return Status::Error(ErrorCode::kCantChangeTxCharacteristics);
  if (item.name == "transaction_isolation") {
    Result<Value> level = NormalizeIsolationLevel("tx_isolation", *value);
    if (!level.ok()) return level.status();
    state_->next_isolation = level->ToText();
  } else {
    state_->next_read_only = value->int_value() != 0;
  }
  return Status::OK();
}

Status StatementRunner::RunShow(const ast::ShowStmt& stmt) {
  sql::ShowResult result;
  switch (stmt.what) {
    case ast::ShowStmt::What::kVariables: {
      result.columns = {sql::ShowColumn("Variable_name"), sql::ShowColumn("Value", false, 2048)};
      const SystemVariables& variables = *state_->globals();
      for (const SystemVariableDef& def : variables.definitions()) {
        Value value = stmt.global ? variables.GetGlobal(def) : state_->SessionValue(def);
        result.rows.push_back(
            Row{Value::String(def.name), Value::String(SystemVariables::DisplayText(def, value))});
      }
      break;
    }
    case ast::ShowStmt::What::kStatus: {
      result.columns = {sql::ShowColumn("Variable_name"), sql::ShowColumn("Value", false, 2048)};
      auto add = [&](const char* name, uint64_t value) {
        result.rows.push_back(Row{Value::String(name), Value::String(std::to_string(value))});
      };
      storage::TableCacheCounts tables = context_->storage()->GetTableCacheCounts();
      add("Open_tables", tables.cached);
      add("Opened_tables", tables.loaded);
      // Queries counts statements run inside stored programs too; minisql has none,
      // so it equals Questions.
      add("Queries", context_->questions.load());
      add("Questions", context_->questions.load());
      add("Slow_queries", context_->slow_queries.load());
      result.rows.push_back(Row{Value::String("Ssl_cipher"), Value::String(state_->ssl_cipher)});
      result.rows.push_back(Row{Value::String("Ssl_version"), Value::String(state_->ssl_version)});
      add("Threads_connected", context_->threads_connected.load());
      add("Uptime", context_->UptimeSeconds());
      break;
    }
    case ast::ShowStmt::What::kProcessList:
      return RunShowProcessList(stmt);
    case ast::ShowStmt::What::kWarnings:
    case ast::ShowStmt::What::kErrors: {
      result.columns = {sql::ShowColumn("Level", false, 7), IntColumn("Code"),
                        sql::ShowColumn("Message", false, 512)};
      if (stmt.what == ast::ShowStmt::What::kWarnings) {
        for (const Status& note : state_->last_notes) {
          result.rows.push_back(
              Row{Value::String("Note"), Value::Int(note.code()), Value::String(note.message())});
        }
        for (const Status& warning : state_->last_warnings) {
          result.rows.push_back(Row{Value::String("Warning"), Value::Int(warning.code()),
                                    Value::String(warning.message())});
        }
      }
      const Status& error = state_->last_error;
      if (!error.ok()) {
        result.rows.push_back(
            Row{Value::String("Error"), Value::Int(error.code()), Value::String(error.message())});
      }
      break;
    }
    default: {
      auto txn = StatementTransaction::Begin(context_->storage(), storage::AccessMode::kReadOnly);
      if (!txn.ok()) return txn.status();
      sql::ShowContext ctx{context_->storage(), txn->get(), state_->current_database, state_};
      Result<sql::ShowResult> shown = sql::ExecuteShow(ctx, stmt);
      if (!shown.ok()) return shown.status();
      MINISQL_RETURN_IF_ERROR(txn->Commit());
      // Only what the account holds privileges on is listed (session/privilege_check.h).
      if (stmt.what == ast::ShowStmt::What::kDatabases) {
        MINISQL_RETURN_IF_ERROR(FilterVisibleNames(context_->storage(), *state_, "", &shown->rows));
      } else if (stmt.what == ast::ShowStmt::What::kTables) {
        const std::string& db = stmt.database.empty() ? state_->current_database : stmt.database;
        MINISQL_RETURN_IF_ERROR(FilterVisibleNames(context_->storage(), *state_, db, &shown->rows));
      }
      SendResultSet(shown->columns, shown->rows);
      return Status::OK();
    }
  }
  MINISQL_RETURN_IF_ERROR(sql::FilterShowRows(stmt.like, stmt.where.get(), *state_, &result));
  SendResultSet(result.columns, result.rows);
  return Status::OK();
}

}  // namespace minisql
