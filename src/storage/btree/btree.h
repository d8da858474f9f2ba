// btree.h — a B+ tree of byte-string keys and values on pager pages.
//
// Every table is one B+ tree keyed by its encoded primary key (storage/table/
// key_codec.h) with the encoded row as the value; the catalog is one more tree, rooted
// at page 1. Keys are unique and compared with memcmp. Nodes are slotted pages
// (btree_node.h): internal nodes route, leaves hold the entries and are linked left to
// right for range scans (btree_cursor.h).
//
//                        [ root (internal) ]
//                       /         |          \   .
//              [leaf] ──────► [leaf] ──────► [leaf] ──► 0
//
// The root page id never changes, so the catalog can record it once per table. When
// the root overflows, its entries move into two new children and the root becomes an
// internal node above them:
//
//   before:  root = [a b c d e +f]      after:  root = [d]          (same page id)
//                                                 /     \   .
//                                             [a b c] ─► [d e f]    (new pages)
//
// Below the root a full node splits in place: its left half stays, its right half
// moves to a new page, and the separator goes up into the parent (which may split in
// turn). A leaf's separator is the first key of its right half; an internal node's
// middle key moves up.
//
// Entry size: a leaf cell (key + value + a few bytes) may take at most a quarter of a
// node (kMaxCellSize), so any full node splits into two halves that fit. A value that
// would make its cell larger moves to a chain of overflow pages (overflow.h) and the
// cell keeps only the key, the value's length and the chain's first page id. Insert,
// Update, Delete and Drop write and free chains in the same PagerTxn as the cells, so
// rollback and recovery cover them. Keys never overflow: a key longer than kMaxKeySize
// is refused with ER_TOO_BIG_ROWSIZE (1118).
//
// Deletes keep the tree balanced (btree_rebalance.cc). Fill is measured in bytes
// (cells + slots, variable-size entries), and every node except the root must stay at
// least a quarter full (kMinFillBytes). When a delete (or an Update to a shorter
// value) leaves a node below that, it is rebalanced with an adjacent sibling under the
// same parent:
//
//   both fit in one node?  ── yes ──► MERGE: the right node's entries move into the
//        │                             left node, the right page goes to the free list,
//        │                             the separator leaves the parent
//        no
//        └──────────────────────────► REDISTRIBUTE: the entries of both are split
//                                      evenly again (same cut as a split), the parent
//                                      gets the new separator
//
// (For internal nodes the parent's separator is pulled down between the two nodes'
// entries first, exactly as a split pushes one up.) The parent may now be underfull in
// turn, and the rebalancing climbs. When the root is an internal node left with a
// single child, the tree shrinks by one level: the child's page is copied into the
// root page (the root's id never changes) and the child page is freed. Deleting every
// entry therefore leaves one empty root leaf, and the freed pages are reused by later
// inserts.
//
// All changes happen inside a PagerTxn, so an aborted transaction restores every page
// a failed operation half-modified. Reads use Pager::FetchPage and see the current
// transaction's own changes. A BTree object is a cheap handle (pager + root id).
//
// Concurrency: latch crabbing (page latches, buffer_pool.h; the whole protocol is drawn
// in docs/storage.md, "Page latches"). There is one writer at a time (the storage
// engine's writer mutex) and any number of readers.
//   * Readers (Get, Seek, cursors) take SHARED latches top-down, releasing the parent
//     once the child is latched; a cursor moves leaf to leaf left to right holding the
//     left leaf until the right one is latched (btree_cursor.h).
//   * The writer (Insert/Update/Delete) takes EXCLUSIVE latches top-down and releases
//     every ancestor as soon as it latches a SAFE node: one with room for any one more
//     cell (inserts) and, for deletes and updates, also enough fill to lose any one cell
//     (IsSafe). A split or merge therefore only climbs through nodes it still holds,
//     and nothing is ever latched bottom-up. Siblings are latched under their
//     exclusively latched parent, always left before right: the writer lets go of a
//     right node before latching its left sibling (btree_rebalance.cc), so it cannot
//     deadlock with a cursor holding the left leaf and waiting for the right one.
//   * Every latch of one operation is released when it returns (OperationLatches).
// Rule: top-down, then left to right; never wait for a latch above or to the left of
// one you hold.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/btree/btree_node.h"
#include "storage/pager/pager.h"

namespace minisql::storage {

class BTreeCursor;

class BTree {
 public:
  /// The largest leaf cell (key + value + header + slot), a quarter of a node.
  static constexpr size_t kMaxCellSize = BTreeNode::kMaxCellSize;
  /// The longest key: its cell must fit with the longest value-length varint (10
  /// bytes), a 2-byte key-length varint, a slot and an overflow page id.
  static constexpr size_t kMaxKeySize =
      kMaxCellSize - BTreeNode::kSlotSize - 2 - 10 - BTreeNode::kOverflowRefSize;
  /// Deepest tree a descent follows before declaring the tree corrupt (a cycle).
  static constexpr int kMaxDepth = 32;
  /// Bytes a node's cells and slots can take (the content minus the node header).
  static constexpr size_t kNodeCapacity = kPageContentSize - BTreeNode::kHeaderSize;
  /// Every node but the root holds at least this many bytes of cells and slots.
  static constexpr size_t kMinFillBytes = kNodeCapacity / 4;
  /// Bytes of cells and slots in `node` (what kMinFillBytes limits).
  static size_t FillBytes(const BTreeNode& node) {
    return node.UsedSpace() - BTreeNode::kHeaderSize;
  }

