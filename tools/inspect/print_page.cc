// print_page.cc — the `page N` command of minisql-inspect: one page, field by field.
//
// The page header (docs/storage.md section 2) is printed as a byte table, then the
// content according to the page type: the file header (page 0), a free page's link,
// a B+ tree node (node header, then every slot with its cell: key decoded for the
// tree the page belongs to, value length or child page), or an overflow page.
// Offsets are from the start of the page; node offsets are also given relative to
// the content (page byte 16), as in btree_node.h.
#include <cstdio>

#include "inspect/commands.h"
#include "inspect/key_format.h"
#include "storage/btree/btree.h"
#include "storage/page/byte_order.h"
#include "storage/pager/file_header.h"

namespace minisql::inspect {

using storage::BTree;
using storage::BTreeNode;
using storage::DecodeFixed16;
using storage::DecodeFixed32;
using storage::DecodeFixed64;
using storage::kPageHeaderSize;

namespace {

// One row of a byte table: "   16     4  field          value".
void Field(std::ostream& out, size_t offset, size_t size, const std::string& name,
           const std::string& value) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "  %6zu %5zu  ", offset, size);
  std::string padded = name;
  if (padded.size() < 16) padded.append(16 - padded.size(), ' ');
  out << buf << padded << value << "\n";
}

std::string PageIdText(uint32_t id) {
  return id == storage::kInvalidPageId ? "none (0xFFFFFFFF)" : std::to_string(id);
}

const char* TypeName(storage::PageType type) {
  switch (type) {
    case storage::PageType::kFree:
      return "free";
    case storage::PageType::kFileHeader:
      return "file header";
    case storage::PageType::kBTreeLeaf:
      return "B+ tree leaf";
    case storage::PageType::kBTreeInternal:
      return "B+ tree internal";
    case storage::PageType::kOverflow:
      return "overflow";
  }
  return "unknown";
}

// The tree that page `id` belongs to, if any (to decode its keys).
const TreeInfo* OwningTree(DataDir* dir, const std::vector<TreeInfo>& trees, PageId id) {
  for (const TreeInfo& tree : trees) {
    Result<std::vector<std::vector<PageId>>> levels = dir->Levels(tree.root);
    if (!levels.ok()) continue;
    for (const auto& level : *levels) {
      for (PageId page : level) {
        if (page == id) return &tree;
      }
    }
  }
  return nullptr;
}

void PrintFileHeader(const std::string& page, std::ostream& out) {
  const char* p = page.data();
  out << "file header (page 0, pager/file_header.h)\n";
  Field(out, 16, 8, "magic", "\"" + Printable(std::string_view(p + 16, 8)) + "\"");
  Field(out, 24, 4, "format version", std::to_string(DecodeFixed32(p + 24)));
  Field(out, 28, 4, "page count", std::to_string(DecodeFixed32(p + 28)));
  Field(out, 32, 4, "free list head", PageIdText(DecodeFixed32(p + 32)));
  Field(out, 36, 1, "clean shutdown", std::to_string(static_cast<int>(p[36])));
  Field(out, 40, 8, "next LSN", std::to_string(DecodeFixed64(p + 40)));
}

