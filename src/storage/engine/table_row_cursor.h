// table_row_cursor.h — the RowCursor behind StorageEngine::Scan.
//
// A table scan is a B+ tree cursor plus the KeyRange's bounds as encoded key
// prefixes (key_codec.h makes a prefix of the key columns a byte prefix of the key):
//
//   lower, inclusive:  start at the first key >= prefix
//   lower, exclusive:  as above, then skip keys that start with prefix
//   upper, inclusive:  stop at the first key > prefix that does not start with prefix
//   upper, exclusive:  stop at the first key >= prefix
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "storage/btree/btree_cursor.h"
#include "storage/storage_engine.h"

namespace minisql::storage {

class TableRowCursor : public RowCursor {
 public:
  struct EncodedBound {
    std::string prefix;
    bool inclusive = true;
  };

  TableRowCursor(std::shared_ptr<const TableSchema> schema, std::unique_ptr<BTreeCursor> cursor,
                 std::optional<EncodedBound> lower, std::optional<EncodedBound> upper)
      : schema_(std::move(schema)),
        cursor_(std::move(cursor)),
        lower_(std::move(lower)),
        upper_(std::move(upper)) {}

  Result<bool> Next(Row* row, RowId* id) override;

 private:
  std::shared_ptr<const TableSchema> schema_;
  std::unique_ptr<BTreeCursor> cursor_;
  std::optional<EncodedBound> lower_;  // only consulted while skipping an exclusive bound
  std::optional<EncodedBound> upper_;
  bool done_ = false;
};

}  // namespace minisql::storage
