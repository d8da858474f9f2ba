// btree_cursor.h — in-order iteration over a B+ tree's entries, safe against a
// concurrent writer.
//
// BTree::Seek(lower) descends to the leaf where `lower` would be and positions the
// cursor before the first key >= lower; Next() then yields entries in key order,
// following the leaves' right-sibling links (empty leaves left by deletes are
// stepped over). The cursor stops only at the end of the tree: the caller decides
// where its range ends.
//
// The cursor copies one leaf page at a time (one memcpy into a buffer it reuses,
// under the leaf's shared latch) and holds no pin or latch between calls, so an open
// cursor never keeps pages from being evicted nor the writer from changing them.
// Entries are decoded from that copy only when Next() reaches them, so a point lookup
// that reads one entry pays for one.
//
// The tree may change between (and during) calls: the one writer applies commits
// while readers run (btree.h, docs/storage.md "Page latches"). With the copy the
// cursor remembers the leaf's page id and frame VERSION (buffer_pool.h: renewed by
// every exclusive latch). Moving on from a leaf:
//
//   latch the copied leaf (shared) ── same version? ──yes──► read its live right link,
//        │                                                   latch the right leaf, THEN
//        no (changed, split, merged, freed, evicted)         let go of the left one
//        ▼                                                   (latch coupling, always
//   RE-SEEK: descend from the root to the first key          left to right: the
//   after the last one returned                              writer never waits for a
//                                                            left page while holding
//                                                            a right one)
//
// A value in an overflow chain is read the same way: under the leaf's shared latch if
// its version is unchanged (then the chain is still the cell's), else after a re-seek.
// So every entry returned was in the tree at the moment it was read, keys strictly
// increase, and a freed or reused page is never followed. Which VERSION of a row a
// transaction may see is the MVCC layer's business (engine/mvcc_row_cursor.h).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "storage/pager/pager.h"

namespace minisql::storage {

class BTreeCursor {
 public:
  BTreeCursor(Pager* pager, PageId root) : pager_(pager), root_(root) {}

  /// Positions before the first entry whose key is >= `lower` (BTree::Seek).
  Status Start(std::string_view lower);

  /// Moves to the next entry and copies it out. Returns false at the end of the tree.
  Result<bool> Next(std::string* key, std::string* value);

 private:
  /// Copies the latched leaf and positions at its first key >= `from` (> when
  /// `exclusive`).
  Status Load(const PageGuard& leaf, std::string_view from, bool exclusive);
  /// Descends from the root again to the first key after the last one returned (or
  /// >= `key` when `inclusive`).
  Status Reseek(const std::string& key, bool inclusive);
  /// The copied leaf is used up: moves to its right sibling (or re-seeks). Sets *end
  /// at the end of the tree.
  Status NextLeaf(bool* end);

  Pager* pager_;
  PageId root_;
  std::string leaf_;           // the current leaf page's content (a BTreeNode), copied
  PageId leaf_id_ = 0;         // its page id
  uint64_t leaf_version_ = 0;  // its frame version when copied
  size_t next_ = 0;            // the next entry of leaf_ to return
  size_t count_ = 0;           // the number of entries in leaf_
  std::string resume_;         // the last key returned, else the lower bound
  bool returned_any_ = false;
  uint64_t leaves_visited_ = 0;
};

}  // namespace minisql::storage
