// bind_create_table.cc — checks a CREATE TABLE definition and builds its TableSchema.
//
// What minisql stores: columns of the supported types (integers, FLOAT, DOUBLE, DECIMAL,
// CHAR, VARCHAR, TEXT, BINARY, VARBINARY, the BLOB family, DATE, TIME, DATETIME, TIMESTAMP),
// literal DEFAULTs converted to the column type, one optional PRIMARY KEY (the clustered key), at
// most one AUTO_INCREMENT column (the first key column), and the table options ENGINE=InnoDB,
// [DEFAULT] CHARSET/COLLATE of the utf8 family, AUTO_INCREMENT=N and COMMENT.
//
// UNIQUE keys (column-level or table-level) and KEY / INDEX definitions become
// secondary indexes (storage::IndexDef), named and checked as MySQL does
// (index_binding.h). A table without PRIMARY KEY is clustered on a hidden row id;
// `id SERIAL` (BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE) is then a UNIQUE
// index, exactly what SHOW CREATE TABLE shows in MariaDB.
#include <algorithm>

#include "sql/binder/binder.h"
#include "sql/binder/column_binding.h"
#include "sql/binder/index_binding.h"
#include "sql/executor/column_converter.h"
#include "types/temporal.h"

namespace minisql::sql {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

Result<std::string> BindTableOptions(const std::vector<ast::TableOption>& options,
                                     std::optional<int64_t>* auto_increment_start) {
  std::string charset = "utf8mb4";
  std::string collation;
  std::string comment;
  for (const ast::TableOption& option : options) {
    std::string value = Lower(option.value);
    if (option.name == "ENGINE") {
      if (value != "innodb") {
        return Status::Error(ErrorCode::kNotSupportedYet, "storage engine '" + option.value +
                                                              "' (minisql tables are InnoDB-like)");
      }
    } else if (option.name == "DEFAULT CHARSET" || option.name == "CHARSET" ||
               option.name == "CHARACTER SET" || option.name == "DEFAULT CHARACTER SET") {
      if (value == "utf8" || value == "utf8mb3") {
        charset = "utf8mb3";
      } else if (value == "utf8mb4") {
        charset = "utf8mb4";
      } else {
        return Status::Error(ErrorCode::kNotSupportedYet, "character set '" + option.value + "'");
      }
    } else if (option.name == "COLLATE" || option.name == "DEFAULT COLLATE") {
      if (value.rfind("utf8mb4_", 0) != 0 && value.rfind("utf8mb3_", 0) != 0 &&
          value.rfind("utf8_", 0) != 0) {
        return Status::Error(ErrorCode::kNotSupportedYet, "collation '" + option.value + "'");
      }
      collation = value;
      if (value.rfind("utf8mb4_", 0) != 0) charset = "utf8mb3";
    } else if (option.name == "AUTO_INCREMENT") {
      char* end = nullptr;
      long long start = std::strtoll(option.value.c_str(), &end, 10);
      if (end == option.value.c_str() || *end != '\0' || start < 0) {
        return Status::Error(ErrorCode::kWrongArguments, "AUTO_INCREMENT");
      }
      *auto_increment_start = std::max<int64_t>(start, 1);
    } else if (option.name == "COMMENT") {
      comment = option.value;
    } else {
      return Status::Error(ErrorCode::kNotSupportedYet, "table option " + option.name);
    }
  }
  if (collation.empty()) collation = charset + "_general_ci";
  if (collation.rfind("utf8_", 0) == 0) collation = "utf8mb3_" + collation.substr(5);
  std::string text = "DEFAULT CHARSET=" + charset + " COLLATE=" + collation;
  if (!comment.empty()) {
    std::string quoted;
    for (char c : comment) {
      if (c == '\'') quoted += '\'';
      quoted += c;
    }
    text += " COMMENT='" + quoted + "'";
  }
  return text;
}

Result<BoundCreateTable> Binder::BindCreateTable(const ast::CreateTableStmt& stmt) {
  if (stmt.temporary) return Status::Error(ErrorCode::kNotSupportedYet, "CREATE TEMPORARY TABLE");
  if (stmt.as_select) return Status::Error(ErrorCode::kNotSupportedYet, "CREATE TABLE ... SELECT");
  if (!stmt.like_table.empty()) {
    return Status::Error(ErrorCode::kNotSupportedYet, "CREATE TABLE ... LIKE");
  }
  BoundCreateTable bound;
  bound.if_not_exists = stmt.if_not_exists;
  Result<std::string> db = ResolveDatabase(stmt.database);
  if (!db.ok()) return db.status();
  storage::TableSchema& schema = bound.schema;
  schema.database = *db;
  schema.name = stmt.table;
  if (stmt.columns.empty()) return Status::Error(ErrorCode::kTableMustHaveColumns);

  std::optional<std::vector<uint32_t>> primary;
  std::vector<ast::IndexDefinition> column_unique_keys;  // column-level UNIQUE
  int auto_column = -1;
  for (const ast::ColumnDefinition& def : stmt.columns) {
    for (const storage::ColumnDef& other : schema.columns) {
      if (EqualsIgnoreCase(other.name, def.name)) {
        return Status::Error(ErrorCode::kDupFieldname, def.name);
      }
    }
    Result<storage::ColumnDef> column = BindColumnDefinition(def);
    if (!column.ok()) return column.status();
    uint32_t index = static_cast<uint32_t>(schema.columns.size());
    if (def.auto_increment) {
      if (!def.type.IsInteger()) return Status::Error(ErrorCode::kWrongFieldSpec, def.name);
      if (auto_column >= 0) return Status::Error(ErrorCode::kWrongAutoKey);
      auto_column = static_cast<int>(index);
    }
    if (def.primary_key) {
      if (primary) return Status::Error(ErrorCode::kMultiplePriKey);
      primary = std::vector<uint32_t>{index};
    }
    if (def.unique) {
      ast::IndexDefinition unique;
      unique.kind = ast::IndexDefinition::Kind::kUnique;
      unique.columns = {def.name};
      column_unique_keys.push_back(std::move(unique));
    }
    schema.columns.push_back(std::move(*column));
  }

  for (const ast::IndexDefinition& index : stmt.indexes) {
    if (index.kind != ast::IndexDefinition::Kind::kPrimary) continue;
    for (bool descending : index.descending) {
      if (descending) return Status::Error(ErrorCode::kNotSupportedYet, "descending PRIMARY KEY");
    }
    std::vector<uint32_t> columns;
    for (const std::string& name : index.columns) {
      int column = schema.FindColumn(name);
      if (column < 0) return Status::Error(ErrorCode::kKeyColumnDoesNotExist, name);
      columns.push_back(static_cast<uint32_t>(column));
    }
    if (primary) return Status::Error(ErrorCode::kMultiplePriKey);
    primary = columns;
  }
  if (primary) {
    for (uint32_t c : *primary) {
      storage::ColumnDef& column = schema.columns[c];
      if (column.type.id == TypeId::kText || column.type.id == TypeId::kBlob) {
        return Status::Error(ErrorCode::kBlobKeyWithoutLength, column.name);
      }
      column.nullable = false;  // PRIMARY KEY columns are NOT NULL, as in MySQL
      if (column.default_value && column.default_value->is_null()) {
        return Status::Error(ErrorCode::kInvalidDefault, column.name);
      }
    }
    schema.primary_key = *primary;
  }
  // Secondary keys, named in declaration order (column-level UNIQUE first, as the
  // columns precede the table's key clauses), then kept in MySQL's display order.
  std::vector<std::string> taken;
  auto add_index = [&](const ast::IndexDefinition& definition) -> Status {
    Result<storage::IndexDef> index = BindIndexDefinition(schema, definition, taken);
    if (!index.ok()) return index.status();
    taken.push_back(index->name);
    schema.AddIndex(std::move(*index));
    return Status::OK();
  };
  for (const ast::IndexDefinition& index : column_unique_keys) {
    MINISQL_RETURN_IF_ERROR(add_index(index));
  }
  for (const ast::IndexDefinition& index : stmt.indexes) {
    if (index.kind != ast::IndexDefinition::Kind::kPrimary)
      MINISQL_RETURN_IF_ERROR(add_index(index));
  }
  // AUTO_INCREMENT must lead some key (MySQL's ER_WRONG_AUTO_KEY).
  bool auto_leads_key =
      !schema.primary_key.empty() && schema.primary_key[0] == static_cast<uint32_t>(auto_column);
  for (const storage::IndexDef& index : schema.indexes) {
    auto_leads_key = auto_leads_key || index.columns[0] == static_cast<uint32_t>(auto_column);
  }
  if (auto_column >= 0 && !auto_leads_key) return Status::Error(ErrorCode::kWrongAutoKey);
  Result<std::string> options = BindTableOptions(stmt.options, &bound.auto_increment_start);
  if (!options.ok()) return options.status();
  bound.schema.options = std::move(*options);
  return bound;
}

}  // namespace minisql::sql