void PrintNode(DataDir* dir, PageId id, const std::string& page, std::ostream& out) {
  const BTreeNode node(const_cast<char*>(page.data()) + kPageHeaderSize, storage::kPageContentSize);
  if (!node.Validate()) {
    out << "node: INVALID (header, slots or cells out of bounds); raw content starts "
        << Hex(std::string_view(page.data() + kPageHeaderSize, 32), 32) << "\n";
    return;
  }
  const char* c = page.data() + kPageHeaderSize;
  out << "node header (page offset = content offset + 16, btree/btree_node.h)\n";
  Field(out, 16, 1, "node type",
        std::to_string(static_cast<int>(c[0])) + (node.is_leaf() ? " (leaf)" : " (internal)"));
  Field(out, 18, 2, "cell count", std::to_string(node.count()));
  Field(out, 20, 2, "cell area start", "content offset " + std::to_string(DecodeFixed16(c + 4)));
  Field(out, 22, 2, "fragmented", std::to_string(DecodeFixed16(c + 6)) + " bytes");
  Field(out, 24, 4, node.is_leaf() ? "right sibling" : "leftmost child",
        node.is_leaf() && node.link() == 0 ? "none (0)" : std::to_string(node.link()));
  out << "fill: " << BTree::FillBytes(node) << " of " << BTree::kNodeCapacity
      << " bytes in cells and slots, " << node.FreeSpace() << " free\n";

  Result<std::vector<TreeInfo>> trees = dir->Trees();
  const TreeInfo* tree = trees.ok() ? OwningTree(dir, *trees, id) : nullptr;
  out << "slots (" << node.count() << ", from page offset 28)"
      << (tree != nullptr ? ", keys of tree " + tree->name : std::string(", tree unknown")) << "\n";
  const storage::TableSchema* schema = tree != nullptr ? tree->schema.get() : nullptr;
  for (size_t i = 0; i < node.count(); ++i) {
    size_t cell = DecodeFixed16(c + BTreeNode::kHeaderSize + 2 * i);
    std::string key(node.KeyAt(i));
    out << "  [" << i << "] cell at " << cell + kPageHeaderSize << "  key "
        << (tree != nullptr ? DescribeKey(schema, key) : "\"" + Printable(key) + "\"") << "  ("
        << key.size() << " bytes: " << Hex(key, 12) << ")";
    if (node.is_leaf()) {
      out << "  value " << node.ValueSizeAt(i) << " bytes";
      if (node.HasOverflowAt(i)) out << " in overflow chain from page " << node.OverflowPageAt(i);
    } else {
      out << "  child " << node.ChildAt(i + 1);
    }
    out << "\n";
  }
}

}  // namespace

Status PrintPage(DataDir* dir, PageId id, std::ostream& out) {
  PrintLogNote(dir, out);
  bool checksum_ok = false;
  Result<std::string> page = dir->ReadPage(id, &checksum_ok);
  if (!page.ok()) return page.status();
  const char* p = page->data();
  storage::PageType type = storage::GetPageType(p);
  char crc[32];
  std::snprintf(crc, sizeof(crc), "0x%08X", DecodeFixed32(p));
  out << "page " << id << " of " << dir->data_path() << " (file offset "
      << uint64_t{id} * storage::kPageSize << ")\n";
  out << "  offset  size  field           value\n";
  Field(out, 0, 4, "checksum",
        std::string(crc) + (checksum_ok ? " (valid)" : " (MISMATCH: the page is damaged)"));
  Field(out, 4, 8, "page LSN", std::to_string(DecodeFixed64(p + 4)));
  Field(
      out, 12, 1, "page type",
      std::to_string(static_cast<int>(static_cast<uint8_t>(p[12]))) + " (" + TypeName(type) + ")");
  Field(out, 13, 3, "reserved", Hex(std::string_view(p + 13, 3)));
  switch (type) {
    case storage::PageType::kFileHeader:
      PrintFileHeader(*page, out);
      break;
    case storage::PageType::kFree:
      out << "free page\n";
      Field(out, 16, 4, "next free page", PageIdText(DecodeFixed32(p + 16)));
      break;
    case storage::PageType::kBTreeLeaf:
    case storage::PageType::kBTreeInternal:
      PrintNode(dir, id, *page, out);
      break;
    case storage::PageType::kOverflow:
      out << "overflow page (btree/overflow.h)\n";
      Field(out, 16, 4, "next page",
            DecodeFixed32(p + 16) == 0 ? std::string("none (0: last page)")
                                       : std::to_string(DecodeFixed32(p + 16)));
      Field(out, 20, 4, "data bytes", std::to_string(DecodeFixed32(p + 20)));
      Field(out, 24, DecodeFixed32(p + 20), "data",
            "\"" + Printable(std::string_view(p + 24, 8168), 32) + "\"");
      break;
  }
  return Status::OK();
}

}  // namespace minisql::inspect
