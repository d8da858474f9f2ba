// index_row_cursor.h — the RowCursor behind StorageEngine::ScanIndex.
//
// Walks a secondary index tree between two encoded bounds (prefixes of the index key,
// index_key_codec.h) and, for each entry, fetches the full row from the table tree by
// the clustered key stored as the entry's value:
//
//   index tree:  [01 'ab' | id 7] → id 7  ──Get(id 7)──►  table tree: id 7 → row
//
// Bounds work as in TableRowCursor: an inclusive lower bound starts at the first key
// >= prefix, an exclusive one also skips keys starting with it; an inclusive upper
// bound stops at the first key above the prefix that does not start with it, an
// exclusive one at the first key >= prefix.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "storage/btree/btree.h"
#include "storage/btree/btree_cursor.h"
#include "storage/storage_engine.h"

namespace minisql::storage {

class IndexRowCursor : public RowCursor {
 public:
  struct EncodedBound {
    std::string prefix;
    bool inclusive = true;
  };

  IndexRowCursor(std::shared_ptr<const TableSchema> schema, BTree table,
                 std::unique_ptr<BTreeCursor> index_cursor, std::optional<EncodedBound> lower,
                 std::optional<EncodedBound> upper)
      : schema_(std::move(schema)),
        table_(table),
        cursor_(std::move(index_cursor)),
        lower_(std::move(lower)),
        upper_(std::move(upper)) {}

  Result<bool> Next(Row* row, RowId* id) override;

 private:
  std::shared_ptr<const TableSchema> schema_;
  BTree table_;
  std::unique_ptr<BTreeCursor> cursor_;
  std::optional<EncodedBound> lower_;
  std::optional<EncodedBound> upper_;
  bool done_ = false;
};

}  // namespace minisql::storage
