// index_binding.cc — see index_binding.h.
#include "sql/binder/index_binding.h"

#include "sql/binder/binder.h"

namespace minisql::sql {
namespace {

bool Taken(const std::vector<std::string>& taken, const std::string& name) {
  if (EqualsIgnoreCase(name, "PRIMARY")) return true;
  for (const std::string& other : taken) {
    if (EqualsIgnoreCase(other, name)) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> IndexNames(const storage::TableSchema& schema) {
  std::vector<std::string> names;
  for (const storage::IndexDef& index : schema.indexes) names.push_back(index.name);
  return names;
}

Result<storage::IndexDef> BindIndexDefinition(const storage::TableSchema& schema,
                                              const ast::IndexDefinition& definition,
                                              const std::vector<std::string>& taken) {
  storage::IndexDef index;
  index.unique = definition.kind == ast::IndexDefinition::Kind::kUnique;
  for (const std::string& name : definition.columns) {
    int column = schema.FindColumn(name);
    if (column < 0) return Status::Error(ErrorCode::kKeyColumnDoesNotExist, name);
    for (uint32_t seen : index.columns) {
      if (seen == static_cast<uint32_t>(column)) {
        return Status::Error(ErrorCode::kDupFieldname, name);
      }
    }
    if (schema.columns[column].type.id == TypeId::kText ||
        schema.columns[column].type.id == TypeId::kBlob) {
      return Status::Error(ErrorCode::kBlobKeyWithoutLength, schema.columns[column].name);
    }
    index.columns.push_back(static_cast<uint32_t>(column));
    size_t position = index.columns.size() - 1;
    index.descending.push_back(position < definition.descending.size() &&
                               definition.descending[position]);
  }
  if (index.columns.empty()) return Status::Error(ErrorCode::kInternalError, "key without columns");
  if (!definition.name.empty()) {
    if (definition.name.size() > 64) {
      return Status::Error(ErrorCode::kTooLongIdent, definition.name);
    }
    if (EqualsIgnoreCase(definition.name, "PRIMARY")) {
      return Status::Error(ErrorCode::kWrongNameForIndex, definition.name);
    }
    if (Taken(taken, definition.name))
      return Status::Error(ErrorCode::kDupKeyname, definition.name);
    index.name = definition.name;
  } else {
    // MySQL names a key after its first column, numbering repeats from _2.
    std::string base = schema.columns[index.columns[0]].name;
    index.name = base;
    for (int suffix = 2; Taken(taken, index.name); ++suffix) {
      index.name = base + "_" + std::to_string(suffix);
    }
  }
  if (taken.size() >= kMaxIndexesPerTable) {
    return Status::Error(ErrorCode::kTooManyKeys, static_cast<int>(kMaxIndexesPerTable));
  }
  return index;
}

}  // namespace minisql::sql
