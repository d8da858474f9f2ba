// btree_cursor.cc — see btree_cursor.h.
#include "storage/btree/btree_cursor.h"

#include "storage/btree/btree.h"
#include "storage/btree/overflow.h"
#include "storage/page/byte_order.h"

namespace minisql::storage {

Status BTreeCursor::Start(std::string_view lower) {
  resume_.assign(lower);
  returned_any_ = false;
  return Reseek(resume_, /*inclusive=*/true);
}

Status BTreeCursor::Load(const PageGuard& leaf, std::string_view from, bool exclusive) {
  leaf_.assign(PageContent(leaf.data()), kPageContentSize);  // FetchNode validated it
  const BTreeNode node(leaf_.data(), leaf_.size());
  if (!node.is_leaf()) return CorruptNode(leaf.id());
  leaf_id_ = leaf.id();
  leaf_version_ = leaf.version();
  count_ = node.count();
  next_ = node.LowerBound(from);
  if (exclusive && next_ < count_ && node.KeyAt(next_) == from) ++next_;
  return Status::OK();
}

Status BTreeCursor::Reseek(const std::string& key, bool inclusive) {
  Result<PageGuard> leaf = BTree(pager_, root_).DescendToLeaf(key);
  if (!leaf.ok()) return leaf.status();
  return Load(*leaf, key, !inclusive);
}

Status BTreeCursor::NextLeaf(bool* end) {
  *end = false;
  // Any failure to see the same bytes again (changed, evicted, freed) means re-seek.
  Result<PageGuard> current = pager_->FetchPage(leaf_id_);
  if (!current.ok() || current->version() != leaf_version_) {
    if (current.ok()) current->Release();  // never descend holding a leaf (top-down rule)
    return Reseek(resume_, /*inclusive=*/!returned_any_);
  }
  PageId right = BTreeNode(leaf_.data(), leaf_.size()).link();  // == the live link
  if (right == 0) {
    *end = true;
    return Status::OK();
  }
  // A sibling chain longer than the file has pages can only be a cycle.
  if (++leaves_visited_ > pager_->page_count()) return CorruptNode(right);
  Result<PageGuard> next = BTree::FetchNode(pager_, right);  // latched before letting go
  if (!next.ok()) return next.status();
  current->Release();
  return Load(*next, "", /*exclusive=*/false);
}

Result<bool> BTreeCursor::Next(std::string* key, std::string* value) {
  while (true) {
    while (next_ == count_) {
      bool end = false;
      MINISQL_RETURN_IF_ERROR(NextLeaf(&end));
      if (end) return false;
    }
    const BTreeNode node(leaf_.data(), leaf_.size());
    size_t index = next_;
    if (node.HasOverflowAt(index)) {
      // The chain is the cell's only while the leaf is unchanged: read it latched.
      Result<PageGuard> leaf = pager_->FetchPage(leaf_id_);
      if (!leaf.ok() || leaf->version() != leaf_version_) {
        std::string from(node.KeyAt(index));
        if (leaf.ok()) leaf->Release();
        MINISQL_RETURN_IF_ERROR(Reseek(from, /*inclusive=*/true));
        continue;
      }
      MINISQL_RETURN_IF_ERROR(
          ReadOverflowChain(pager_, node.OverflowPageAt(index), node.ValueSizeAt(index), value));
    } else {
      value->assign(node.ValueAt(index));
    }
    key->assign(node.KeyAt(index));
    resume_ = *key;
    returned_any_ = true;
    ++next_;
    return true;
  }
}

}  // namespace minisql::storage
