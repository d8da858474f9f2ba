// create_table_from_query.cc — see create_table_from_query.h.
#include "sql/executor/create_table_from_query.h"

#include <algorithm>

#include "sql/binder/binder.h"
#include "sql/executor/column_converter.h"
#include "sql/executor/executor_factory.h"
#include "sql/planner/planner.h"

namespace minisql::sql {

namespace {

bool StorableType(TypeId id) {
  switch (id) {
    case TypeId::kTinyInt:
    case TypeId::kSmallInt:
    case TypeId::kMediumInt:
    case TypeId::kInt:
    case TypeId::kBigInt:
    case TypeId::kDouble:
    case TypeId::kDecimal:
    case TypeId::kChar:
    case TypeId::kVarchar:
    case TypeId::kText:
    case TypeId::kVarbinary:
    case TypeId::kBinary:
    case TypeId::kBlob:
      return true;
    default:
      return false;
  }
}

}  // namespace

Result<uint64_t> ExecuteCreateTableFromQuery(const DdlContext& ctx, const EvalContext& eval,
                                             const ast::CreateTableStmt& stmt) {
  if (stmt.temporary) return Status::Error(ErrorCode::kNotSupportedYet, "CREATE TEMPORARY TABLE");
  if (!stmt.columns.empty() || !stmt.indexes.empty() || !stmt.options.empty()) {
    return Status::Error(ErrorCode::kNotSupportedYet,
                         "column definitions or options with CREATE TABLE ... SELECT");
  }
  Binder binder(ctx.storage, ctx.txn, ctx.current_database);
  binder.set_variables(&eval);  // the session's: CREATE TABLE t AS SELECT @v types @v
  Result<std::string> db = binder.ResolveDatabase(stmt.database);
  if (!db.ok()) return db.status();
  Result<std::shared_ptr<const storage::TableSchema>> existing =
      ctx.storage->GetTable(ctx.txn, *db, stmt.table);
  if (existing.ok()) {
    Status exists = Status::Error(ErrorCode::kTableExists, stmt.table);
    if (!stmt.if_not_exists) return exists;
    if (ctx.notes != nullptr) ctx.notes->push_back(exists);
    return 0;
  }

  storage::TableSchema schema;
  if (!stmt.like_table.empty()) {
    Result<std::shared_ptr<const storage::TableSchema>> source =
        binder.LookupTable(stmt.like_database, stmt.like_table);
    if (!source.ok()) return source.status();
    schema = **source;
    schema.table_id = 0;
    schema.database = *db;
    schema.name = stmt.table;
    MINISQL_RETURN_IF_ERROR(ctx.storage->CreateTable(ctx.txn, schema));
    return 0;
  }

  // The query is bound and planned before the table exists, so it cannot read it.
  Result<BoundSelect> bound = binder.BindSelect(*stmt.as_select);
  if (!bound.ok()) return bound.status();
  schema.database = *db;
  schema.name = stmt.table;
  for (const OutputColumn& column : bound->columns) {
    if (schema.FindColumn(column.name) >= 0) {
      return Status::Error(ErrorCode::kDupFieldname, column.name);
    }
    if (!StorableType(column.type.id)) {
      return Status::Error(ErrorCode::kNotSupportedYet,
                           "CREATE TABLE ... SELECT of a column of type " + column.type.ToSql());
    }
    storage::ColumnDef def;
    def.name = column.name;
    def.type = column.type;
    def.nullable = column.nullable;
    schema.columns.push_back(std::move(def));
  }
  PlanNodePtr plan = Planner::PlanSelect(std::move(*bound));
  ExecutorContext exec_ctx{ctx.storage, ctx.txn, &eval};
  ExecutorPtr query = CreateExecutor(&exec_ctx, *plan);
  MINISQL_RETURN_IF_ERROR(query->Init());
  std::vector<Row> rows;
  Row row;
  while (true) {
    Result<bool> more = query->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) break;
    rows.push_back(std::move(row));
  }
  // A binary string whose length the expression does not declare (CAST(x AS BINARY),
  // 0x41) gets a VARBINARY as long as its longest value (at least 1).
  for (uint32_t c = 0; c < schema.columns.size(); ++c) {
    ColumnType& type = schema.columns[c].type;
    if ((type.id != TypeId::kVarbinary && type.id != TypeId::kBinary) || type.length > 0) continue;
    type.id = TypeId::kVarbinary;
    type.length = 1;
    for (const Row& stored : rows) {
      if (stored[c].kind() == Value::Kind::kString) {
        type.length =
            std::max<uint32_t>(type.length, static_cast<uint32_t>(stored[c].string_value().size()));
      }
    }
    if (type.length > 65532) type = ColumnType{TypeId::kBlob, false, 4294967295u, 0};
  }

  MINISQL_RETURN_IF_ERROR(ctx.storage->CreateTable(ctx.txn, schema));
  Result<std::shared_ptr<const storage::TableSchema>> created =
      ctx.storage->GetTable(ctx.txn, schema.database, schema.name);
  if (!created.ok()) return created.status();
  for (size_t r = 0; r < rows.size(); ++r) {
    Row stored(rows[r].size());
    for (uint32_t c = 0; c < rows[r].size(); ++c) {
      Result<Value> converted =
          ConvertForColumn(rows[r][c], ConversionTarget{created->get(), c, r + 1});
      if (!converted.ok()) return converted.status();
      stored[c] = std::move(*converted);
    }
    MINISQL_RETURN_IF_ERROR(ctx.storage->Insert(ctx.txn, **created, stored));
  }
  return rows.size();
}

}  // namespace minisql::sql
