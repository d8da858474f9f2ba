// btree_check.cc — whole-tree walks: the integrity check (tests, minisql-inspect) and
// DROP.
#include <optional>
#include <unordered_set>

#include "storage/btree/btree.h"
#include "storage/btree/overflow.h"

namespace minisql::storage {
namespace {

/// State of one CheckIntegrity walk.
struct IntegrityWalk {
  Pager* pager;
  std::unordered_set<PageId> seen;
  std::vector<std::pair<PageId, PageId>> leaves;  // (leaf, its right-sibling link)
  std::optional<int> leaf_depth;
  uint64_t entries = 0;

  // Checks the subtree at `id`, whose keys must lie in [low, high) (nullopt = unbounded).
  Status Check(PageId id, int depth, const std::optional<std::string>& low,
               const std::optional<std::string>& high) {
    if (depth > BTree::kMaxDepth || !seen.insert(id).second) return CorruptNode(id);
    Result<PageGuard> page = BTree::FetchNode(pager, id);
    if (!page.ok()) return page.status();
    const BTreeNode node(const_cast<char*>(PageContent(page->data())), kPageContentSize);
    // Fill: deletes rebalance (btree_rebalance.cc), so no node but the root is less
    // than a quarter full, and an internal root routes to at least two children.
    if (depth > 0 && BTree::FillBytes(node) < BTree::kMinFillBytes) {
      return Status::Error(ErrorCode::kCorruption,
                           "B+ tree page " + std::to_string(id) + " (underfull: " +
                               std::to_string(BTree::FillBytes(node)) + " bytes of cells)");
    }
    if (depth == 0 && !node.is_leaf() && node.count() == 0) return CorruptNode(id);
    for (size_t i = 0; i < node.count(); ++i) {
      std::string_view key = node.KeyAt(i);
      if (i > 0 && !(node.KeyAt(i - 1) < key)) return CorruptNode(id);
      if ((low && key < *low) || (high && key >= *high)) return CorruptNode(id);
    }
    if (node.is_leaf()) {
      if (leaf_depth && *leaf_depth != depth) return CorruptNode(id);
      leaf_depth = depth;
      leaves.emplace_back(id, node.link());
      entries += node.count();
      // Every overflow chain must be intact and share no page with anything else.
      for (size_t i = 0; i < node.count(); ++i) {
        if (!node.HasOverflowAt(i)) continue;
        Result<std::vector<PageId>> chain =
            OverflowChainPages(pager, node.OverflowPageAt(i), node.ValueSizeAt(i));
        if (!chain.ok()) return chain.status();
        for (PageId page_id : *chain) {
          if (!seen.insert(page_id).second) return CorruptNode(id);
        }
      }
      return Status::OK();
    }
    // Copy the routing information, then release the page before recursing.
    std::vector<std::string> keys;
    std::vector<PageId> children;
    for (size_t i = 0; i < node.count(); ++i) keys.emplace_back(node.KeyAt(i));
    for (size_t i = 0; i <= node.count(); ++i) children.push_back(node.ChildAt(i));
    page->Release();
    for (size_t i = 0; i < children.size(); ++i) {
      std::optional<std::string> child_low = i == 0 ? low : std::optional<std::string>(keys[i - 1]);
      std::optional<std::string> child_high =
          i == keys.size() ? high : std::optional<std::string>(keys[i]);
      MINISQL_RETURN_IF_ERROR(Check(children[i], depth + 1, child_low, child_high));
    }
    return Status::OK();
  }
};

}  // namespace

Result<uint64_t> BTree::CheckIntegrity() {
  IntegrityWalk walk{pager_, {}, {}, std::nullopt, 0};
  MINISQL_RETURN_IF_ERROR(walk.Check(root_, 0, std::nullopt, std::nullopt));
  // The sibling chain must visit the leaves in key order and end with 0.
  for (size_t i = 0; i < walk.leaves.size(); ++i) {
    PageId expected = i + 1 < walk.leaves.size() ? walk.leaves[i + 1].first : 0;
    if (walk.leaves[i].second != expected) return CorruptNode(walk.leaves[i].first);
  }
  return walk.entries;
}

Status BTree::Drop(PagerTxn* txn) {
  // Collect every page, overflow chains included, first (reading), then free them (writing).
  std::vector<PageId> pages;
  std::vector<PageId> pending = {root_};
  std::unordered_set<PageId> seen;
  while (!pending.empty()) {
    PageId id = pending.back();
    pending.pop_back();
    if (!seen.insert(id).second) return CorruptNode(id);
    Result<PageGuard> page = FetchNode(pager_, id);
    if (!page.ok()) return page.status();
    const BTreeNode node(const_cast<char*>(PageContent(page->data())), kPageContentSize);
    if (!node.is_leaf()) {
      for (size_t i = 0; i <= node.count(); ++i) pending.push_back(node.ChildAt(i));
    }
    for (size_t i = 0; node.is_leaf() && i < node.count(); ++i) {
      if (!node.HasOverflowAt(i)) continue;
      Result<std::vector<PageId>> chain =
          OverflowChainPages(pager_, node.OverflowPageAt(i), node.ValueSizeAt(i));
      if (!chain.ok()) return chain.status();
      for (PageId page_id : *chain) {
        if (!seen.insert(page_id).second) return CorruptNode(page_id);
        pages.push_back(page_id);
      }
    }
    pages.push_back(id);
  }
  for (PageId id : pages) MINISQL_RETURN_IF_ERROR(pager_->FreePage(txn, id));
  return Status::OK();
}

}  // namespace minisql::storage
