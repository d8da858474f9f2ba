// information_schema.h — the read-only `information_schema` database: tables whose
// rows are generated from the catalog each time a statement reads them.
//
// Nothing of information_schema is stored. Each of its tables is described here by
// its columns (named and typed as MariaDB 10.11 declares them, so clients that parse
// them, such as mysqldump, mycli and SQLAlchemy, see what they expect) and a row
// generator that walks the catalog through the StorageEngine API.
//
//   SELECT ... FROM information_schema.TABLES WHERE table_schema = DATABASE()
//     binder:   BindFrom sees database information_schema ──► BoundTable whose
//               derived_plan is an InformationSchemaScanPlan (plan_nodes.h)
//     planner:  treats it like any derived table (DerivedTablePlan), so WHERE,
//               ORDER BY, GROUP BY and joins work unchanged
//     executor: InformationSchemaScanExecutor::Init calls GenerateRows() under the
//               statement's transaction: the rows are a consistent snapshot
//
// Writes (INSERT/UPDATE/DELETE, CREATE/DROP/ALTER, LOCK TABLES) into the database
// answer 1044 as MariaDB does; the session layer checks that before binding.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "sql/expression/expression.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

/// The database's name as MariaDB spells it in its own listings.
inline constexpr const char* kInformationSchema = "information_schema";

/// True when `database` names information_schema (case-insensitive, as in MariaDB).
bool IsInformationSchema(std::string_view database);

/// One information_schema table.
struct InformationSchemaTable {
  /// The table's schema (database "information_schema"), for binding and DESCRIBE.
  std::shared_ptr<const storage::TableSchema> schema;
  /// Builds every row from the catalog, in the transaction `txn`.
  Result<std::vector<Row>> (*generate)(storage::StorageEngine* storage,
                                       storage::Transaction* txn) = nullptr;
  /// Tables about sessions rather than the catalog (PROCESSLIST) use this instead.
  Result<std::vector<Row>> (*generate_for_session)(const EvalContext& session) = nullptr;
};

/// The table called `name` (case-insensitive), or 1109 "Unknown table 'x' in
/// information_schema".
Result<const InformationSchemaTable*> FindInformationSchemaTable(std::string_view name);

/// Every table's name in upper case, in the order SHOW TABLES lists them.
std::vector<std::string> InformationSchemaTableNames();

/// Rows of each table (information_schema_rows.cc); `generate` points at these.
namespace information_schema_rows {
Result<std::vector<Row>> Schemata(storage::StorageEngine* storage, storage::Transaction* txn);
Result<std::vector<Row>> Tables(storage::StorageEngine* storage, storage::Transaction* txn);
Result<std::vector<Row>> Columns(storage::StorageEngine* storage, storage::Transaction* txn);
Result<std::vector<Row>> Statistics(storage::StorageEngine* storage, storage::Transaction* txn);
Result<std::vector<Row>> KeyColumnUsage(storage::StorageEngine* storage, storage::Transaction* txn);
Result<std::vector<Row>> TableConstraints(storage::StorageEngine* storage,
                                          storage::Transaction* txn);
Result<std::vector<Row>> Views(storage::StorageEngine* storage, storage::Transaction* txn);
Result<std::vector<Row>> Engines(storage::StorageEngine* storage, storage::Transaction* txn);
Result<std::vector<Row>> CharacterSets(storage::StorageEngine* storage, storage::Transaction* txn);
Result<std::vector<Row>> Collations(storage::StorageEngine* storage, storage::Transaction* txn);
/// The sessions the reader may see (EvalContext::ProcessListRows).
Result<std::vector<Row>> ProcessList(const EvalContext& session);
/// Tables of objects minisql does not have (triggers, routines, events, foreign keys,
/// partitions, tablespace files): no rows, but the columns clients select.
Result<std::vector<Row>> NoRows(storage::StorageEngine* storage, storage::Transaction* txn);
}  // namespace information_schema_rows

}  // namespace minisql::sql
