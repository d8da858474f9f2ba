// index_row_cursor.h — the RowCursor behind StorageEngine::ScanIndex.
//
// Under MVCC an index scan cannot simply walk the index tree: the tree holds the
// latest COMMITTED entries, while the transaction must see its snapshot and its own
// uncommitted changes. BTreeStorageEngine::ScanIndex (engine/index_operations.cc)
// therefore collects the visible rows of the range up front, sorted by their index
// key, and this cursor hands them out in that order:
//
//   index key (index_key_codec.h, ends with the clustered key) ──► (clustered key, row)
#pragma once

#include <map>
#include <string>
#include <utility>

#include "storage/storage_engine.h"

namespace minisql::storage {

class IndexRowCursor : public RowCursor {
 public:
  /// Index key -> (clustered key, row); index keys are unique (they end with the
  /// clustered key), so the map order is the index order.
  using Rows = std::map<std::string, std::pair<RowId, Row>>;

  explicit IndexRowCursor(Rows rows) : rows_(std::move(rows)), next_(rows_.begin()) {}

  Result<bool> Next(Row* row, RowId* id) override;

 private:
  Rows rows_;
  Rows::iterator next_;
};

}  // namespace minisql::storage
