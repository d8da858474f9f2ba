// btree_node.h — the layout of one B+ tree node inside a page's content bytes.
//
// A node is a slotted page: a small header, an array of 2-byte slots growing up from
// the header, and variable-size cells packed down from the end. Slots are kept in key
// order; cells are wherever space was found. Deleting a cell only removes its slot and
// counts its bytes as fragmented; Compact() squeezes the holes out when an insert needs
// the room.
//
//   offset        size   field
//   ------------  -----  ------------------------------------------------------------
//   0             1      node type: 1 = leaf, 2 = internal
//   1             1      reserved (0)
//   2             2      cell count N                          (all fields little-endian)
//   4             2      cell area start: cells occupy [start, node size)
//   6             2      fragmented bytes inside the cell area
//   8             4      leaf: right sibling page id (0 = none)
//                        internal: leftmost child page id
//   12            2 * N  slots: offset of each cell, in key order
//   12 + 2N       ...    free space
//   start         ...    cells
//
//   leaf cell:      varint key length | varint value length | key | stored value
//   internal cell:  fixed32 child page id | varint key length | key
//
// The stored value of a leaf cell is the value itself when the whole cell fits in
// kMaxCellSize, and otherwise the fixed32 id of the first page of the value's overflow
// chain (overflow.h); "value length" is always the value's full length. Which form a
// cell has therefore follows from its two lengths alone (ValueOverflows), so no flag
// byte is needed, and cells written before overflow pages existed (all small) read
// the same as ever.
//
// In an internal node with keys k0 < k1 < ... the leftmost child holds keys < k0 and
// the child of cell i holds keys >= ki (and < k(i+1)). Leaves are linked left to right
// through their sibling ids, so a cursor walks the whole tree without going up.
//
// BTreeNode is a view over a caller-owned buffer (a page's content bytes, or a plain
// array in tests); it never allocates pages itself. Accessors assume a node that passed
// Validate(): the tree validates every node it reads from disk, so a corrupt page is
// reported as an error instead of being followed off the end of a buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "storage/page/page.h"

namespace minisql::storage {

enum class NodeType : uint8_t { kLeaf = 1, kInternal = 2 };

class BTreeNode {
 public:
  static constexpr size_t kHeaderSize = 12;
  static constexpr size_t kSlotSize = 2;
  /// The largest leaf cell, slot included: a quarter of a page's node area, so that a
  /// full node always splits into two halves that fit.
  static constexpr size_t kMaxCellSize = (kPageContentSize - kHeaderSize) / 4;
  /// Bytes of the stored value of an overflowing cell: the first overflow page id.
  static constexpr size_t kOverflowRefSize = 4;

  BTreeNode(char* data, size_t size) : data_(data), size_(size) {}

  /// Formats an empty node of `type`.
  void Init(NodeType type);
  /// True if the header, slots and cells are all within bounds and well formed.
  /// (Key order is checked by BTree::CheckIntegrity, not here.)
  bool Validate() const;

  NodeType type() const { return static_cast<NodeType>(data_[0]); }
  bool is_leaf() const { return type() == NodeType::kLeaf; }
  uint16_t count() const { return Get16(2); }
  /// Leaf: right sibling (0 = none). Internal: leftmost child.
  uint32_t link() const { return Get32(8); }
  void set_link(uint32_t page_id) { Put32(8, page_id); }

  std::string_view KeyAt(size_t index) const;
  /// Leaf only: the stored value bytes — the value itself, or for an overflowing cell
  /// the 4-byte first overflow page id (see OverflowPageAt).
  std::string_view ValueAt(size_t index) const;
  /// Leaf only: the full length of the value, stored inline or not.
  uint64_t ValueSizeAt(size_t index) const;
  /// Leaf only: true if the value lives in an overflow chain.
  bool HasOverflowAt(size_t index) const {
    return ValueOverflows(KeyAt(index).size(), ValueSizeAt(index));
  }
  /// Leaf only, HasOverflowAt(index): the first page of the value's overflow chain.
  uint32_t OverflowPageAt(size_t index) const;
  /// Internal only: child `index` of count()+1 (0 is the leftmost child).
  uint32_t ChildAt(size_t index) const;
  void SetChildAt(size_t index, uint32_t page_id);

  /// The first index whose key is >= `key` (count() if none).
  size_t LowerBound(std::string_view key) const;
  /// Internal only: the child index to follow for `key`.
  size_t ChildIndexFor(std::string_view key) const;

  /// Inserts a cell at slot `index`; false (node unchanged) if it does not fit.
  /// This form stores `value` inline: it must not be one that ValueOverflows().
  bool InsertLeafCell(size_t index, std::string_view key, std::string_view value);
  /// The general form: a value of `value_size` bytes whose stored form is `stored`
  /// (the value, or the first overflow page id; StoredValueSize() bytes either way).
  bool InsertLeafCell(size_t index, std::string_view key, uint64_t value_size,
                      std::string_view stored);
  bool InsertInternalCell(size_t index, std::string_view key, uint32_t child);
  void RemoveCell(size_t index);

  /// True if a value of `value_size` bytes under a `key_size`-byte key is too large for
  /// an inline cell and must go to an overflow chain.
  static bool ValueOverflows(uint64_t key_size, uint64_t value_size);
  /// Bytes the cell stores for such a value: value_size, or kOverflowRefSize.
  static uint64_t StoredValueSize(uint64_t key_size, uint64_t value_size);
  /// Bytes a cell takes, including its slot.
  static size_t LeafCellSize(size_t key_size, uint64_t value_size);
  static size_t InternalCellSize(std::string_view key);
  /// Bytes available for new cells (after compaction).
  size_t FreeSpace() const;
  /// Bytes used by header, slots and live cells.
  size_t UsedSpace() const { return size_ - FreeSpace(); }
  size_t size() const { return size_; }

 private:
  uint16_t Get16(size_t off) const;
  uint32_t Get32(size_t off) const;
  void Put16(size_t off, uint16_t v);
  void Put32(size_t off, uint32_t v);
  uint16_t CellOffset(size_t index) const { return Get16(kHeaderSize + kSlotSize * index); }
  /// Byte length of the cell at `offset`, or 0 if it runs past the end.
  size_t CellLength(size_t offset) const;
  /// Reserves `bytes` in the cell area and a slot at `index`; returns the cell offset or 0.
  size_t MakeRoom(size_t index, size_t bytes);
  void Compact();

  char* data_;
  size_t size_;
};

}  // namespace minisql::storage
