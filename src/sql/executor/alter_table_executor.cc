// alter_table_executor.cc — see alter_table_executor.h.
#include "sql/executor/alter_table_executor.h"

#include "sql/binder/binder.h"
#include "sql/binder/index_binding.h"
#include "sql/executor/alter_table_plan.h"
#include "sql/executor/column_converter.h"

namespace minisql::sql {
namespace {

using Action = ast::AlterTableStmt::Action;

// ALTER TABLE copies values with MariaDB's ALTER wording of the strict-mode errors,
// which differs from INSERT's: a string that is not a number is "Truncated incorrect
// INTEGER value" (1292), a string too long or a NULL for NOT NULL is "Data truncated"
// (1265), a bad date names the datetime type. Out of range stays 1264.
Result<Value> ConvertForAlter(const Value& value, const ConversionTarget& target) {
  Result<Value> converted = ConvertForColumn(value, target);
  if (converted.ok()) return converted;
  const storage::ColumnDef& column = target.table->columns[target.column];
  auto row = static_cast<unsigned long>(target.row_number);
  switch (converted.status().error_code()) {
    case ErrorCode::kBadNull:
    case ErrorCode::kDataTooLong:
      return Status::Error(ErrorCode::kWarnDataTruncated, column.name, row);
    case ErrorCode::kTruncatedWrongValueForField:
    case ErrorCode::kWarnDataTruncated:
      if (column.type.IsNumeric() && value.kind() == Value::Kind::kString) {
        const char* kind = column.type.IsInteger()              ? "INTEGER"
                           : column.type.id == TypeId::kDecimal ? "DECIMAL"
                                                                : "DOUBLE";
        return Status::Error(ErrorCode::kTruncatedWrongValue, kind, value.ToText());
      }
      return converted.status();
    case ErrorCode::kIncorrectTemporalValueForField:
      return Status::Error(ErrorCode::kIncorrectTemporalValueForField,
                           column.type.id == TypeId::kTime ? "time" : "datetime", value.ToText(),
                           target.table->database, target.table->name, column.name, row);
    default:
      return converted.status();
  }
}

// Only ADD/DROP of secondary indexes: the engine adds or drops just those trees.
bool OnlySecondaryIndexes(const ast::AlterTableStmt& stmt) {
  for (const Action& action : stmt.actions) {
    if (action.kind == Action::Kind::kKeys) continue;  // DISABLE/ENABLE KEYS: nothing to do
    if (action.kind == Action::Kind::kAddIndex &&
        action.index.kind != ast::IndexDefinition::Kind::kPrimary) {
      continue;
    }
    if (action.kind == Action::Kind::kDropIndex && !EqualsIgnoreCase(action.name, "PRIMARY")) {
      continue;
    }
    return false;
  }
  return true;
}

Status AlterIndexes(const DdlContext& ctx, Binder* binder, const ast::AlterTableStmt& stmt) {
  for (const Action& action : stmt.actions) {
    // Re-read the definition: the previous action may have changed it.
    Result<std::shared_ptr<const storage::TableSchema>> table =
        binder->LookupTable(stmt.database, stmt.table);
    if (!table.ok()) return table.status();
    if (action.kind == Action::Kind::kKeys) continue;
    if (action.kind == Action::Kind::kAddIndex) {
      Result<storage::IndexDef> index =
          BindIndexDefinition(**table, action.index, IndexNames(**table));
      if (!index.ok()) return index.status();
      MINISQL_RETURN_IF_ERROR(
          ctx.storage->CreateIndex(ctx.txn, (*table)->database, (*table)->name, *index));
    } else {
      MINISQL_RETURN_IF_ERROR(
          ctx.storage->DropIndex(ctx.txn, (*table)->database, (*table)->name, action.name));
    }
  }
  return Status::OK();
}

}  // namespace

Result<uint64_t> ExecuteAlterTable(const DdlContext& ctx, const ast::AlterTableStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<std::shared_ptr<const storage::TableSchema>> table =
      binder.LookupTable(stmt.database, stmt.table);
  if (!table.ok()) return table.status();
  const storage::TableSchema& old_schema = **table;
  if (!old_schema.view_definition.empty()) {
    return Status::Error(ErrorCode::kWrongObject, old_schema.database, old_schema.name,
                         "BASE TABLE");
  }
  if (OnlySecondaryIndexes(stmt)) {
    MINISQL_RETURN_IF_ERROR(AlterIndexes(ctx, &binder, stmt));
    return 0;
  }
  Result<AlterPlan> plan = PlanAlterTable(old_schema, stmt);
  if (!plan.ok()) return plan.status();
  if (plan->auto_increment) {
    // AUTO_INCREMENT=N moves the counter up; InnoDB's lowering (to past the largest
    // value in use) is not offered.
    Result<uint64_t> next = ctx.storage->PeekAutoIncrement(ctx.txn, old_schema);
    if (!next.ok()) return next.status();
    if (static_cast<uint64_t>(*plan->auto_increment) < *next) {
      return Status::Error(ErrorCode::kNotSupportedYet,
                           "ALTER TABLE ... AUTO_INCREMENT below the current counter");
    }
  }
  if (plan->rebuild) {
    const AlterPlan& p = *plan;
    auto convert = [&p](const Row& old_row, uint64_t row_number) -> Result<Row> {
      Row row(p.schema.columns.size());
      for (uint32_t c = 0; c < row.size(); ++c) {
        if (!p.source[c]) {
          row[c] = p.fill[c];
          continue;
        }
        Result<Value> value =
            ConvertForAlter(old_row[*p.source[c]], ConversionTarget{&p.schema, c, row_number});
        if (!value.ok()) return value.status();
        row[c] = std::move(*value);
      }
      return row;
    };
    MINISQL_RETURN_IF_ERROR(ctx.storage->RebuildTable(ctx.txn, old_schema.database, old_schema.name,
                                                      p.schema, convert));
  }
  if (plan->auto_increment && *plan->auto_increment > 1) {
    Result<std::shared_ptr<const storage::TableSchema>> rebuilt =
        ctx.storage->GetTable(ctx.txn, old_schema.database, old_schema.name);
    if (!rebuilt.ok()) return rebuilt.status();
    MINISQL_RETURN_IF_ERROR(
        ctx.storage->NoteAutoIncrementValue(ctx.txn, **rebuilt, *plan->auto_increment - 1));
  }
  if (plan->rename) {
    std::string new_db = plan->rename->first.empty() ? old_schema.database : plan->rename->first;
    MINISQL_RETURN_IF_ERROR(ctx.storage->RenameTable(ctx.txn, old_schema.database, old_schema.name,
                                                     new_db, plan->rename->second));
  }
  return 0;
}

Result<uint64_t> ExecuteRenameTable(const DdlContext& ctx, const ast::RenameTableStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  // One DDL transaction: a failing pair rolls back the ones before it.
  for (const ast::RenameTableStmt::Rename& rename : stmt.renames) {
    Result<std::string> db = binder.ResolveDatabase(rename.database);
    if (!db.ok()) return db.status();
    Result<std::string> new_db = binder.ResolveDatabase(rename.new_database);
    if (!new_db.ok()) return new_db.status();
    MINISQL_RETURN_IF_ERROR(
        ctx.storage->RenameTable(ctx.txn, *db, rename.table, *new_db, rename.new_table));
  }
  return 0;
}

Result<uint64_t> ExecuteTruncateTable(const DdlContext& ctx, const ast::TruncateTableStmt& stmt) {
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  Result<std::string> db = binder.ResolveDatabase(stmt.database);
  if (!db.ok()) return db.status();
  Result<std::shared_ptr<const storage::TableSchema>> table =
      ctx.storage->GetTable(ctx.txn, *db, stmt.table);
  if (!table.ok()) return table.status();
  // MariaDB answers as if a view were not there.
  if (!(*table)->view_definition.empty()) {
    return Status::Error(ErrorCode::kNoSuchTable, *db, stmt.table);
  }
  MINISQL_RETURN_IF_ERROR(ctx.storage->TruncateTable(ctx.txn, *db, stmt.table));
  return 0;
}

}  // namespace minisql::sql
