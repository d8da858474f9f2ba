// btree_node.cc — see btree_node.h for the node layout.
#include "storage/btree/btree_node.h"

#include <cstring>
#include <string>

#include "storage/table/byte_coding.h"

namespace minisql::storage {

uint16_t BTreeNode::Get16(size_t off) const {
  return static_cast<uint16_t>(static_cast<uint8_t>(data_[off]) |
                               (static_cast<uint8_t>(data_[off + 1]) << 8));
}

uint32_t BTreeNode::Get32(size_t off) const {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v |= static_cast<uint32_t>(static_cast<uint8_t>(data_[off + i])) << (8 * i);
  return v;
}

void BTreeNode::Put16(size_t off, uint16_t v) {
  data_[off] = static_cast<char>(v & 0xff);
  data_[off + 1] = static_cast<char>(v >> 8);
}

void BTreeNode::Put32(size_t off, uint32_t v) {
  for (int i = 0; i < 4; ++i) data_[off + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

void BTreeNode::Init(NodeType type) {
  std::memset(data_, 0, kHeaderSize);
  data_[0] = static_cast<char>(type);
  Put16(4, static_cast<uint16_t>(size_));
}

size_t BTreeNode::CellLength(size_t offset) const {
  if (offset >= size_) return 0;
  ByteReader reader(std::string_view(data_ + offset, size_ - offset));
  uint64_t key_len = 0, stored_len = 0;
  if (is_leaf()) {
    uint64_t value_len = 0;
    if (!reader.ReadVarint(&key_len) || !reader.ReadVarint(&value_len)) return 0;
    stored_len = StoredValueSize(key_len, value_len);
  } else {
    uint32_t child;
    if (!reader.ReadFixed32(&child) || !reader.ReadVarint(&key_len)) return 0;
  }
  if (key_len > reader.remaining() || stored_len > reader.remaining() - key_len) return 0;
  return (size_ - offset - reader.remaining()) + key_len + stored_len;
}

bool BTreeNode::Validate() const {
  if (size_ < kHeaderSize || size_ > 0xffff) return false;
  if (type() != NodeType::kLeaf && type() != NodeType::kInternal) return false;
  size_t start = Get16(4);
  size_t slots_end = kHeaderSize + kSlotSize * count();
  if (slots_end > start || start > size_ || Get16(6) > size_ - start) return false;
  size_t live = 0;
  for (size_t i = 0; i < count(); ++i) {
    size_t offset = CellOffset(i);
    if (offset < start) return false;
    size_t length = CellLength(offset);
    if (length == 0) return false;
    live += length;
  }
  // Every byte of the cell area is either a live cell or counted as fragmented.
  return live + Get16(6) == size_ - start;
}

std::string_view BTreeNode::KeyAt(size_t index) const {
  size_t offset = CellOffset(index);
  ByteReader reader(std::string_view(data_ + offset, size_ - offset));
  uint64_t key_len = 0, value_len = 0;
  uint32_t child;
  if (is_leaf()) {
    reader.ReadVarint(&key_len);
    reader.ReadVarint(&value_len);
  } else {
    reader.ReadFixed32(&child);
    reader.ReadVarint(&key_len);
  }
  std::string_view key;
  reader.ReadBytes(key_len, &key);
  return key;
}

std::string_view BTreeNode::ValueAt(size_t index) const {
  size_t offset = CellOffset(index);
  ByteReader reader(std::string_view(data_ + offset, size_ - offset));
  uint64_t key_len = 0, value_len = 0;
  reader.ReadVarint(&key_len);
  reader.ReadVarint(&value_len);
  std::string_view key, stored;
  reader.ReadBytes(key_len, &key);
  reader.ReadBytes(StoredValueSize(key_len, value_len), &stored);
  return stored;
}

uint64_t BTreeNode::ValueSizeAt(size_t index) const {
  size_t offset = CellOffset(index);
  ByteReader reader(std::string_view(data_ + offset, size_ - offset));
  uint64_t key_len = 0, value_len = 0;
  reader.ReadVarint(&key_len);
  reader.ReadVarint(&value_len);
  return value_len;
}

uint32_t BTreeNode::OverflowPageAt(size_t index) const {
  ByteReader reader(ValueAt(index));
  uint32_t page = 0;
  reader.ReadFixed32(&page);
  return page;
}

uint32_t BTreeNode::ChildAt(size_t index) const {
  return index == 0 ? link() : Get32(CellOffset(index - 1));
}

void BTreeNode::SetChildAt(size_t index, uint32_t page_id) {
  if (index == 0) {
    set_link(page_id);
  } else {
    Put32(CellOffset(index - 1), page_id);
  }
}

size_t BTreeNode::LowerBound(std::string_view key) const {
  size_t low = 0, high = count();
  while (low < high) {
    size_t mid = (low + high) / 2;
    if (KeyAt(mid) < key) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

size_t BTreeNode::ChildIndexFor(std::string_view key) const {
  // Child i+1 holds keys >= key(i): follow the last cell whose key is <= `key`.
  size_t index = LowerBound(key);
  if (index < count() && KeyAt(index) == key) return index + 1;
  return index;
}

bool BTreeNode::ValueOverflows(uint64_t key_size, uint64_t value_size) {
  // Checked first so that the sum below cannot overflow for absurd (corrupt) lengths.
  if (key_size >= kMaxCellSize || value_size >= kMaxCellSize) return true;
  return VarintLength(key_size) + VarintLength(value_size) + key_size + value_size + kSlotSize >
         kMaxCellSize;
}

uint64_t BTreeNode::StoredValueSize(uint64_t key_size, uint64_t value_size) {
  return ValueOverflows(key_size, value_size) ? kOverflowRefSize : value_size;
}

size_t BTreeNode::LeafCellSize(size_t key_size, uint64_t value_size) {
  return VarintLength(key_size) + VarintLength(value_size) + key_size +
         StoredValueSize(key_size, value_size) + kSlotSize;
}

size_t BTreeNode::InternalCellSize(std::string_view key) {
  return 4 + VarintLength(key.size()) + key.size() + kSlotSize;
}

size_t BTreeNode::FreeSpace() const {
  return Get16(4) - (kHeaderSize + kSlotSize * count()) + Get16(6);
}

void BTreeNode::Compact() {
  std::string copy(data_, size_);
  BTreeNode old(copy.data(), size_);
  size_t start = size_;
  for (size_t i = 0; i < old.count(); ++i) {
    size_t offset = old.CellOffset(i);
    size_t length = old.CellLength(offset);
    start -= length;
    std::memcpy(data_ + start, copy.data() + offset, length);
    Put16(kHeaderSize + kSlotSize * i, static_cast<uint16_t>(start));
  }
  Put16(4, static_cast<uint16_t>(start));
  Put16(6, 0);
}

size_t BTreeNode::MakeRoom(size_t index, size_t bytes) {
  if (FreeSpace() < bytes + kSlotSize) return 0;
  size_t slots_end = kHeaderSize + kSlotSize * count();
  if (Get16(4) - slots_end < bytes + kSlotSize) Compact();
  size_t start = Get16(4) - bytes;
  Put16(4, static_cast<uint16_t>(start));
  char* slot = data_ + kHeaderSize + kSlotSize * index;
  std::memmove(slot + kSlotSize, slot, kSlotSize * (count() - index));
  Put16(kHeaderSize + kSlotSize * index, static_cast<uint16_t>(start));
  Put16(2, static_cast<uint16_t>(count() + 1));
  return start;
}

bool BTreeNode::InsertLeafCell(size_t index, std::string_view key, std::string_view value) {
  return InsertLeafCell(index, key, value.size(), value);
}

bool BTreeNode::InsertLeafCell(size_t index, std::string_view key, uint64_t value_size,
                               std::string_view stored) {
  if (stored.size() != StoredValueSize(key.size(), value_size)) return false;
  std::string cell;
  PutVarint(&cell, key.size());
  PutVarint(&cell, value_size);
  cell.append(key);
  cell.append(stored);
  size_t offset = MakeRoom(index, cell.size());
  if (offset == 0) return false;
  std::memcpy(data_ + offset, cell.data(), cell.size());
  return true;
}

bool BTreeNode::InsertInternalCell(size_t index, std::string_view key, uint32_t child) {
  std::string cell;
  PutFixed32(&cell, child);
  PutVarint(&cell, key.size());
  cell.append(key);
  size_t offset = MakeRoom(index, cell.size());
  if (offset == 0) return false;
  std::memcpy(data_ + offset, cell.data(), cell.size());
  return true;
}

void BTreeNode::RemoveCell(size_t index) {
  size_t length = CellLength(CellOffset(index));
  char* slot = data_ + kHeaderSize + kSlotSize * index;
  std::memmove(slot, slot + kSlotSize, kSlotSize * (count() - index - 1));
  Put16(2, static_cast<uint16_t>(count() - 1));
  if (count() == 0) {
    Put16(4, static_cast<uint16_t>(size_));
    Put16(6, 0);
  } else {
    Put16(6, static_cast<uint16_t>(Get16(6) + length));
  }
}

}  // namespace minisql::storage
