// node_image.h — a B+ tree node's entries taken out of its page (btree.cc and
// btree_rebalance.cc only).
//
// Splits, merges and redistributions do not shuffle cells inside pages. They copy the
// entries of the nodes involved into a NodeImage (plain strings, in key order), decide
// where the boundary goes, and write each resulting node afresh with WriteTo. Simple,
// and a node written this way is compact (no fragmented bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/btree/btree.h"

namespace minisql::storage {

/// One node's entries in key order, as plain strings, while a split redistributes them.
struct BTree::NodeImage {
  struct Entry {
    std::string key;
    std::string value;        // leaves: the stored value (the value, or an overflow page id)
    uint64_t value_size = 0;  // leaves: the full value length
    PageId child = 0;         // internal nodes: the child holding keys >= key
  };
  NodeType type = NodeType::kLeaf;
  PageId link = 0;  // leaf: right sibling; internal: leftmost child
  std::vector<Entry> entries;

  static NodeImage Of(const BTreeNode& node) {
    NodeImage image;
    image.type = node.type();
    image.link = node.link();
    for (size_t i = 0; i < node.count(); ++i) {
      Entry entry{std::string(node.KeyAt(i)), "", 0, 0};
      if (node.is_leaf()) {
        entry.value = std::string(node.ValueAt(i));
        entry.value_size = node.ValueSizeAt(i);
      } else {
        entry.child = node.ChildAt(i + 1);
      }
      image.entries.push_back(std::move(entry));
    }
    return image;
  }

  size_t CellSize(size_t i) const {
    return type == NodeType::kLeaf
               ? BTreeNode::LeafCellSize(entries[i].key.size(), entries[i].value_size)
               : BTreeNode::InternalCellSize(entries[i].key);
  }

  /// Bytes of cells and slots of entries [begin, end).
  size_t BytesOf(size_t begin, size_t end) const {
    size_t total = 0;
    for (size_t i = begin; i < end; ++i) total += CellSize(i);
    return total;
  }

  /// Where to cut the entries into two nodes: leaves keep [0, s) | [s, n); internal
  /// nodes keep [0, s) | [s+1, n) and entry s moves up as the separator. Chooses the
  /// s that makes the two sides' bytes most nearly equal, so that neither side ends
  /// up less than a quarter full (BTree::kMinFillBytes) when the entries overflow one
  /// node. Needs n >= 2 (leaf) or n >= 3 (internal).
  size_t ChooseSplit() const {
    bool leaf = type == NodeType::kLeaf;
    size_t n = entries.size();
    size_t total = BytesOf(0, n);
    size_t best = 1, best_diff = SIZE_MAX;
    size_t left = 0;
    for (size_t s = 1; s <= (leaf ? n - 1 : n - 2); ++s) {
      left += CellSize(s - 1);
      size_t right = total - left - (leaf ? 0 : CellSize(s));
      size_t diff = left > right ? left - right : right - left;
      if (diff < best_diff) {
        best = s;
        best_diff = diff;
      }
    }
    return best;
  }

  /// Formats `page` as a node of this image's type holding entries [begin, end).
  void WriteTo(WritePageGuard* page, PageId link_value, size_t begin, size_t end) const {
    SetPageType(page->data(),
                type == NodeType::kLeaf ? PageType::kBTreeLeaf : PageType::kBTreeInternal);
    BTreeNode node(PageContent(page->data()), kPageContentSize);
    node.Init(type);
    node.set_link(link_value);
    for (size_t i = begin; i < end; ++i) {
      // Cannot fail: the split point guarantees each half fits (see btree.h).
      if (type == NodeType::kLeaf) {
        node.InsertLeafCell(i - begin, entries[i].key, entries[i].value_size, entries[i].value);
      } else {
        node.InsertInternalCell(i - begin, entries[i].key, entries[i].child);
      }
    }
  }
};

}  // namespace minisql::storage
