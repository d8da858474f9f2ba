// btree_cursor.cc — see btree_cursor.h.
#include "storage/btree/btree_cursor.h"

#include "storage/btree/btree.h"
#include "storage/btree/overflow.h"
#include "storage/page/byte_order.h"

namespace minisql::storage {

Status BTreeCursor::LoadLeaf(PageId id, std::string_view lower) {
  // A sibling chain longer than the file has pages can only be a cycle.
  if (++leaves_visited_ > pager_->page_count()) return CorruptNode(id);
  Result<PageGuard> page = BTree::FetchNode(pager_, id);
  if (!page.ok()) return page.status();
  leaf_.assign(PageContent(page->data()), kPageContentSize);  // FetchNode validated it
  const BTreeNode node(leaf_.data(), leaf_.size());
  if (!node.is_leaf()) return CorruptNode(id);
  next_ = node.LowerBound(lower);
  count_ = node.count();
  next_leaf_ = node.link();
  return Status::OK();
}

Result<bool> BTreeCursor::Next(std::string* key, std::string* value) {
  while (next_ == count_) {
    if (next_leaf_ == 0) return false;
    MINISQL_RETURN_IF_ERROR(LoadLeaf(next_leaf_, ""));
  }
  const BTreeNode node(leaf_.data(), leaf_.size());
  size_t index = next_++;
  if (node.HasOverflowAt(index)) {
    MINISQL_RETURN_IF_ERROR(
        ReadOverflowChain(pager_, node.OverflowPageAt(index), node.ValueSizeAt(index), value));
  } else {
    value->assign(node.ValueAt(index));
  }
  key->assign(node.KeyAt(index));
  return true;
}

}  // namespace minisql::storage
