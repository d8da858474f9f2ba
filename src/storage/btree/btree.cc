// btree.cc — B+ tree search, insert (with splits), update and delete. See btree.h.
#include "storage/btree/btree.h"

#include <algorithm>

#include "storage/btree/btree_cursor.h"
#include "storage/btree/node_image.h"
#include "storage/btree/overflow.h"
#include "storage/table/byte_coding.h"

namespace minisql::storage {

namespace {

/// A node view over a pinned page. The view is only read, hence the const_cast.
const BTreeNode NodeOf(const PageGuard& page) {
  return BTreeNode(const_cast<char*>(PageContent(page.data())), kPageContentSize);
}

BTreeNode NodeOf(const WritePageGuard& page) {
  return BTreeNode(PageContent(page.data()), kPageContentSize);
}

// Releases the writer's latches when one tree operation ends, however it ends.
class OperationLatches {
 public:
  OperationLatches(Pager* pager, PagerTxn* txn) : pager_(pager), txn_(txn) {}
  ~OperationLatches() { pager_->UnlatchAll(txn_); }
  OperationLatches(const OperationLatches&) = delete;
  OperationLatches& operator=(const OperationLatches&) = delete;

 private:
  Pager* pager_;
  PagerTxn* txn_;
};

Status TooBig() {
  return Status::Error(ErrorCode::kTooBigRowsize, static_cast<unsigned long>(BTree::kMaxKeySize));
}

}  // namespace

Status CorruptNode(PageId id) {
  return Status::Error(ErrorCode::kCorruption, "B+ tree page " + std::to_string(id));
}

Result<PageGuard> BTree::FetchNode(Pager* pager, PageId id) {
  if (id == kFileHeaderPageId || id == kInvalidPageId) return CorruptNode(id);
  Result<PageGuard> page = pager->FetchPage(id);
  if (!page.ok()) return page.status();
  PageType type = GetPageType(page->data());
  const BTreeNode node = NodeOf(*page);
  bool type_ok = (type == PageType::kBTreeLeaf && node.type() == NodeType::kLeaf) ||
                 (type == PageType::kBTreeInternal && node.type() == NodeType::kInternal);
  if (!type_ok) return CorruptNode(id);
  // Validate() walks every cell: once per page load is enough (page_guard.h).
  if (!page->checked()) {
    if (!node.Validate()) return CorruptNode(id);
    page->MarkChecked();
  }
  return page;
}

void BTree::FormatEmptyRoot(WritePageGuard* page) {
  SetPageType(page->data(), PageType::kBTreeLeaf);
  NodeOf(*page).Init(NodeType::kLeaf);
}

Result<PageId> BTree::Create(Pager* pager, PagerTxn* txn) {
  Result<WritePageGuard> page = pager->AllocatePage(txn);
  if (!page.ok()) return page.status();
  FormatEmptyRoot(&*page);
  return page->id();
}

bool BTree::EntryFits(std::string_view key, std::string_view /*value*/) {
  return key.size() <= kMaxKeySize;
}

Result<std::string> BTree::StoreValue(PagerTxn* txn, std::string_view key, std::string_view value) {
  // Decided by the two lengths alone, exactly as BTreeNode reads the cell back.
  if (!BTreeNode::ValueOverflows(key.size(), value.size())) return std::string(value);
  Result<PageId> first = WriteOverflowChain(pager_, txn, value);
  if (!first.ok()) return first.status();
  std::string stored;
  PutFixed32(&stored, *first);
  return stored;
}

Result<std::string> BTree::LoadValue(const BTreeNode& node, size_t index) {
  if (!node.HasOverflowAt(index)) return std::string(node.ValueAt(index));
  std::string value;
  MINISQL_RETURN_IF_ERROR(
      ReadOverflowChain(pager_, node.OverflowPageAt(index), node.ValueSizeAt(index), &value));
  return value;
}

Status BTree::FreeValue(PagerTxn* txn, const BTreeNode& node, size_t index) {
  if (!node.HasOverflowAt(index)) return Status::OK();
  return FreeOverflowChain(pager_, txn, node.OverflowPageAt(index), node.ValueSizeAt(index));
}

Result<PageGuard> BTree::DescendToLeaf(std::string_view key) {
  // Latch crabbing for readers: shared latches top-down, the parent released as soon as
  // the child is latched (the move assignment below), so at most two are held.
  Result<PageGuard> page = FetchNode(pager_, root_);
  if (!page.ok()) return page.status();
  for (int depth = 0; depth < kMaxDepth; ++depth) {
    const BTreeNode node = NodeOf(*page);
    if (node.is_leaf()) return page;
    Result<PageGuard> child = FetchNode(pager_, node.ChildAt(node.ChildIndexFor(key)));
    if (!child.ok()) return child.status();
    *page = std::move(*child);
  }
  return CorruptNode(root_);
}

bool BTree::IsSafe(const BTreeNode& node, WriteIntent intent) {
  // Room for any one more cell: a leaf cell, or a separator pushed up by a split or
  // lengthened by a redistribution below.
  bool room = node.FreeSpace() >= kMaxCellSize + BTreeNode::kSlotSize;
  if (intent == WriteIntent::kInsert) return room;
  // Losing any one cell keeps it at least kMinFillBytes full (no merge climbs past it).
  return room && FillBytes(node) >= kMinFillBytes + kMaxCellSize;
}

Result<PageId> BTree::FindLeafForWrite(PagerTxn* txn, std::string_view key, WriteIntent intent,
                                       std::vector<PathStep>* path) {
  // Latch crabbing for the writer: exclusive latches top-down; once a node is safe (the
  // operation cannot split or merge it, so nothing above it changes) every latch above
  // it is released. The latches stay in the PagerTxn's set until the operation ends.
  std::vector<PageId> held;
  PageId id = root_;
  for (int depth = 0; depth < kMaxDepth; ++depth) {
    MINISQL_RETURN_IF_ERROR(pager_->LatchForWrite(txn, id));
    Result<PageGuard> page = FetchNode(pager_, id);  // ours: pins only
    if (!page.ok()) return page.status();
    const BTreeNode node = NodeOf(*page);
    if (IsSafe(node, intent)) {
      for (PageId ancestor : held) pager_->Unlatch(txn, ancestor);
      held.clear();
    }
    held.push_back(id);
    if (node.is_leaf()) return id;
    size_t index = node.ChildIndexFor(key);
    path->push_back({id, index});
    id = node.ChildAt(index);
  }
  return CorruptNode(root_);
}

Result<std::optional<std::string>> BTree::Get(std::string_view key) {
  Result<PageGuard> page = DescendToLeaf(key);
  if (!page.ok()) return page.status();
  const BTreeNode node = NodeOf(*page);
  size_t index = node.LowerBound(key);
  if (index == node.count() || node.KeyAt(index) != key) return std::optional<std::string>();
  // Still latched: the cell's overflow chain cannot be freed meanwhile.
  Result<std::string> value = LoadValue(node, index);
  if (!value.ok()) return value.status();
  return std::optional<std::string>(std::move(*value));
}

Result<bool> BTree::Insert(PagerTxn* txn, std::string_view key, std::string_view value) {
  if (!EntryFits(key, value)) return TooBig();
  std::vector<PathStep> path;
  OperationLatches latches(pager_, txn);
  Result<PageId> leaf = FindLeafForWrite(txn, key, WriteIntent::kInsert, &path);
  if (!leaf.ok()) return leaf.status();
  Result<WritePageGuard> page = pager_->FetchPageForWrite(txn, *leaf);
  if (!page.ok()) return page.status();
  BTreeNode node = NodeOf(*page);
  size_t index = node.LowerBound(key);
  if (index < node.count() && node.KeyAt(index) == key) return false;
  Result<std::string> stored = StoreValue(txn, key, value);
  if (!stored.ok()) return stored.status();
  if (node.InsertLeafCell(index, key, value.size(), *stored)) return true;

  NodeImage image = NodeImage::Of(node);
  image.entries.insert(image.entries.begin() + index,
                       NodeImage::Entry{std::string(key), std::move(*stored), value.size(), 0});
  MINISQL_RETURN_IF_ERROR(SplitNode(txn, &path, std::move(*page), image));
  return true;
}

Result<bool> BTree::Update(PagerTxn* txn, std::string_view key, std::string_view value) {
  if (!EntryFits(key, value)) return TooBig();
  std::vector<PathStep> path;
  OperationLatches latches(pager_, txn);
  Result<PageId> leaf = FindLeafForWrite(txn, key, WriteIntent::kDelete, &path);
  if (!leaf.ok()) return leaf.status();
  Result<WritePageGuard> page = pager_->FetchPageForWrite(txn, *leaf);
  if (!page.ok()) return page.status();
  BTreeNode node = NodeOf(*page);
  size_t index = node.LowerBound(key);
  if (index == node.count() || node.KeyAt(index) != key) return false;
  // Free the old chain first, so that a new one can reuse its pages.
  MINISQL_RETURN_IF_ERROR(FreeValue(txn, node, index));
  Result<std::string> stored = StoreValue(txn, key, value);
  if (!stored.ok()) return stored.status();
  node.RemoveCell(index);
  if (node.InsertLeafCell(index, key, value.size(), *stored)) {
    page->Release();
    MINISQL_RETURN_IF_ERROR(Rebalance(txn, &path, *leaf));  // a shorter value may underfill
    return true;
  }

  NodeImage image = NodeImage::Of(node);
  image.entries.insert(image.entries.begin() + index,
                       NodeImage::Entry{std::string(key), std::move(*stored), value.size(), 0});
  MINISQL_RETURN_IF_ERROR(SplitNode(txn, &path, std::move(*page), image));
  return true;
}

Result<bool> BTree::Delete(PagerTxn* txn, std::string_view key) {
  std::vector<PathStep> path;
  OperationLatches latches(pager_, txn);
  Result<PageId> leaf = FindLeafForWrite(txn, key, WriteIntent::kDelete, &path);
  if (!leaf.ok()) return leaf.status();
  Result<WritePageGuard> page = pager_->FetchPageForWrite(txn, *leaf);
  if (!page.ok()) return page.status();
  BTreeNode node = NodeOf(*page);
  size_t index = node.LowerBound(key);
  if (index == node.count() || node.KeyAt(index) != key) return false;
  MINISQL_RETURN_IF_ERROR(FreeValue(txn, node, index));
  node.RemoveCell(index);
  page->Release();
  MINISQL_RETURN_IF_ERROR(Rebalance(txn, &path, *leaf));
  return true;
}

Status BTree::SplitNode(PagerTxn* txn, std::vector<PathStep>* path, WritePageGuard page,
                        const NodeImage& image) {
  size_t n = image.entries.size();
  bool leaf = image.type == NodeType::kLeaf;
  // Leaves keep [0, split) | [split, n). Internal nodes keep [0, split) | [split+1, n)
  // and move key `split` up; its child becomes the right node's leftmost child.
  size_t split = image.ChooseSplit();
  const std::string& separator = image.entries[split].key;
  size_t right_begin = leaf ? split : split + 1;
  PageId right_link = leaf ? image.link : image.entries[split].child;

  Result<WritePageGuard> right = pager_->AllocatePage(txn);
  if (!right.ok()) return right.status();
  if (page.id() == root_) {
    // The root keeps its page id: both halves move to new pages below it.
    Result<WritePageGuard> left = pager_->AllocatePage(txn);
    if (!left.ok()) return left.status();
    image.WriteTo(&*left, leaf ? right->id() : image.link, 0, split);
    image.WriteTo(&*right, right_link, right_begin, n);
    SetPageType(page.data(), PageType::kBTreeInternal);
    BTreeNode root = NodeOf(page);
    root.Init(NodeType::kInternal);
    root.set_link(left->id());
    root.InsertInternalCell(0, separator, right->id());
    return Status::OK();
  }
  image.WriteTo(&page, leaf ? right->id() : image.link, 0, split);
  image.WriteTo(&*right, right_link, right_begin, n);
  PageId right_id = right->id();
  std::string separator_copy = separator;
  page.Release();
  right->Release();
  return InsertIntoParent(txn, path, std::move(separator_copy), right_id);
}

Status BTree::InsertIntoParent(PagerTxn* txn, std::vector<PathStep>* path, std::string separator,
                               PageId right) {
  if (path->empty()) return CorruptNode(root_);  // a non-root node always has a parent
  PathStep step = path->back();
  path->pop_back();
  Result<WritePageGuard> page = pager_->FetchPageForWrite(txn, step.page);
  if (!page.ok()) return page.status();
  BTreeNode node = NodeOf(*page);
  // The split child is child `child_index`; its new right sibling becomes child
  // `child_index + 1`, i.e. the cell at index `child_index`.
  if (node.InsertInternalCell(step.child_index, separator, right)) return Status::OK();
  NodeImage image = NodeImage::Of(node);
  image.entries.insert(image.entries.begin() + step.child_index,
                       NodeImage::Entry{std::move(separator), "", 0, right});
  return SplitNode(txn, path, std::move(*page), image);
}

Result<std::unique_ptr<BTreeCursor>> BTree::Seek(std::string_view lower) {
  auto cursor = std::make_unique<BTreeCursor>(pager_, root_);
  MINISQL_RETURN_IF_ERROR(cursor->Start(lower));
  return cursor;
}

}  // namespace minisql::storage
