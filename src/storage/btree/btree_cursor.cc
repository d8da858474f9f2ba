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
  const BTreeNode node(const_cast<char*>(PageContent(page->data())), kPageContentSize);
  if (!node.is_leaf()) return CorruptNode(id);
  entries_.clear();
  next_ = 0;
  for (size_t i = node.LowerBound(lower); i < node.count(); ++i) {
    entries_.push_back(Entry{std::string(node.KeyAt(i)), std::string(node.ValueAt(i)),
                             node.ValueSizeAt(i), node.HasOverflowAt(i)});
  }
  next_leaf_ = node.link();
  return Status::OK();
}

Result<bool> BTreeCursor::Next(std::string* key, std::string* value) {
  while (next_ == entries_.size()) {
    if (next_leaf_ == 0) return false;
    MINISQL_RETURN_IF_ERROR(LoadLeaf(next_leaf_, ""));
  }
  Entry& entry = entries_[next_++];
  if (entry.overflow) {
    MINISQL_RETURN_IF_ERROR(
        ReadOverflowChain(pager_, DecodeFixed32(entry.stored.data()), entry.value_size, value));
  } else {
    *value = std::move(entry.stored);
  }
  *key = std::move(entry.key);
  return true;
}

}  // namespace minisql::storage