  BTree(Pager* pager, PageId root) : pager_(pager), root_(root) {}

  /// Allocates a page and makes it the root of a new, empty tree.
  static Result<PageId> Create(Pager* pager, PagerTxn* txn);
  /// Formats an already allocated page as an empty tree's root leaf.
  static void FormatEmptyRoot(WritePageGuard* page);
  /// True if the entry can be stored, i.e. its key is at most kMaxKeySize bytes (else
  /// Insert/Update answer 1118). Values of any length can (see overflow.h).
  static bool EntryFits(std::string_view key, std::string_view value);

  PageId root() const { return root_; }

  /// The value stored under `key`, or nullopt.
  Result<std::optional<std::string>> Get(std::string_view key);
  /// Adds the entry. Returns false (and changes nothing) if `key` already exists.
  Result<bool> Insert(PagerTxn* txn, std::string_view key, std::string_view value);
  /// Replaces the value of `key`. Returns false if there is no such key.
  Result<bool> Update(PagerTxn* txn, std::string_view key, std::string_view value);
  /// Removes `key`. Returns false if there is no such key.
  Result<bool> Delete(PagerTxn* txn, std::string_view key);

  /// A cursor positioned before the first entry whose key is >= `lower` ("" = all).
  Result<std::unique_ptr<BTreeCursor>> Seek(std::string_view lower);

  /// Walks the whole tree checking node format, key order, separator bounds, equal
  /// leaf depth, the leaf sibling chain and fill (every non-root node at least
  /// kMinFillBytes, an internal root with at least one key). Returns the number of
  /// entries.
  Result<uint64_t> CheckIntegrity();
  /// Frees every page of the tree, root included. The handle is unusable afterwards.
  Status Drop(PagerTxn* txn);

  /// A read-only pinned node, validated. Error 1712 if the page is not a sane node.
  static Result<PageGuard> FetchNode(Pager* pager, PageId id);

  /// The leaf that may hold `key`, latched shared (readers' latch crabbing).
  Result<PageGuard> DescendToLeaf(std::string_view key);

 private:
  struct PathStep {
    PageId page;
    size_t child_index;  // which child of `page` the descent followed
  };
  /// What a write does to the leaf, deciding which nodes are safe to pass.
  enum class WriteIntent { kInsert, kDelete };  // kDelete also covers Update
  static bool IsSafe(const BTreeNode& node, WriteIntent intent);
  /// A node's entries taken out of its page, to be redistributed by a split.
  struct NodeImage;

  /// Descends from the root to the leaf that may hold `key` with exclusive latch
  /// crabbing, recording the path (the nodes still latched are its unsafe tail).
  Result<PageId> FindLeafForWrite(PagerTxn* txn, std::string_view key, WriteIntent intent,
                                  std::vector<PathStep>* path);
  Status InsertIntoParent(PagerTxn* txn, std::vector<PathStep>* path, std::string separator,
                          PageId right);
  /// The bytes a leaf cell stores for `value`: the value itself, or the first page id of
  /// a new overflow chain holding it.
  Result<std::string> StoreValue(PagerTxn* txn, std::string_view key, std::string_view value);
  /// The full value of leaf cell `index` (read from its overflow chain if it has one).
  Result<std::string> LoadValue(const BTreeNode& node, size_t index);
  /// Frees the overflow chain of leaf cell `index`, if it has one.
  Status FreeValue(PagerTxn* txn, const BTreeNode& node, size_t index);
  /// Splits the (full) node in `page` whose entries with the new one are `image`.
  Status SplitNode(PagerTxn* txn, std::vector<PathStep>* path, WritePageGuard page,
                   const NodeImage& image);
  /// After node `id` (reached through `path`) lost bytes: merges or redistributes it
  /// with a sibling while it is underfull, climbing; shrinks the root (btree_rebalance.cc).
  Status Rebalance(PagerTxn* txn, std::vector<PathStep>* path, PageId id);
  /// Rebalances the underfull non-root node that is child `child_index` of `parent`.
  /// Sets `*parent_changed` when the parent lost bytes (and may be underfull now).
  Status RebalanceChild(PagerTxn* txn, std::vector<PathStep>* path, PageId parent,
                        size_t child_index, bool* parent_changed);
  /// An internal root with no key (one child) takes over its child's content.
  Status ShrinkRoot(PagerTxn* txn);

  Pager* pager_;
  PageId root_;
};

/// Error 1712 naming a B+ tree page.
Status CorruptNode(PageId id);

}  // namespace minisql::storage
