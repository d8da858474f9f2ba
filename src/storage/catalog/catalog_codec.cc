// catalog_codec.cc — see catalog_codec.h for the record formats.
#include "storage/catalog/catalog_codec.h"

#include "storage/table/byte_coding.h"
#include "storage/table/row_codec.h"

namespace minisql::storage {
namespace {

constexpr uint8_t kTableFormatVersion = 2;
constexpr uint8_t kTableFormatWithoutIndexes = 1;

enum ColumnFlags : uint8_t {
  kNullable = 1,
  kAutoIncrement = 2,
  kHasDefault = 4,
  kDefaultIsNull = 8,
  kDefaultNow = 16,
  kOnUpdateNow = 32,
};

std::string TwoPartKey(char type, const std::string& first, const std::string& second) {
  std::string key(1, type);
  key += first;
  key.push_back('\0');
  key += second;
  return key;
}

bool ReadColumn(ByteReader* reader, ColumnDef* column) {
  uint8_t type_id, is_unsigned, scale, flags;
  uint64_t length;
  if (!reader->ReadString(&column->name) || !reader->ReadByte(&type_id) ||
      !reader->ReadByte(&is_unsigned) || !reader->ReadVarint(&length) ||
      !reader->ReadByte(&scale) || !reader->ReadByte(&flags)) {
    return false;
  }
  if (type_id > static_cast<uint8_t>(TypeId::kBinary) || length > UINT32_MAX) return false;
  column->type.id = static_cast<TypeId>(type_id);
  column->type.is_unsigned = is_unsigned != 0;
  column->type.length = static_cast<uint32_t>(length);
  column->type.scale = scale;
  column->nullable = (flags & kNullable) != 0;
  column->auto_increment = (flags & kAutoIncrement) != 0;
  column->default_now = (flags & kDefaultNow) != 0;
  column->on_update_now = (flags & kOnUpdateNow) != 0;
  column->default_value.reset();
  if (flags & kHasDefault) {
    Value value;
    if (!(flags & kDefaultIsNull) && !ReadValue(reader, &value)) return false;
    column->default_value = std::move(value);
  }
  return true;
}

}  // namespace

Status CorruptCatalog() {
  return Status::Error(ErrorCode::kCorruption, "catalog");
}

std::string DatabaseKey(const std::string& db) {
  return std::string(kDatabaseKeyPrefix) + db;
}
std::string TableKey(const std::string& db, const std::string& table) {
  return TwoPartKey('T', db, table);
}
std::string TableKeyPrefix(const std::string& db) {
  return TwoPartKey('T', db, "");
}
std::string CountersKey(const std::string& db, const std::string& table) {
  return TwoPartKey('A', db, table);
}
std::string UserKey(const std::string& user, const std::string& host) {
  return TwoPartKey('U', user, host);
}

std::string EncodeTableEntry(const TableSchema& schema, PageId root,
                             const std::vector<PageId>& index_roots) {
  std::string out;
  out.push_back(static_cast<char>(kTableFormatVersion));
  PutVarint(&out, schema.table_id);
  PutFixed32(&out, root);
  PutLengthPrefixed(&out, schema.database);
  PutLengthPrefixed(&out, schema.name);
  PutVarint(&out, schema.columns.size());
  for (const ColumnDef& column : schema.columns) {
    PutLengthPrefixed(&out, column.name);
    out.push_back(static_cast<char>(column.type.id));
    out.push_back(static_cast<char>(column.type.is_unsigned ? 1 : 0));
    PutVarint(&out, column.type.length);
    out.push_back(static_cast<char>(column.type.scale));
    uint8_t flags =
        (column.nullable ? kNullable : 0) | (column.auto_increment ? kAutoIncrement : 0);
    if (column.default_value) {
      flags |= kHasDefault | (column.default_value->is_null() ? kDefaultIsNull : 0);
    }
    flags |= (column.default_now ? kDefaultNow : 0) | (column.on_update_now ? kOnUpdateNow : 0);
    out.push_back(static_cast<char>(flags));
    if (column.default_value) AppendValue(*column.default_value, &out);
  }
  PutVarint(&out, schema.primary_key.size());
  for (uint32_t index : schema.primary_key) PutVarint(&out, index);
  PutLengthPrefixed(&out, schema.options);
  PutVarint(&out, schema.indexes.size());
  for (size_t i = 0; i < schema.indexes.size(); ++i) {
    const IndexDef& index = schema.indexes[i];
    PutLengthPrefixed(&out, index.name);
    out.push_back(static_cast<char>(index.unique ? 1 : 0));
    PutVarint(&out, index.columns.size());
    for (size_t c = 0; c < index.columns.size(); ++c) {
      PutVarint(&out, index.columns[c]);
      out.push_back(static_cast<char>(index.IsDescending(c) ? 1 : 0));
    }
    PutFixed32(&out, i < index_roots.size() ? index_roots[i] : kInvalidPageId);
  }
  // Views only: a base table's record ends after its indexes.
  if (!schema.view_definition.empty()) PutLengthPrefixed(&out, schema.view_definition);
  return out;
}

Result<TableEntry> DecodeTableEntry(std::string_view record) {
  ByteReader reader(record);
  auto schema = std::make_shared<TableSchema>();
  uint8_t version;
  uint32_t root;
  uint64_t column_count, key_count;
  if (!reader.ReadByte(&version) ||
      (version != kTableFormatVersion && version != kTableFormatWithoutIndexes) ||
      !reader.ReadVarint(&schema->table_id) || !reader.ReadFixed32(&root) ||
      !reader.ReadString(&schema->database) || !reader.ReadString(&schema->name) ||
      !reader.ReadVarint(&column_count) || column_count > reader.remaining()) {
    return CorruptCatalog();
  }
  schema->columns.resize(column_count);
  for (ColumnDef& column : schema->columns) {
    if (!ReadColumn(&reader, &column)) return CorruptCatalog();
  }
  if (!reader.ReadVarint(&key_count) || key_count > column_count) return CorruptCatalog();
  for (uint64_t i = 0; i < key_count; ++i) {
    uint64_t index;
    if (!reader.ReadVarint(&index) || index >= column_count) return CorruptCatalog();
    schema->primary_key.push_back(static_cast<uint32_t>(index));
  }
  if (!reader.ReadString(&schema->options)) return CorruptCatalog();
  std::vector<PageId> index_roots;
  if (version == kTableFormatVersion) {
    uint64_t index_count;
    if (!reader.ReadVarint(&index_count) || index_count > reader.remaining()) {
      return CorruptCatalog();
    }
    for (uint64_t i = 0; i < index_count; ++i) {
      IndexDef index;
      uint8_t unique;
      uint64_t columns;
      if (!reader.ReadString(&index.name) || !reader.ReadByte(&unique) || unique > 1 ||
          !reader.ReadVarint(&columns) || columns == 0 || columns > column_count) {
        return CorruptCatalog();
      }
      index.unique = unique != 0;
      for (uint64_t c = 0; c < columns; ++c) {
        uint64_t column;
        uint8_t descending;
        if (!reader.ReadVarint(&column) || column >= column_count ||
            !reader.ReadByte(&descending) || descending > 1) {
          return CorruptCatalog();
        }
        index.columns.push_back(static_cast<uint32_t>(column));
        index.descending.push_back(descending != 0);
      }
      uint32_t index_root;
      if (!reader.ReadFixed32(&index_root) || index_root == kInvalidPageId) {
        return CorruptCatalog();
      }
      schema->indexes.push_back(std::move(index));
      index_roots.push_back(index_root);
    }
  }
  // A view's definition follows (version 1 records of views have it right after options).
  if (!reader.at_end() && !reader.ReadString(&schema->view_definition)) return CorruptCatalog();
  if (!reader.at_end()) return CorruptCatalog();
  return TableEntry{std::move(schema), root, std::move(index_roots)};
}

std::string EncodeCounters(const TableCounters& counters) {
  std::string out;
  PutFixed64(&out, counters.next_auto_increment);
  PutFixed64(&out, counters.next_row_id);
  return out;
}

Result<TableCounters> DecodeCounters(std::string_view record) {
  ByteReader reader(record);
  TableCounters counters;
  if (!reader.ReadFixed64(&counters.next_auto_increment) ||
      !reader.ReadFixed64(&counters.next_row_id) || !reader.at_end()) {
    return CorruptCatalog();
  }
  return counters;
}

std::string EncodeUser(const UserRecord& user) {
  std::string out;
  PutLengthPrefixed(&out, user.user);
  PutLengthPrefixed(&out, user.host);
  PutLengthPrefixed(&out, user.plugin);
  PutLengthPrefixed(&out, user.auth_string);
  // Appended later: records written before privileges existed simply end here.
  if (!user.privileges.empty()) PutLengthPrefixed(&out, user.privileges);
  return out;
}

Result<UserRecord> DecodeUser(std::string_view record) {
  ByteReader reader(record);
  UserRecord user;
  if (!reader.ReadString(&user.user) || !reader.ReadString(&user.host) ||
      !reader.ReadString(&user.plugin) || !reader.ReadString(&user.auth_string)) {
    return CorruptCatalog();
  }
  if (!reader.at_end() && !reader.ReadString(&user.privileges)) return CorruptCatalog();
  if (!reader.at_end()) return CorruptCatalog();
  return user;
}

std::string EncodeUint64(uint64_t v) {
  std::string out;
  PutFixed64(&out, v);
  return out;
}

Result<uint64_t> DecodeUint64(std::string_view record) {
  ByteReader reader(record);
  uint64_t v;
  if (!reader.ReadFixed64(&v) || !reader.at_end()) return CorruptCatalog();
  return v;
}

}  // namespace minisql::storage
