// btree_rebalance.cc — keeping the B+ tree balanced after deletes: merge with a
// sibling, redistribute with it, shrink the root (the rules are drawn in btree.h).
//
// One rebalancing step looks at an underfull node N and the sibling S next to it under
// the same parent P (the left sibling if N has one, else the right one), and calls the
// left one of the pair L and the right one R; `sep` is the key in P between them:
//
//   P: [ ... sep ... ]          entries = L's entries (+ sep, if internal) + R's entries
//        /       \              fit in one node:  L = all entries; R freed; sep removed
//       L    ─►   R             otherwise:        L | new sep | R, cut evenly
//
// Both cases rewrite whole nodes from a NodeImage (node_image.h), like a split does.
// Latches: P is held exclusively (the descent kept it, as N was not safe); L and R are
// latched left before right (btree.h).
// Replacing the separator may make P overflow (a longer key): then P splits, exactly
// as during an insert. Removing or shortening it may make P underfull: then P is
// rebalanced in turn, up to the root.
#include <cstring>

#include "storage/btree/btree.h"
#include "storage/btree/node_image.h"

namespace minisql::storage {
namespace {

BTreeNode NodeOf(const WritePageGuard& page) {
  return BTreeNode(PageContent(page.data()), kPageContentSize);
}

const BTreeNode NodeOf(const PageGuard& page) {
  return BTreeNode(const_cast<char*>(PageContent(page.data())), kPageContentSize);
}

// Pins node `id` for writing after validating it (FetchPageForWrite does not).
Result<WritePageGuard> FetchNodeForWrite(Pager* pager, PagerTxn* txn, PageId id) {
  Result<PageGuard> checked = BTree::FetchNode(pager, id);
  if (!checked.ok()) return checked.status();
  checked->Release();
  return pager->FetchPageForWrite(txn, id);
}

}  // namespace

Status BTree::Rebalance(PagerTxn* txn, std::vector<PathStep>* path, PageId id) {
  while (id != root_) {
    {
      Result<PageGuard> page = FetchNode(pager_, id);
      if (!page.ok()) return page.status();
      if (FillBytes(NodeOf(*page)) >= kMinFillBytes) return Status::OK();
    }
    if (path->empty()) return CorruptNode(id);  // a non-root node always has a parent
    PathStep step = path->back();
    path->pop_back();
    bool parent_changed = false;
    MINISQL_RETURN_IF_ERROR(
        RebalanceChild(txn, path, step.page, step.child_index, &parent_changed));
    if (!parent_changed) return Status::OK();
    id = step.page;
  }
  return ShrinkRoot(txn);
}

Status BTree::RebalanceChild(PagerTxn* txn, std::vector<PathStep>* path, PageId parent_id,
                             size_t child_index, bool* parent_changed) {
  Result<WritePageGuard> parent = FetchNodeForWrite(pager_, txn, parent_id);
  if (!parent.ok()) return parent.status();
  BTreeNode parent_node = NodeOf(*parent);
  if (parent_node.is_leaf() || parent_node.count() == 0 || child_index > parent_node.count()) {
    return CorruptNode(parent_id);
  }
  // The pair (L, R) = children (sep_index, sep_index + 1); the separator between them is
  // parent cell sep_index.
  size_t sep_index = child_index > 0 ? child_index - 1 : 0;
  PageId left_id = parent_node.ChildAt(sep_index);
  PageId right_id = parent_node.ChildAt(sep_index + 1);
  std::string separator(parent_node.KeyAt(sep_index));

  // Left before right (btree.h): a cursor may hold the left leaf and wait for the
  // right one, so a right node we hold is let go first (the parent stays exclusively
  // latched, so no descent can reach either meanwhile) and taken again after the left.
  if (pager_->HoldsLatch(txn, right_id) && !pager_->HoldsLatch(txn, left_id)) {
    pager_->Unlatch(txn, right_id);
  }
  Result<WritePageGuard> left = FetchNodeForWrite(pager_, txn, left_id);
  if (!left.ok()) return left.status();
  Result<WritePageGuard> right = FetchNodeForWrite(pager_, txn, right_id);
  if (!right.ok()) return right.status();
  NodeImage combined = NodeImage::Of(NodeOf(*left));
  NodeImage right_image = NodeImage::Of(NodeOf(*right));
  if (combined.type != right_image.type) return CorruptNode(right_id);
  bool leaf = combined.type == NodeType::kLeaf;
  if (!leaf) {
    // Pull the separator down: it routes to R's leftmost child.
    combined.entries.push_back(NodeImage::Entry{separator, "", 0, right_image.link});
  }
  for (NodeImage::Entry& entry : right_image.entries) combined.entries.push_back(std::move(entry));
  size_t n = combined.entries.size();

  if (combined.BytesOf(0, n) <= kNodeCapacity) {
    // Merge: everything into L; R goes to the free list; the separator (and with it
    // the pointer to R, cell sep_index's child) leaves the parent.
    combined.WriteTo(&*left, leaf ? right_image.link : combined.link, 0, n);
    right->Release();
    MINISQL_RETURN_IF_ERROR(pager_->FreePage(txn, right_id));
    parent_node.RemoveCell(sep_index);
    *parent_changed = true;
    return Status::OK();
  }

  // Redistribute: cut the entries evenly, as a split would.
  size_t split = combined.ChooseSplit();
  std::string new_separator = combined.entries[split].key;
  combined.WriteTo(&*left, leaf ? right_id : combined.link, 0, split);
  combined.WriteTo(&*right, leaf ? right_image.link : combined.entries[split].child,
                   leaf ? split : split + 1, n);
  left->Release();
  right->Release();
  size_t fill_before = FillBytes(parent_node);
  parent_node.RemoveCell(sep_index);
  if (parent_node.InsertInternalCell(sep_index, new_separator, right_id)) {
    *parent_changed = FillBytes(parent_node) < fill_before;
    return Status::OK();
  }
  // The longer separator does not fit: the parent splits, as during an insert.
  NodeImage parent_image = NodeImage::Of(parent_node);
  parent_image.entries.insert(parent_image.entries.begin() + sep_index,
                              NodeImage::Entry{std::move(new_separator), "", 0, right_id});
  return SplitNode(txn, path, std::move(*parent), parent_image);
}

Status BTree::ShrinkRoot(PagerTxn* txn) {
  Result<PageGuard> root = FetchNode(pager_, root_);
  if (!root.ok()) return root.status();
  const BTreeNode root_node = NodeOf(*root);
  if (root_node.is_leaf() || root_node.count() > 0) return Status::OK();
  PageId child_id = root_node.link();
  root->Release();
  // The only child's content moves into the root page (the root's id never changes);
  // its page is freed. The tree is one level lower.
  Result<PageGuard> child = FetchNode(pager_, child_id);
  if (!child.ok()) return child.status();
  Result<WritePageGuard> root_page = pager_->FetchPageForWrite(txn, root_);
  if (!root_page.ok()) return root_page.status();
  SetPageType(root_page->data(), GetPageType(child->data()));
  std::memcpy(PageContent(root_page->data()), PageContent(child->data()), kPageContentSize);
  child->Release();
  root_page->Release();
  return pager_->FreePage(txn, child_id);
}

}  // namespace minisql::storage
