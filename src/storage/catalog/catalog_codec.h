// catalog_codec.h — the byte formats of the catalog's records.
//
// The catalog is a B+ tree (rooted at page 1) whose keys start with a record type
// letter. Names are stored as given (database and table names are case-sensitive);
// a NUL byte separates the parts of a key, which is why names may not contain NUL.
//
//   key                             value
//   ------------------------------  ---------------------------------------------
//   "D" db                          (empty) — the database exists
//   "T" db 0x00 table               table record (below)
//   "A" db 0x00 table               counters: fixed64 next AUTO_INCREMENT value,
//                                             fixed64 next hidden row id
//   "U" user 0x00 host              user record (below)
//   "Mnext_table_id"                fixed64 next table id
//
// The counters have their own record so that an INSERT bumps 16 bytes instead of
// rewriting the table definition (and the cached TableSchema stays valid).
//
// Table record (varint / fixed / string = varint length + bytes, see byte_coding.h):
//
//   field                 encoding
//   --------------------  --------------------------------------------------------
//   format version        1 byte (2; version 1 records, written before secondary
//                         indexes existed, end after `options` [+ view definition]
//                         and still decode)
//   table id              varint
//   root page             fixed32: the table's B+ tree root (never changes)
//   database, name        string, string
//   column count          varint, then per column:
//     name                  string
//     type                  1 byte TypeId, 1 byte unsigned, varint length, 1 byte scale
//     flags                 1 byte: 1 nullable, 2 auto_increment, 4 has DEFAULT,
//                                   8 DEFAULT is NULL, 16 DEFAULT CURRENT_TIMESTAMP,
//                                   32 ON UPDATE CURRENT_TIMESTAMP
//     default               a row-codec value (row_codec.h), if flags & 4 and not & 8
//   primary key           varint count, then varint column indexes
//   options               string
//   index count           varint (version 2), then per secondary index:
//     name                  string
//     unique                1 byte (0 or 1)
//     columns               varint count, then per column: varint column index,
//                           1 byte (1 = DESC)
//     root page             fixed32: the index's B+ tree root (never changes)
//   view definition       string, views only (absent for base tables)
//
// User record: string user, string host, string plugin, string auth_string, then
// optionally string privileges (absent in records written before GRANT existed).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/page/page.h"
#include "storage/storage_engine.h"

namespace minisql::storage {

/// The catalog's knowledge of one table.
struct TableEntry {
  std::shared_ptr<const TableSchema> schema;
  PageId root = kInvalidPageId;
  /// The B+ tree root of each secondary index, parallel to schema->indexes.
  std::vector<PageId> index_roots;
};

/// Per-table counters ("A" record).
struct TableCounters {
  uint64_t next_auto_increment = 1;
  uint64_t next_row_id = 1;
};

std::string DatabaseKey(const std::string& db);
std::string TableKey(const std::string& db, const std::string& table);
/// The prefix of all TableKeys of `db`.
std::string TableKeyPrefix(const std::string& db);
std::string CountersKey(const std::string& db, const std::string& table);
std::string UserKey(const std::string& user, const std::string& host);
inline constexpr std::string_view kUserKeyPrefix = "U";
inline constexpr std::string_view kDatabaseKeyPrefix = "D";
inline constexpr std::string_view kNextTableIdKey = "Mnext_table_id";

std::string EncodeTableEntry(const TableSchema& schema, PageId root,
                             const std::vector<PageId>& index_roots = {});
/// Error 1712 (catalog corrupt) if malformed.
Result<TableEntry> DecodeTableEntry(std::string_view record);

std::string EncodeCounters(const TableCounters& counters);
Result<TableCounters> DecodeCounters(std::string_view record);

std::string EncodeUser(const UserRecord& user);
Result<UserRecord> DecodeUser(std::string_view record);

std::string EncodeUint64(uint64_t v);
Result<uint64_t> DecodeUint64(std::string_view record);

/// Error 1712 naming the catalog.
Status CorruptCatalog();

}  // namespace minisql::storage
