// information_schema_tables.cc — the columns of every information_schema table, as
// MariaDB 10.11 declares them (`DESCRIBE information_schema.<t>` there), and which
// generator makes its rows. ENUM columns are VARCHARs as wide as their longest value;
// LONGTEXT and BLOB columns are TEXT.
#include <cctype>

#include "sql/information_schema/information_schema.h"

namespace minisql::sql {

namespace {

struct ColumnSpec {
  const char* name;
  ColumnType type;
  bool nullable;
};

struct TableSpec {
  const char* name;
  Result<std::vector<Row>> (*generate)(storage::StorageEngine*, storage::Transaction*);
  std::vector<ColumnSpec> columns;
  Result<std::vector<Row>> (*generate_for_session)(const EvalContext&) = nullptr;
};

ColumnType Varchar(uint32_t chars) {
  return ColumnType{TypeId::kVarchar, false, chars, 0};
}
ColumnType Text() {
  return ColumnType{TypeId::kText, false, 0, 0};
}
ColumnType Integer(TypeId id, uint32_t width, bool is_unsigned = false) {
  return ColumnType{id, is_unsigned, width, 0};
}
ColumnType DateTime(uint8_t fsp) {
  return ColumnType{TypeId::kDateTime, false, 0, fsp};
}

std::vector<TableSpec> Specs() {
  return {
      {"CHARACTER_SETS",
       &information_schema_rows::CharacterSets,
       {
           {"CHARACTER_SET_NAME", Varchar(32), false},
           {"DEFAULT_COLLATE_NAME", Varchar(64), false},
           {"DESCRIPTION", Varchar(60), false},
           {"MAXLEN", Integer(TypeId::kBigInt, 3), false},
       }},
      {"COLLATIONS",
       &information_schema_rows::Collations,
       {
           {"COLLATION_NAME", Varchar(64), false},
           {"CHARACTER_SET_NAME", Varchar(32), true},
           {"ID", Integer(TypeId::kBigInt, 11), true},
           {"IS_DEFAULT", Varchar(3), true},
           {"IS_COMPILED", Varchar(3), false},
           {"SORTLEN", Integer(TypeId::kBigInt, 3), false},
       }},
      {"COLUMNS",
       &information_schema_rows::Columns,
       {
           {"TABLE_CATALOG", Varchar(512), false},
           {"TABLE_SCHEMA", Varchar(64), false},
           {"TABLE_NAME", Varchar(64), false},
           {"COLUMN_NAME", Varchar(64), false},
           {"ORDINAL_POSITION", Integer(TypeId::kBigInt, 21, true), false},
           {"COLUMN_DEFAULT", Text(), true},
           {"IS_NULLABLE", Varchar(3), false},
           {"DATA_TYPE", Varchar(64), false},
           {"CHARACTER_MAXIMUM_LENGTH", Integer(TypeId::kBigInt, 21, true), true},
           {"CHARACTER_OCTET_LENGTH", Integer(TypeId::kBigInt, 21, true), true},
           {"NUMERIC_PRECISION", Integer(TypeId::kBigInt, 21, true), true},
           {"NUMERIC_SCALE", Integer(TypeId::kBigInt, 21, true), true},
           {"DATETIME_PRECISION", Integer(TypeId::kBigInt, 21, true), true},
           {"CHARACTER_SET_NAME", Varchar(32), true},
           {"COLLATION_NAME", Varchar(64), true},
           {"COLUMN_TYPE", Text(), false},
           {"COLUMN_KEY", Varchar(3), false},
           {"EXTRA", Varchar(80), false},
           {"PRIVILEGES", Varchar(80), false},
           {"COLUMN_COMMENT", Varchar(1024), false},
           {"IS_GENERATED", Varchar(6), false},
           {"GENERATION_EXPRESSION", Text(), true},
       }},
      {"ENGINES",
       &information_schema_rows::Engines,
       {
           {"ENGINE", Varchar(64), false},
           {"SUPPORT", Varchar(8), false},
           {"COMMENT", Varchar(160), false},
           {"TRANSACTIONS", Varchar(3), true},
           {"XA", Varchar(3), true},
           {"SAVEPOINTS", Varchar(3), true},
       }},
      {"EVENTS",
       &information_schema_rows::NoRows,
       {
           {"EVENT_CATALOG", Varchar(64), false},
           {"EVENT_SCHEMA", Varchar(64), false},
           {"EVENT_NAME", Varchar(64), false},
           {"DEFINER", Varchar(384), false},
           {"TIME_ZONE", Varchar(64), false},
           {"EVENT_BODY", Varchar(8), false},
           {"EVENT_DEFINITION", Text(), false},
           {"EVENT_TYPE", Varchar(9), false},
           {"EXECUTE_AT", DateTime(0), true},
           {"INTERVAL_VALUE", Varchar(256), true},
           {"INTERVAL_FIELD", Varchar(18), true},
           {"SQL_MODE", Varchar(8192), false},
           {"STARTS", DateTime(0), true},
           {"ENDS", DateTime(0), true},
           {"STATUS", Varchar(18), false},
           {"ON_COMPLETION", Varchar(12), false},
           {"CREATED", DateTime(0), false},
           {"LAST_ALTERED", DateTime(0), false},
           {"LAST_EXECUTED", DateTime(0), true},
           {"EVENT_COMMENT", Varchar(64), false},
           {"ORIGINATOR", Integer(TypeId::kBigInt, 10), false},
           {"CHARACTER_SET_CLIENT", Varchar(32), false},
           {"COLLATION_CONNECTION", Varchar(64), false},
           {"DATABASE_COLLATION", Varchar(64), false},
       }},
      {"FILES",
       &information_schema_rows::NoRows,
       {
           {"FILE_ID", Integer(TypeId::kBigInt, 4), false},
           {"FILE_NAME", Varchar(512), true},
           {"FILE_TYPE", Varchar(20), false},
           {"TABLESPACE_NAME", Varchar(64), true},
           {"TABLE_CATALOG", Varchar(64), false},
           {"TABLE_SCHEMA", Varchar(64), true},
           {"TABLE_NAME", Varchar(64), true},
           {"LOGFILE_GROUP_NAME", Varchar(64), true},
           {"LOGFILE_GROUP_NUMBER", Integer(TypeId::kBigInt, 4), true},
           {"ENGINE", Varchar(64), false},
           {"FULLTEXT_KEYS", Varchar(64), true},
           {"DELETED_ROWS", Integer(TypeId::kBigInt, 4), true},
           {"UPDATE_COUNT", Integer(TypeId::kBigInt, 4), true},
           {"FREE_EXTENTS", Integer(TypeId::kBigInt, 4), true},
           {"TOTAL_EXTENTS", Integer(TypeId::kBigInt, 4), true},
           {"EXTENT_SIZE", Integer(TypeId::kBigInt, 4), false},
           {"INITIAL_SIZE", Integer(TypeId::kBigInt, 21, true), true},
           {"MAXIMUM_SIZE", Integer(TypeId::kBigInt, 21, true), true},
           {"AUTOEXTEND_SIZE", Integer(TypeId::kBigInt, 21, true), true},
           {"CREATION_TIME", DateTime(0), true},
           {"LAST_UPDATE_TIME", DateTime(0), true},
           {"LAST_ACCESS_TIME", DateTime(0), true},
           {"RECOVER_TIME", Integer(TypeId::kBigInt, 4), true},
           {"TRANSACTION_COUNTER", Integer(TypeId::kBigInt, 4), true},
           {"VERSION", Integer(TypeId::kBigInt, 21, true), true},
           {"ROW_FORMAT", Varchar(10), true},
           {"TABLE_ROWS", Integer(TypeId::kBigInt, 21, true), true},
           {"AVG_ROW_LENGTH", Integer(TypeId::kBigInt, 21, true), true},
           {"DATA_LENGTH", Integer(TypeId::kBigInt, 21, true), true},
           {"MAX_DATA_LENGTH", Integer(TypeId::kBigInt, 21, true), true},
           {"INDEX_LENGTH", Integer(TypeId::kBigInt, 21, true), true},
           {"DATA_FREE", Integer(TypeId::kBigInt, 21, true), true},
           {"CREATE_TIME", DateTime(0), true},
           {"UPDATE_TIME", DateTime(0), true},
           {"CHECK_TIME", DateTime(0), true},
           {"CHECKSUM", Integer(TypeId::kBigInt, 21, true), true},
           {"STATUS", Varchar(20), false},
           {"EXTRA", Varchar(255), true},
       }},
      {"KEY_COLUMN_USAGE",
       &information_schema_rows::KeyColumnUsage,
       {
           {"CONSTRAINT_CATALOG", Varchar(512), false},
           {"CONSTRAINT_SCHEMA", Varchar(64), false},
           {"CONSTRAINT_NAME", Varchar(64), false},
           {"TABLE_CATALOG", Varchar(512), false},
           {"TABLE_SCHEMA", Varchar(64), false},
           {"TABLE_NAME", Varchar(64), false},
           {"COLUMN_NAME", Varchar(64), false},
           {"ORDINAL_POSITION", Integer(TypeId::kBigInt, 10), false},
           {"POSITION_IN_UNIQUE_CONSTRAINT", Integer(TypeId::kBigInt, 10), true},
           {"REFERENCED_TABLE_SCHEMA", Varchar(64), true},
           {"REFERENCED_TABLE_NAME", Varchar(64), true},
           {"REFERENCED_COLUMN_NAME", Varchar(64), true},
       }},
      // MySQL's eight columns (MariaDB adds TIME_MS, STAGE, PROGRESS ... after them).
      {"PROCESSLIST",
       nullptr,
       {
           {"ID", Integer(TypeId::kBigInt, 4), false},
           {"USER", Varchar(128), false},
           {"HOST", Varchar(64), false},
           {"DB", Varchar(64), true},
           {"COMMAND", Varchar(16), false},
           {"TIME", Integer(TypeId::kInt, 7), false},
           {"STATE", Varchar(64), true},
           {"INFO", Text(), true},
       },
       &information_schema_rows::ProcessList},
      {"REFERENTIAL_CONSTRAINTS",
       &information_schema_rows::NoRows,
       {
           {"CONSTRAINT_CATALOG", Varchar(512), false},
           {"CONSTRAINT_SCHEMA", Varchar(64), false},
           {"CONSTRAINT_NAME", Varchar(64), false},
           {"UNIQUE_CONSTRAINT_CATALOG", Varchar(512), false},
           {"UNIQUE_CONSTRAINT_SCHEMA", Varchar(64), false},
           {"UNIQUE_CONSTRAINT_NAME", Varchar(64), true},
           {"MATCH_OPTION", Varchar(64), false},
           {"UPDATE_RULE", Varchar(64), false},
           {"DELETE_RULE", Varchar(64), false},
           {"TABLE_NAME", Varchar(64), false},
           {"REFERENCED_TABLE_NAME", Varchar(64), true},
       }},
      {"ROUTINES",
       &information_schema_rows::NoRows,
       {
           {"SPECIFIC_NAME", Varchar(64), false},
           {"ROUTINE_CATALOG", Varchar(512), false},
           {"ROUTINE_SCHEMA", Varchar(64), false},
           {"ROUTINE_NAME", Varchar(64), false},
           {"ROUTINE_TYPE", Varchar(13), false},
           {"DATA_TYPE", Varchar(64), false},
           {"CHARACTER_MAXIMUM_LENGTH", Integer(TypeId::kInt, 21), true},
           {"CHARACTER_OCTET_LENGTH", Integer(TypeId::kInt, 21), true},
           {"NUMERIC_PRECISION", Integer(TypeId::kInt, 21), true},
           {"NUMERIC_SCALE", Integer(TypeId::kInt, 21), true},
           {"DATETIME_PRECISION", Integer(TypeId::kBigInt, 21, true), true},
           {"CHARACTER_SET_NAME", Varchar(64), true},
           {"COLLATION_NAME", Varchar(64), true},
           {"DTD_IDENTIFIER", Text(), true},
           {"ROUTINE_BODY", Varchar(8), false},
           {"ROUTINE_DEFINITION", Text(), true},
           {"EXTERNAL_NAME", Varchar(64), true},
           {"EXTERNAL_LANGUAGE", Varchar(64), true},
           {"PARAMETER_STYLE", Varchar(8), false},
           {"IS_DETERMINISTIC", Varchar(3), false},
           {"SQL_DATA_ACCESS", Varchar(64), false},
           {"SQL_PATH", Varchar(64), true},
           {"SECURITY_TYPE", Varchar(7), false},
           {"CREATED", DateTime(0), false},
           {"LAST_ALTERED", DateTime(0), false},
           {"SQL_MODE", Varchar(8192), false},
           {"ROUTINE_COMMENT", Text(), false},
           {"DEFINER", Varchar(384), false},
           {"CHARACTER_SET_CLIENT", Varchar(32), false},
           {"COLLATION_CONNECTION", Varchar(64), false},
           {"DATABASE_COLLATION", Varchar(64), false},
       }},
      {"SCHEMATA",
       &information_schema_rows::Schemata,
       {
           {"CATALOG_NAME", Varchar(512), false},
           {"SCHEMA_NAME", Varchar(64), false},
           {"DEFAULT_CHARACTER_SET_NAME", Varchar(32), false},
           {"DEFAULT_COLLATION_NAME", Varchar(64), false},
           {"SQL_PATH", Varchar(512), true},
           {"SCHEMA_COMMENT", Varchar(1024), false},
       }},
      {"STATISTICS",
       &information_schema_rows::Statistics,
       {
           {"TABLE_CATALOG", Varchar(512), false},
           {"TABLE_SCHEMA", Varchar(64), false},
           {"TABLE_NAME", Varchar(64), false},
           {"NON_UNIQUE", Integer(TypeId::kBigInt, 1), false},
           {"INDEX_SCHEMA", Varchar(64), false},
           {"INDEX_NAME", Varchar(64), false},
           {"SEQ_IN_INDEX", Integer(TypeId::kInt, 2, true), false},
           {"COLUMN_NAME", Varchar(64), false},
           {"COLLATION", Varchar(1), true},
           {"CARDINALITY", Integer(TypeId::kBigInt, 21), true},
           {"SUB_PART", Integer(TypeId::kBigInt, 3), true},
           {"PACKED", Varchar(10), true},
           {"NULLABLE", Varchar(3), false},
           {"INDEX_TYPE", Varchar(16), false},
           {"COMMENT", Varchar(16), true},
           {"INDEX_COMMENT", Varchar(1024), false},
           {"IGNORED", Varchar(3), false},
       }},
      {"TABLES",
       &information_schema_rows::Tables,
       {
           {"TABLE_CATALOG", Varchar(512), false},
           {"TABLE_SCHEMA", Varchar(64), false},
           {"TABLE_NAME", Varchar(64), false},
           {"TABLE_TYPE", Varchar(64), false},
           {"ENGINE", Varchar(64), true},
           {"VERSION", Integer(TypeId::kBigInt, 21, true), true},
           {"ROW_FORMAT", Varchar(10), true},
           {"TABLE_ROWS", Integer(TypeId::kBigInt, 21, true), true},
           {"AVG_ROW_LENGTH", Integer(TypeId::kBigInt, 21, true), true},
           {"DATA_LENGTH", Integer(TypeId::kBigInt, 21, true), true},
           {"MAX_DATA_LENGTH", Integer(TypeId::kBigInt, 21, true), true},
           {"INDEX_LENGTH", Integer(TypeId::kBigInt, 21, true), true},
           {"DATA_FREE", Integer(TypeId::kBigInt, 21, true), true},
           {"AUTO_INCREMENT", Integer(TypeId::kBigInt, 21, true), true},
           {"CREATE_TIME", DateTime(0), true},
           {"UPDATE_TIME", DateTime(0), true},
           {"CHECK_TIME", DateTime(0), true},
           {"TABLE_COLLATION", Varchar(64), true},
           {"CHECKSUM", Integer(TypeId::kBigInt, 21, true), true},
           {"CREATE_OPTIONS", Varchar(2048), true},
           {"TABLE_COMMENT", Varchar(2048), false},
           {"MAX_INDEX_LENGTH", Integer(TypeId::kBigInt, 21, true), true},
           {"TEMPORARY", Varchar(1), true},
       }},
      {"TABLE_CONSTRAINTS",
       &information_schema_rows::TableConstraints,
       {
           {"CONSTRAINT_CATALOG", Varchar(512), false},
           {"CONSTRAINT_SCHEMA", Varchar(64), false},
           {"CONSTRAINT_NAME", Varchar(64), false},
           {"TABLE_SCHEMA", Varchar(64), false},
           {"TABLE_NAME", Varchar(64), false},
           {"CONSTRAINT_TYPE", Varchar(64), false},
       }},
      {"TRIGGERS",
       &information_schema_rows::NoRows,
       {
           {"TRIGGER_CATALOG", Varchar(512), false},
           {"TRIGGER_SCHEMA", Varchar(64), false},
           {"TRIGGER_NAME", Varchar(64), false},
           {"EVENT_MANIPULATION", Varchar(6), false},
           {"EVENT_OBJECT_CATALOG", Varchar(512), false},
           {"EVENT_OBJECT_SCHEMA", Varchar(64), false},
           {"EVENT_OBJECT_TABLE", Varchar(64), false},
           {"ACTION_ORDER", Integer(TypeId::kBigInt, 4), false},
           {"ACTION_CONDITION", Text(), true},
           {"ACTION_STATEMENT", Text(), true},
           {"ACTION_ORIENTATION", Varchar(9), false},
           {"ACTION_TIMING", Varchar(6), false},
           {"ACTION_REFERENCE_OLD_TABLE", Varchar(64), true},
           {"ACTION_REFERENCE_NEW_TABLE", Varchar(64), true},
           {"ACTION_REFERENCE_OLD_ROW", Varchar(3), false},
           {"ACTION_REFERENCE_NEW_ROW", Varchar(3), false},
           {"CREATED", DateTime(2), true},
           {"SQL_MODE", Varchar(8192), false},
           {"DEFINER", Varchar(384), true},
           {"CHARACTER_SET_CLIENT", Varchar(32), false},
           {"COLLATION_CONNECTION", Varchar(64), false},
           {"DATABASE_COLLATION", Varchar(64), false},
       }},
      {"VIEWS",
       &information_schema_rows::Views,
       {
           {"TABLE_CATALOG", Varchar(512), false},
           {"TABLE_SCHEMA", Varchar(64), false},
           {"TABLE_NAME", Varchar(64), false},
           {"VIEW_DEFINITION", Text(), false},
           {"CHECK_OPTION", Varchar(8), false},
           {"IS_UPDATABLE", Varchar(3), false},
           {"DEFINER", Varchar(384), false},
           {"SECURITY_TYPE", Varchar(7), false},
           {"CHARACTER_SET_CLIENT", Varchar(32), false},
           {"COLLATION_CONNECTION", Varchar(64), false},
           {"ALGORITHM", Varchar(10), false},
       }},
  };
}

// Built once; immutable afterwards (a function-local static, not mutable state).
const std::vector<InformationSchemaTable>& AllTables() {
  static const std::vector<InformationSchemaTable> tables = [] {
    std::vector<InformationSchemaTable> built;
    for (const TableSpec& spec : Specs()) {
      auto schema = std::make_shared<storage::TableSchema>();
      schema->database = kInformationSchema;
      schema->name = spec.name;
      for (const ColumnSpec& column : spec.columns) {
        storage::ColumnDef def;
        def.name = column.name;
        def.type = column.type;
        def.nullable = column.nullable;
        if (column.nullable) def.default_value = Value::Null();
        schema->columns.push_back(std::move(def));
      }
      built.push_back(
          InformationSchemaTable{std::move(schema), spec.generate, spec.generate_for_session});
    }
    return built;
  }();
  return tables;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool IsInformationSchema(std::string_view database) {
  return EqualsIgnoreCase(database, kInformationSchema);
}

Result<const InformationSchemaTable*> FindInformationSchemaTable(std::string_view name) {
  for (const InformationSchemaTable& table : AllTables()) {
    if (EqualsIgnoreCase(table.schema->name, name)) return &table;
  }
  return Status::Error(ErrorCode::kUnknownTable, std::string(name), kInformationSchema);
}

std::vector<std::string> InformationSchemaTableNames() {
  std::vector<std::string> names;
  for (const InformationSchemaTable& table : AllTables()) names.push_back(table.schema->name);
  return names;
}

}  // namespace minisql::sql
