// btree_cursor.h — in-order iteration over a B+ tree's entries.
//
// BTree::Seek(lower) descends to the leaf where `lower` would be and positions the
// cursor before the first key >= lower; Next() then yields entries in key order,
// following the leaves' right-sibling links (empty leaves left by deletes are
// stepped over). The cursor stops only at the end of the tree: the caller decides
// where its range ends.
//
// The cursor copies one leaf page at a time (one memcpy into a buffer it reuses) and
// holds no page pin between calls, so an open cursor never keeps pages from being
// evicted. Entries are decoded from that copy only when Next() reaches them, so a
// point lookup that reads one entry pays for one; a long value is read from its
// overflow chain then too. The tree must not change while the cursor is open (the
// storage engine's contract for RowCursor).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "storage/pager/pager.h"

namespace minisql::storage {

class BTreeCursor {
 public:
  explicit BTreeCursor(Pager* pager) : pager_(pager) {}

  /// Moves to the next entry and copies it out. Returns false at the end of the tree.
  Result<bool> Next(std::string* key, std::string* value);

  /// Loads leaf `id`'s entries with keys >= `lower` (BTree::Seek's first step).
  Status LoadLeaf(PageId id, std::string_view lower);

 private:
  Pager* pager_;
  std::string leaf_;      // the current leaf page's content (a BTreeNode), copied
  size_t next_ = 0;       // the next entry of leaf_ to return
  size_t count_ = 0;      // the number of entries in leaf_
  PageId next_leaf_ = 0;  // the loaded leaf's right sibling, 0 = none
  uint64_t leaves_visited_ = 0;
};

}  // namespace minisql::storage
