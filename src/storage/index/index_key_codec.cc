// index_key_codec.cc — see index_key_codec.h for the byte format.
#include "storage/index/index_key_codec.h"

#include "storage/table/key_codec.h"

namespace minisql::storage {

Result<std::string> EncodeIndexPrefix(const TableSchema& table, const IndexDef& index,
                                      const std::vector<Value>& values) {
  if (values.size() > index.columns.size()) {
    return Status::Error(ErrorCode::kInternalError, "index bound has more values than the index");
  }
  std::string key;
  for (size_t i = 0; i < values.size(); ++i) {
    uint32_t column = index.columns[i];
    if (column >= table.columns.size()) {
      return Status::Error(ErrorCode::kInternalError, "index column out of range");
    }
    size_t start = key.size();
    if (values[i].is_null()) {
      key.push_back('\0');
    } else {
      key.push_back('\1');
      MINISQL_RETURN_IF_ERROR(AppendKeyComponent(table.columns[column].type, values[i], &key));
    }
    if (index.IsDescending(i)) {
      // Components are prefix-free, so inverting every byte reverses their order.
      for (size_t b = start; b < key.size(); ++b) key[b] = static_cast<char>(~key[b]);
    }
  }
  return key;
}

std::vector<Value> IndexValues(const IndexDef& index, const Row& row) {
  std::vector<Value> values;
  values.reserve(index.columns.size());
  for (uint32_t column : index.columns) {
    values.push_back(column < row.size() ? row[column] : Value::Null());
  }
  return values;
}

Result<std::string> EncodeIndexKey(const TableSchema& table, const IndexDef& index, const Row& row,
                                   const std::string& clustered_key) {
  Result<std::string> key = EncodeIndexPrefix(table, index, IndexValues(index, row));
  if (!key.ok()) return key.status();
  *key += clustered_key;
  return key;
}

bool HasNullIndexValue(const IndexDef& index, const Row& row) {
  for (uint32_t column : index.columns) {
    if (column >= row.size() || row[column].is_null()) return true;
  }
  return false;
}

std::string DescribeIndexValues(const IndexDef& index, const Row& row) {
  std::string text;
  for (size_t i = 0; i < index.columns.size(); ++i) {
    if (i > 0) text += '-';
    uint32_t column = index.columns[i];
    if (column < row.size() && !row[column].is_null()) text += row[column].ToText();
  }
  return text;
}

}  // namespace minisql::storage
