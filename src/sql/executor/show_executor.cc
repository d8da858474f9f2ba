// show_executor.cc — see show_executor.h.
#include "sql/executor/show_executor.h"

#include "sql/executor/view_ddl.h"

#include "sql/binder/binder.h"
#include "sql/expression/expression_binder.h"
#include "sql/information_schema/information_schema.h"

namespace minisql::sql {

namespace {

// A column's default as SHOW prints it: a FLOAT default with FLOAT's digits.
std::string DefaultText(const storage::ColumnDef& column) {
  const Value& v = *column.default_value;
  if (column.type.id == TypeId::kFloat && v.kind() == Value::Kind::kDouble) {
    return FormatFloat(v.double_value());
  }
  return v.ToText();
}

}  // namespace

std::string CurrentTimestampText(const storage::ColumnDef& column) {
  if (column.type.scale == 0) return "current_timestamp()";
  return "current_timestamp(" + std::to_string(column.type.scale) + ")";
}

namespace {

// Resolves a SHOW WHERE clause's names against the result's column names.
class ShowScope : public NameScope {
 public:
  explicit ShowScope(const std::vector<OutputColumn>* columns) : columns_(columns) {}
  Result<BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const override {
    for (size_t i = 0; i < columns_->size(); ++i) {
      const OutputColumn& column = (*columns_)[i];
      if (ref.table.empty() && EqualsIgnoreCase(column.name, ref.column)) {
        return BoundColumn{static_cast<uint32_t>(i), column.type, column.nullable, column.name};
      }
    }
    return Status::Error(ErrorCode::kBadField, ref.column, "WHERE");
  }

