// write_set.h — a transaction's private, not yet committed changes (deferred update).
//
// INSERT, UPDATE and DELETE do not touch the B+ trees: after taking the row's
// exclusive lock they record the row's new state here, per table and key:
//
//   table id ──► { encoded key ──► new encoded row | delete marker (nullopt) }
//
// Reads of the same transaction overlay these entries on what they read from the
// trees (a transaction sees its own changes); COMMIT applies them to the trees in one
// pager transaction. Nobody else ever sees them, so nothing uncommitted is visible or
// durable.
//
// Every Put also appends to an undo list what the entry was before, so a savepoint is
// simply a position in that list, and rolling back to it (ROLLBACK TO SAVEPOINT, or a
// failed statement undoing only itself) pops entries back to that position:
//
//   undo: [ (t1,k1, absent) | (t1,k2, row v1) | (t1,k1, row a) ] ◄── Savepoint() == 3
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/storage_engine.h"

namespace minisql::storage {

class WriteSet {
 public:
  /// A pending change: the new encoded row, or nullopt for "deleted".
  using Change = std::optional<std::string>;
  struct TableWrites {
    std::shared_ptr<const TableSchema> schema;  // to find the tree again at commit
    std::map<std::string, Change> rows;         // encoded key -> change, in key order
  };

  /// Records that `key` of `table_id` now reads as `change`.
  void Put(uint64_t table_id, std::shared_ptr<const TableSchema> schema, const std::string& key,
           Change change);
  /// This transaction's change to `key`, or null if it has none.
  const Change* Find(uint64_t table_id, const std::string& key) const;
  /// The changes to one table (null if none), for scans and commit.
  const TableWrites* Table(uint64_t table_id) const;
  const std::map<uint64_t, TableWrites>& tables() const { return tables_; }
  bool empty() const;

  /// A position to roll back to.
  size_t Savepoint() const { return undo_.size(); }
  /// Undoes every Put made after `savepoint` (newest first).
  void RollbackTo(size_t savepoint);
  void Clear();

 private:
  struct Undo {
    uint64_t table_id;
    std::string key;
    bool had_change;  // false: the key had no entry before this Put
    Change previous;
  };
  std::map<uint64_t, TableWrites> tables_;
  std::vector<Undo> undo_;
};

}  // namespace minisql::storage
