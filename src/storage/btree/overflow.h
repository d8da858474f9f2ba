// overflow.h — chains of overflow pages holding B+ tree values too long for a leaf.
//
// A leaf cell may take at most BTreeNode::kMaxCellSize bytes. When a value would make
// its cell larger, the cell stores only the key, the value's full length and the id of
// the first page of an overflow chain (btree_node.h); the value's bytes live here, in
// order, spread over as many pages as needed:
//
//   offset  size  field
//   ------  ----  --------------------------------------------------------------
//        0    16  page header (page.h), type kOverflow
//       16     4  next page   the chain's next page id, 0 = this is the last page
//       20     4  byte count  value bytes in this page: kOverflowDataSize on every
//                             page but the last, 1..kOverflowDataSize on the last
//       24  8168  data        the value bytes; the unused tail is zero
//
//   leaf cell [klen | vlen=20000 | key | page 37] ──► 37 [next 52 | 8168 bytes]
//                                                 ──► 52 [next 41 | 8168 bytes]
//                                                 ──► 41 [next 0  | 3664 bytes]
//
// Chains are allocated and freed with Pager::AllocatePage/FreePage inside the same
// PagerTxn as the cell that points at them, so an aborted transaction or a crash
// undoes them together with the cell: no extra logging or recovery logic.
//
// Readers trust nothing: the number of pages follows from the length in the cell,
// and every page's type, byte count and next link is checked against it, so a
// damaged chain (a cycle, a page reused for something else, a wrong length) is error
// 1712, never an endless loop or a read past a buffer.
//
// Cost: a write transaction pins every page it touches (pager.h), so writing or
// freeing a value of N bytes pins about N / 8168 pages; a value larger than the
// buffer pool fails with ER_OUT_OF_RESOURCES (1041) and the transaction is rolled back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/pager/pager.h"

namespace minisql::storage {

/// Value bytes one overflow page holds.
constexpr size_t kOverflowDataSize = kPageContentSize - 8;

/// Pages a chain of a `value_size`-byte value has.
inline uint64_t OverflowPageCount(uint64_t value_size) {
  return (value_size + kOverflowDataSize - 1) / kOverflowDataSize;
}

/// Writes `value` (non-empty) to a new chain within `txn`; returns its first page.
/// Fails with 1041 before allocating anything if the chain alone would need more
/// pages than the buffer pool has frames.
Result<PageId> WriteOverflowChain(Pager* pager, PagerTxn* txn, std::string_view value);

/// Reads the `value_size`-byte value whose chain starts at `first` into `value`.
Status ReadOverflowChain(Pager* pager, PageId first, uint64_t value_size, std::string* value);

/// The page ids of the chain, in order, after checking it as a reader does.
Result<std::vector<PageId>> OverflowChainPages(Pager* pager, PageId first, uint64_t value_size);

/// Returns every page of the chain to the free list within `txn`.
Status FreeOverflowChain(Pager* pager, PagerTxn* txn, PageId first, uint64_t value_size);

}  // namespace minisql::storage
