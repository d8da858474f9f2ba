// information_schema_rows.cc — the rows of each information_schema table, built from
// the catalog (see information_schema.h for how they are read).
//
// Values follow what MariaDB 10.11 shows for an InnoDB table in a utf8mb4 database.
// Statistics minisql does not keep (row estimates, data and index sizes, creation
// times) are NULL rather than invented; objects minisql does not have (triggers,
// routines, foreign keys) produce no rows.
#include <functional>

#include "sql/executor/show_executor.h"
#include "sql/information_schema/information_schema.h"

namespace minisql::sql::information_schema_rows {

namespace {

constexpr const char* kCatalog = "def";
constexpr const char* kCharset = "utf8mb4";
constexpr const char* kCollation = "utf8mb4_general_ci";

Value Str(const std::string& text) {
  return Value::String(text);
}
Value Int(int64_t v) {
  return Value::Int(v);
}
Value Null() {
  return Value::Null();
}

using TableVisitor = std::function<Status(const storage::TableSchema&)>;

// Calls `visit` for every table and view of every database, in catalog order.
Status ForEachTable(storage::StorageEngine* storage, storage::Transaction* txn,
                    const TableVisitor& visit) {
  Result<std::vector<std::string>> databases = storage->ListDatabases(txn);
  if (!databases.ok()) return databases.status();
  for (const std::string& db : *databases) {
    Result<std::vector<std::string>> tables = storage->ListTables(txn, db);
    if (!tables.ok()) return tables.status();
    for (const std::string& name : *tables) {
      Result<std::shared_ptr<const storage::TableSchema>> schema = storage->GetTable(txn, db, name);
      if (!schema.ok()) return schema.status();
      MINISQL_RETURN_IF_ERROR(visit(**schema));
    }
  }
  return Status::OK();
}

bool IsView(const storage::TableSchema& table) {
  return !table.view_definition.empty();
}

// The column's DEFAULT as information_schema.COLUMNS.COLUMN_DEFAULT shows it since
// MariaDB 10.2: an SQL literal ('text' quoted, NULL spelled out), or SQL NULL when
// the column has no default at all.
Value ColumnDefault(const storage::ColumnDef& column) {
  if (column.auto_increment) return Null();
  if (column.default_now) return Str(CurrentTimestampText(column));
  if (!column.default_value) return column.nullable ? Str("NULL") : Null();
  const Value& v = *column.default_value;
  if (v.is_null()) return Str("NULL");
  if (v.kind() == Value::Kind::kString) {
    std::string quoted = "'";
    for (char c : v.string_value()) {
      if (c == '\'') quoted += '\'';
      if (c == '\\') quoted += '\\';
      quoted += c;
    }
    return Str(quoted + "'");
  }
  if (column.type.id == TypeId::kFloat && v.kind() == Value::Kind::kDouble) {
    return Str(FormatFloat(v.double_value()));
  }
  return Str(v.ToText());
}

// "int(11) unsigned" -> "int".
std::string DataType(const ColumnType& type) {
  std::string sql = type.ToSql();
  size_t end = sql.find_first_of("( ");
  return end == std::string::npos ? sql : sql.substr(0, end);
}

// NUMERIC_PRECISION: decimal digits of the type (MariaDB's values).
Value NumericPrecision(const ColumnType& type) {
  switch (type.id) {
    case TypeId::kTinyInt:
      return Int(3);
    case TypeId::kSmallInt:
      return Int(5);
    case TypeId::kMediumInt:
      return Int(7);
    case TypeId::kInt:
      return Int(10);
    case TypeId::kBigInt:
      return Int(type.is_unsigned ? 20 : 19);
    case TypeId::kFloat:
      return Int(12);
    case TypeId::kDouble:
      return Int(22);
    case TypeId::kDecimal:
      return Int(type.length);
    default:
      return Null();
  }
}

Row ColumnRow(const storage::TableSchema& table, size_t c) {
  const storage::ColumnDef& column = table.columns[c];
  const ColumnType& type = column.type;
  Value char_length = Null();
  Value octet_length = Null();
  Value charset = Null();
  Value collation = Null();
  switch (type.id) {
    case TypeId::kChar:
    case TypeId::kVarchar:
      char_length = Int(type.length);
      octet_length = Int(int64_t{type.length} * 4);
      charset = Str(kCharset);
      collation = Str(kCollation);
      break;
    case TypeId::kText:
      char_length = octet_length = Int(65535);
      charset = Str(kCharset);
      collation = Str(kCollation);
      break;
    case TypeId::kBlob:
      char_length = octet_length = Int(65535);
      break;
    case TypeId::kVarbinary:
      char_length = octet_length = Int(type.length);
      break;
    default:
      break;
  }
  Value scale = Null();
  if (type.IsInteger()) scale = Int(0);
  if (type.id == TypeId::kDecimal) scale = Int(type.scale);
  Value datetime_precision = Null();
  if (type.id == TypeId::kTime || type.id == TypeId::kDateTime || type.id == TypeId::kTimestamp) {
    datetime_precision = Int(type.scale);
  }
  return Row{Str(kCatalog),
             Str(table.database),
             Str(table.name),
             Str(column.name),
             Int(static_cast<int64_t>(c + 1)),
             ColumnDefault(column),
             Str(column.nullable ? "YES" : "NO"),
             Str(DataType(type)),
             char_length,
             octet_length,
             NumericPrecision(type),
             scale,
             datetime_precision,
             charset,
             collation,
             Str(type.ToSql()),
             Str(IsView(table) ? "" : ColumnKeyFlag(table, c)),
             Str(column.on_update_now    ? "on update " + CurrentTimestampText(column)
                 : column.auto_increment ? "auto_increment"
                                         : ""),
             Str("select,insert,update,references"),
             Str(""),
             Str("NEVER"),
             Null()};
}

// Every key of `table` as (name, unique, columns, descending), PRIMARY first.
struct KeyInfo {
  std::string name;
  bool unique;
  const std::vector<uint32_t>* columns;
  const std::vector<bool>* descending;
};

std::vector<KeyInfo> Keys(const storage::TableSchema& table) {
  static const std::vector<bool> kAscending;
  std::vector<KeyInfo> keys;
  if (!table.primary_key.empty()) {
    keys.push_back(KeyInfo{"PRIMARY", true, &table.primary_key, &kAscending});
  }
  for (const storage::IndexDef& index : table.indexes) {
    keys.push_back(KeyInfo{index.name, index.unique, &index.columns, &index.descending});
  }
  return keys;
}

}  // namespace

Result<std::vector<Row>> Schemata(storage::StorageEngine* storage, storage::Transaction* txn) {
  Result<std::vector<std::string>> databases = storage->ListDatabases(txn);
  if (!databases.ok()) return databases.status();
  std::vector<Row> rows;
  rows.push_back(Row{Str(kCatalog), Str(kInformationSchema), Str("utf8mb3"),
                     Str("utf8mb3_general_ci"), Null(), Str("")});
  for (const std::string& db : *databases) {
    rows.push_back(Row{Str(kCatalog), Str(db), Str(kCharset), Str(kCollation), Null(), Str("")});
  }
  return rows;
}

Result<std::vector<Row>> Tables(storage::StorageEngine* storage, storage::Transaction* txn) {
  std::vector<Row> rows;
  Status status = ForEachTable(storage, txn, [&](const storage::TableSchema& table) {
    Row row{Str(kCatalog), Str(table.database), Str(table.name)};
    if (IsView(table)) {
      row.push_back(Str("VIEW"));
      for (int i = 0; i < 16; ++i) row.push_back(Null());  // ENGINE .. CREATE_OPTIONS
      row.push_back(Str("VIEW"));                          // TABLE_COMMENT
      row.push_back(Null());                               // MAX_INDEX_LENGTH
      row.push_back(Null());                               // TEMPORARY
      rows.push_back(std::move(row));
      return Status::OK();
    }
    Value auto_increment = Null();
    for (const storage::ColumnDef& column : table.columns) {
      if (!column.auto_increment) continue;
      Result<uint64_t> next = storage->PeekAutoIncrement(txn, table);
      if (!next.ok()) return next.status();
      auto_increment = Int(static_cast<int64_t>(*next));
    }
    row.insert(row.end(), {Str("BASE TABLE"), Str("InnoDB"), Int(10), Str("Dynamic")});
    for (int i = 0; i < 6; ++i) row.push_back(Null());  // TABLE_ROWS .. DATA_FREE: not kept
    row.push_back(auto_increment);
    for (int i = 0; i < 3; ++i) row.push_back(Null());  // CREATE/UPDATE/CHECK_TIME
    row.insert(row.end(), {Str(kCollation), Null(), Str(""), Str(""), Null(), Str("N")});
    rows.push_back(std::move(row));
    return Status::OK();
  });
  if (!status.ok()) return status;
  return rows;
}

Result<std::vector<Row>> Columns(storage::StorageEngine* storage, storage::Transaction* txn) {
  std::vector<Row> rows;
  Status status = ForEachTable(storage, txn, [&](const storage::TableSchema& table) {
    for (size_t c = 0; c < table.columns.size(); ++c) rows.push_back(ColumnRow(table, c));
    return Status::OK();
  });
  if (!status.ok()) return status;
  return rows;
}

Result<std::vector<Row>> Statistics(storage::StorageEngine* storage, storage::Transaction* txn) {
  std::vector<Row> rows;
  Status status = ForEachTable(storage, txn, [&](const storage::TableSchema& table) {
    for (const KeyInfo& key : Keys(table)) {
      for (size_t i = 0; i < key.columns->size(); ++i) {
        const storage::ColumnDef& column = table.columns[(*key.columns)[i]];
        bool descending = i < key.descending->size() && (*key.descending)[i];
        rows.push_back(
            Row{Str(kCatalog), Str(table.database), Str(table.name), Int(key.unique ? 0 : 1),
                Str(table.database), Str(key.name), Int(static_cast<int64_t>(i + 1)),
                Str(column.name), Str(descending ? "D" : "A"), Null(), Null(), Null(),
                Str(column.nullable ? "YES" : ""), Str("BTREE"), Str(""), Str(""), Str("NO")});
      }
    }
    return Status::OK();
  });
  if (!status.ok()) return status;
  return rows;
}

Result<std::vector<Row>> KeyColumnUsage(storage::StorageEngine* storage,
                                        storage::Transaction* txn) {
  std::vector<Row> rows;
  Status status = ForEachTable(storage, txn, [&](const storage::TableSchema& table) {
    for (const KeyInfo& key : Keys(table)) {
      if (!key.unique) continue;
      for (size_t i = 0; i < key.columns->size(); ++i) {
        rows.push_back(Row{Str(kCatalog), Str(table.database), Str(key.name), Str(kCatalog),
                           Str(table.database), Str(table.name),
                           Str(table.columns[(*key.columns)[i]].name),
                           Int(static_cast<int64_t>(i + 1)), Null(), Null(), Null(), Null()});
      }
    }
    return Status::OK();
  });
  if (!status.ok()) return status;
  return rows;
}

Result<std::vector<Row>> TableConstraints(storage::StorageEngine* storage,
                                          storage::Transaction* txn) {
  std::vector<Row> rows;
  Status status = ForEachTable(storage, txn, [&](const storage::TableSchema& table) {
    for (const KeyInfo& key : Keys(table)) {
      if (!key.unique) continue;
      rows.push_back(Row{Str(kCatalog), Str(table.database), Str(key.name), Str(table.database),
                         Str(table.name), Str(key.name == "PRIMARY" ? "PRIMARY KEY" : "UNIQUE")});
    }
    return Status::OK();
  });
  if (!status.ok()) return status;
  return rows;
}

Result<std::vector<Row>> Views(storage::StorageEngine* storage, storage::Transaction* txn) {
  std::vector<Row> rows;
  Status status = ForEachTable(storage, txn, [&](const storage::TableSchema& table) {
    if (!IsView(table)) return Status::OK();
    // Views are read-only in minisql, hence IS_UPDATABLE = NO.
    rows.push_back(Row{Str(kCatalog), Str(table.database), Str(table.name),
                       Str(table.view_definition), Str("NONE"), Str("NO"), Str("root@localhost"),
                       Str("DEFINER"), Str(kCharset), Str(kCollation), Str("UNDEFINED")});
    return Status::OK();
  });
  if (!status.ok()) return status;
  return rows;
}

Result<std::vector<Row>> Engines(storage::StorageEngine*, storage::Transaction*) {
  return std::vector<Row>{Row{Str("InnoDB"), Str("DEFAULT"),
                              Str("minisql's B+ tree tables: MVCC transactions, row locks, "
                                  "write-ahead log"),
                              Str("YES"), Str("NO"), Str("YES")}};
}

Result<std::vector<Row>> CharacterSets(storage::StorageEngine*, storage::Transaction*) {
  return std::vector<Row>{Row{Str(kCharset), Str(kCollation), Str("UTF-8 Unicode"), Int(4)}};
}

Result<std::vector<Row>> Collations(storage::StorageEngine*, storage::Transaction*) {
  return std::vector<Row>{
      Row{Str(kCollation), Str(kCharset), Int(45), Str("Yes"), Str("Yes"), Int(1)}};
}

Result<std::vector<Row>> ProcessList(const EvalContext& session) {
  return session.ProcessListRows();  // the session layer knows the sessions
}

Result<std::vector<Row>> NoRows(storage::StorageEngine*, storage::Transaction*) {
  return std::vector<Row>{};
}

}  // namespace minisql::sql::information_schema_rows
