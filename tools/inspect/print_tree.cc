// print_tree.cc — the `tables` and `tree` commands of minisql-inspect.
//
//   tree shop.items: root page 3, 2 levels, 3 pages, 300 entries
//   level 0 (root)
//     page 3     internal   1 keys  fill   0%  keys (151) .. (151)
//   level 1 (leaves)
//     page 4     leaf     150 entries  fill  48%  keys (1) .. (150)  next 5
//
// "fill" is the share of the node's 8164 bytes (after its 12-byte header) taken by
// cells and slots; every node but the root stays at or above 25% (btree.h).
#include <cstdio>

#include "inspect/commands.h"
#include "inspect/key_format.h"
#include "storage/btree/btree.h"

namespace minisql::inspect {

using storage::BTree;
using storage::BTreeNode;

namespace {

const BTreeNode NodeView(const std::string& page) {
  return BTreeNode(const_cast<char*>(page.data()) + storage::kPageHeaderSize,
                   storage::kPageContentSize);
}

std::string Percent(size_t part, size_t whole) {
  std::string text = std::to_string(whole == 0 ? 0 : part * 100 / whole) + "%";
  return std::string(text.size() < 4 ? 4 - text.size() : 0, ' ') + text;
}

std::string Pad(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

struct TreeSummary {
  size_t levels = 0;
  size_t pages = 0;
  uint64_t entries = 0;
};

Result<TreeSummary> Summarize(DataDir* dir, PageId root) {
  Result<std::vector<std::vector<PageId>>> levels = dir->Levels(root);
  if (!levels.ok()) return levels.status();
  TreeSummary summary;
  summary.levels = levels->size();
  for (const auto& level : *levels) summary.pages += level.size();
  for (PageId id : levels->back()) {
    Result<std::string> page = dir->ReadPage(id);
    if (!page.ok()) return page.status();
    summary.entries += NodeView(*page).count();
  }
  return summary;
}

}  // namespace

void PrintLogNote(DataDir* dir, std::ostream& out) {
  if (dir->wal_bytes() == 0) return;
  out << "note: the log holds " << dir->wal_bytes()
      << " bytes not yet checkpointed; the data file shown may lag behind it (a server is "
         "running, or crashed and has not recovered yet)\n";
}

Status PrintTables(DataDir* dir, std::ostream& out) {
  PrintLogNote(dir, out);
  Result<std::vector<TreeInfo>> trees = dir->Trees();
  if (!trees.ok()) return trees.status();
  out << Pad("tree", 28) << Pad("root page", 11) << Pad("levels", 8) << Pad("pages", 8)
      << "entries\n";
  for (const TreeInfo& tree : *trees) {
    Result<TreeSummary> summary = Summarize(dir, tree.root);
    if (!summary.ok()) return summary.status();
    out << Pad(tree.name, 28) << Pad(std::to_string(tree.root), 11)
        << Pad(std::to_string(summary->levels), 8) << Pad(std::to_string(summary->pages), 8)
        << summary->entries << "\n";
  }
  const storage::FileHeader& header = dir->header();
  out << "data file: " << dir->pages_in_file() << " pages (" << header.page_count
      << " in the header), free list head "
      << (header.free_list_head == storage::kInvalidPageId ? std::string("none")
                                                           : std::to_string(header.free_list_head))
      << "\n";
  return Status::OK();
}

Status PrintTree(DataDir* dir, const std::string& name, std::ostream& out) {
  PrintLogNote(dir, out);
  Result<TreeInfo> tree = dir->FindTree(name);
  if (!tree.ok()) return tree.status();
  Result<std::vector<std::vector<PageId>>> levels = dir->Levels(tree->root);
  if (!levels.ok()) return levels.status();
  Result<TreeSummary> summary = Summarize(dir, tree->root);
  if (!summary.ok()) return summary.status();
  out << "tree " << tree->name << ": root page " << tree->root << ", " << summary->levels
      << " levels, " << summary->pages << " pages, " << summary->entries << " entries\n";
  const storage::TableSchema* schema = tree->schema.get();
  for (size_t depth = 0; depth < levels->size(); ++depth) {
    bool leaves = depth + 1 == levels->size();
    out << "level " << depth
        << (depth == 0 ? (leaves ? " (root, a leaf)" : " (root)")
            : leaves   ? " (leaves)"
                       : "")
        << "\n";
    for (PageId id : (*levels)[depth]) {
      Result<std::string> page = dir->ReadPage(id);
      if (!page.ok()) return page.status();
      const BTreeNode node = NodeView(*page);
      out << "  page " << Pad(std::to_string(id), 6) << (node.is_leaf() ? "leaf     " : "internal ")
          << node.count() << (node.is_leaf() ? " entries" : " keys") << "  fill "
          << Percent(BTree::FillBytes(node), BTree::kNodeCapacity);
      if (node.count() > 0) {
        out << "  keys " << DescribeKey(schema, node.KeyAt(0)) << " .. "
            << DescribeKey(schema, node.KeyAt(node.count() - 1));
      }
      if (node.is_leaf()) {
        out << "  next " << (node.link() == 0 ? std::string("none") : std::to_string(node.link()));
      }
      out << "\n";
    }
  }
  return Status::OK();
}

}  // namespace minisql::inspect