 private:
  const std::vector<OutputColumn>* columns_;
};

std::string QuoteIdentifier(const std::string& name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string QuoteString(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    if (c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

Result<ShowResult> ShowDatabases(const ShowContext& ctx, const ast::ShowStmt& stmt) {
  ShowResult result;
  result.columns.push_back(ShowColumn(stmt.like ? "Database (" + *stmt.like + ")" : "Database"));
  Result<std::vector<std::string>> names = ctx.storage->ListDatabases(ctx.txn);
  if (!names.ok()) return names.status();
  names->push_back(kInformationSchema);  // virtual, listed in name order like the rest
  std::sort(names->begin(), names->end());
  for (const std::string& name : *names) result.rows.push_back(Row{Value::String(name)});
  return result;
}

Result<ShowResult> ShowTables(const ShowContext& ctx, const ast::ShowStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<std::string> db = binder.ResolveDatabase(stmt.database);
  if (!db.ok()) return db.status();
  Result<bool> exists = ctx.storage->DatabaseExists(ctx.txn, *db);
  if (!exists.ok()) return exists.status();
  if (!*exists && !IsInformationSchema(*db)) return Status::Error(ErrorCode::kBadDb, *db);
  ShowResult result;
  std::string name = "Tables_in_" + *db;
  if (stmt.like) name += " (" + *stmt.like + ")";
  result.columns.push_back(ShowColumn(name));
  if (stmt.full) result.columns.push_back(ShowColumn("Table_type"));
  if (IsInformationSchema(*db)) {
    for (const std::string& table : InformationSchemaTableNames()) {
      Row row{Value::String(table)};
      if (stmt.full) row.push_back(Value::String("SYSTEM VIEW"));
      result.rows.push_back(std::move(row));
    }
    return result;
  }
  Result<std::vector<std::string>> tables = ctx.storage->ListTables(ctx.txn, *db);
  if (!tables.ok()) return tables.status();
  for (const std::string& table : *tables) {
    Row row{Value::String(table)};
    if (stmt.full) {
      Result<std::shared_ptr<const storage::TableSchema>> schema =
          ctx.storage->GetTable(ctx.txn, *db, table);
      if (!schema.ok()) return schema.status();
      row.push_back(Value::String((*schema)->view_definition.empty() ? "BASE TABLE" : "VIEW"));
    }
    result.rows.push_back(std::move(row));
  }
  return result;
}

Result<ShowResult> ShowColumns(const ShowContext& ctx, const ast::ShowStmt& stmt) {
  if (stmt.full) return Status::Error(ErrorCode::kNotSupportedYet, "SHOW FULL COLUMNS");
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<std::shared_ptr<const storage::TableSchema>> table =
      binder.LookupTable(stmt.database, stmt.table);
  if (!table.ok()) return table.status();
  ShowResult result;
  for (const char* name : {"Field", "Type", "Null", "Key"}) {
    result.columns.push_back(ShowColumn(name));
  }
  result.columns.push_back(ShowColumn("Default", /*nullable=*/true));
  result.columns.push_back(ShowColumn("Extra"));
  const storage::TableSchema& schema = **table;
  for (size_t c = 0; c < schema.columns.size(); ++c) {
    const storage::ColumnDef& column = schema.columns[c];
    Value default_text;
    if (column.default_now) {
      default_text = Value::String(CurrentTimestampText(column));
    } else if (column.default_value && !column.default_value->is_null()) {
      default_text = Value::String(DefaultText(column));
    }
    std::string extra = column.auto_increment ? "auto_increment" : "";
    if (column.on_update_now) extra = "on update " + CurrentTimestampText(column);
    result.rows.push_back(Row{Value::String(column.name), Value::String(column.type.ToSql()),
                              Value::String(column.nullable ? "YES" : "NO"),
                              Value::String(ColumnKeyFlag(schema, c)), default_text,
                              Value::String(extra)});
  }
  return result;
}

Result<ShowResult> ShowCreateTable(const ShowContext& ctx, const ast::ShowStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<std::shared_ptr<const storage::TableSchema>> table =
      binder.LookupTable(stmt.database, stmt.table);
  if (!table.ok()) return table.status();
  // A view answers as SHOW CREATE VIEW (MariaDB; mysqldump tells views by the
  // first column being called View).
  if (!(*table)->view_definition.empty()) return ShowCreateView(ctx, stmt);
  ShowResult result;
  result.columns.push_back(ShowColumn("Table"));
  result.columns.push_back(ShowColumn("Create Table", false, 1024));
  uint64_t auto_increment = 0;
  for (const storage::ColumnDef& column : (*table)->columns) {
    if (!column.auto_increment || IsInformationSchema((*table)->database)) continue;
    Result<uint64_t> next = ctx.storage->PeekAutoIncrement(ctx.txn, **table);
    if (!next.ok()) return next.status();
    auto_increment = *next;
  }
  result.rows.push_back(Row{Value::String((*table)->name),
                            Value::String(ShowCreateTableText(**table, auto_increment))});
  return result;
}

// SHOW CREATE DATABASE [IF NOT EXISTS] db: every database is utf8mb4.
Result<ShowResult> ShowCreateDatabase(const ShowContext& ctx, const ast::ShowStmt& stmt) {
  Result<bool> exists = ctx.storage->DatabaseExists(ctx.txn, stmt.database);
  if (!exists.ok()) return exists.status();
  bool virtual_db = IsInformationSchema(stmt.database);
  if (!*exists && !virtual_db) return Status::Error(ErrorCode::kBadDb, stmt.database);
  ShowResult result;
  result.columns.push_back(ShowColumn("Database"));
  result.columns.push_back(ShowColumn("Create Database", false, 1024));
  std::string text =
      std::string("CREATE DATABASE ") + (stmt.if_not_exists ? "/*!32312 IF NOT EXISTS*/ " : "") +
      QuoteIdentifier(virtual_db ? kInformationSchema : stmt.database) +
      (virtual_db ? " /*!40100 DEFAULT CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci */"
                  : " /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */");
  result.rows.push_back(
      Row{Value::String(virtual_db ? kInformationSchema : stmt.database), Value::String(text)});
  return result;
}

}  // namespace

OutputColumn ShowColumn(const std::string& name, bool nullable, uint32_t chars) {
  OutputColumn column;
  column.name = name;
  column.type = ColumnType{TypeId::kVarchar, false, chars, 0};
  column.nullable = nullable;
  return column;
}

std::string ShowCreateTableText(const storage::TableSchema& table, uint64_t auto_increment) {
  std::string out = "CREATE TABLE " + QuoteIdentifier(table.name) + " (\n";
  for (size_t c = 0; c < table.columns.size(); ++c) {
    const storage::ColumnDef& column = table.columns[c];
    out += "  " + QuoteIdentifier(column.name) + " " + column.type.ToSql();
    if (!column.nullable) out += " NOT NULL";
    // MariaDB spells out NULL for a nullable TIMESTAMP (once NOT NULL by default).
    if (column.nullable && column.type.id == TypeId::kTimestamp) out += " NULL";
    if (column.auto_increment) {
      out += " AUTO_INCREMENT";
    } else if (column.default_now) {
      out += " DEFAULT " + CurrentTimestampText(column);
    } else if (column.default_value) {
      const Value& v = *column.default_value;
      if (v.is_null()) {
        out += " DEFAULT NULL";
      } else if (v.kind() == Value::Kind::kString) {
        out += " DEFAULT " + QuoteString(v.string_value());
      } else {
        out += " DEFAULT " + DefaultText(column);
      }
    } else if (column.nullable) {
      out += " DEFAULT NULL";
    }
    if (column.on_update_now) out += " ON UPDATE " + CurrentTimestampText(column);
    if (c + 1 < table.columns.size() || !table.primary_key.empty() || !table.indexes.empty()) {
      out += ",";
    }
    out += "\n";
  }
  auto key_columns = [&](const std::vector<uint32_t>& columns) {
    std::string text = "(";
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) text += ",";
      text += QuoteIdentifier(table.columns[columns[i]].name);
    }
    return text + ")";
  };
  if (!table.primary_key.empty()) {
    out += "  PRIMARY KEY " + key_columns(table.primary_key);
    out += table.indexes.empty() ? "\n" : ",\n";
  }
  for (size_t i = 0; i < table.indexes.size(); ++i) {
    const storage::IndexDef& index = table.indexes[i];
    std::string columns = "(";
    for (size_t c = 0; c < index.columns.size(); ++c) {
      if (c > 0) columns += ",";
      columns += QuoteIdentifier(table.columns[index.columns[c]].name);
      if (index.IsDescending(c)) columns += " DESC";
    }
    out += std::string("  ") + (index.unique ? "UNIQUE KEY " : "KEY ") +
           QuoteIdentifier(index.name) + " " + columns + ")";
    out += i + 1 < table.indexes.size() ? ",\n" : "\n";
  }
  out += ") ENGINE=InnoDB";
  if (auto_increment > 1) out += " AUTO_INCREMENT=" + std::to_string(auto_increment);
  if (!table.options.empty()) out += " " + table.options;
  return out;
}

Status FilterShowRows(const std::optional<std::string>& like, const ast::Expr* where,
                      const EvalContext& eval, ShowResult* result) {
  if (!like && where == nullptr) return Status::OK();
  ShowScope scope(&result->columns);
  ExpressionPtr predicate;
  if (like) {
    // Reuse the expression layer's LIKE: `<first column> LIKE '<pattern>'`.
    ast::LikeExpr expr;
    auto operand = std::make_unique<ast::ColumnRefExpr>();
    operand->column = result->columns[0].name;
    auto pattern = std::make_unique<ast::LiteralExpr>();
    pattern->value = Value::String(*like);
    expr.operand = std::move(operand);
    expr.pattern = std::move(pattern);
    Result<ExpressionPtr> bound = BindExpression(expr, scope);
    if (!bound.ok()) return bound.status();
    predicate = std::move(*bound);
  } else {
    Result<ExpressionPtr> bound = BindExpression(*where, scope);
    if (!bound.ok()) return bound.status();
    predicate = std::move(*bound);
  }
  std::vector<Row> kept;
  for (Row& row : result->rows) {
    Result<Value> v = predicate->Evaluate(row, eval);
    if (!v.ok()) return v.status();
    if (TruthValue(*v).value_or(false)) kept.push_back(std::move(row));
  }
  result->rows = std::move(kept);
  return Status::OK();
}

Result<ShowResult> ExecuteShow(const ShowContext& ctx, const ast::ShowStmt& stmt) {
  Result<ShowResult> result = Status::Error(ErrorCode::kInternalError, "SHOW");
  switch (stmt.what) {
    case ast::ShowStmt::What::kDatabases:
      result = ShowDatabases(ctx, stmt);
      break;
    case ast::ShowStmt::What::kTables:
      result = ShowTables(ctx, stmt);
      break;
    case ast::ShowStmt::What::kColumns:
      result = ShowColumns(ctx, stmt);
      if (result.ok() && !stmt.column.empty()) {
        // DESCRIBE t col: the column argument is a LIKE pattern.
        MINISQL_RETURN_IF_ERROR(FilterShowRows(stmt.column, nullptr, *ctx.eval, &*result));
      }
      break;
    case ast::ShowStmt::What::kCreateTable:
      return ShowCreateTable(ctx, stmt);
    case ast::ShowStmt::What::kCreateView:
      return ShowCreateView(ctx, stmt);
    case ast::ShowStmt::What::kCreateDatabase:
      return ShowCreateDatabase(ctx, stmt);
    case ast::ShowStmt::What::kTableStatus:
      result = ShowTableStatus(ctx, stmt);
      break;
    case ast::ShowStmt::What::kIndex:
      result = ShowIndex(ctx, stmt);
      break;
    default:
      return Status::Error(ErrorCode::kNotSupportedYet, "this SHOW statement");
  }
  if (!result.ok()) return result;
  // In SHOW COLUMNS ... LIKE, the pattern applies to Field, the first column.
  MINISQL_RETURN_IF_ERROR(FilterShowRows(stmt.like, stmt.where.get(), *ctx.eval, &*result));
  return result;
}

}  // namespace minisql::sql
