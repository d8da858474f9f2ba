// name_scopes.cc — column name resolution for the statement binder (see name_scopes.h).
#include "sql/binder/name_scopes.h"

#include <algorithm>

#include "sql/binder/binder.h"

namespace minisql::sql {

namespace {

// The name MySQL quotes in 1054/1052: the reference as written, without the
// database part ("t.c" or "c").
std::string RefName(const ast::ColumnRefExpr& ref) {
  return ref.table.empty() ? ref.column : ref.table + "." + ref.column;
}

constexpr const char kMarkerPrefix[] =
    "\x01"
    "aggregate#";

}  // namespace

Result<ColumnOrigin> TableScope::Locate(const ast::ColumnRefExpr& ref) const {
  std::optional<ColumnOrigin> found;
  size_t count = std::min(visible_, tables_->size());
  for (size_t t = first_; t < count; ++t) {
    const BoundTable& table = (*tables_)[t];
    if (!ref.table.empty() && ref.table != table.alias) continue;
    if (!ref.database.empty() && ref.database != table.schema->database) continue;
    int column = table.schema->FindColumn(ref.column);
    if (column < 0) continue;
    if (ref.table.empty() &&
        std::find(table.hidden_columns.begin(), table.hidden_columns.end(),
                  static_cast<uint32_t>(column)) != table.hidden_columns.end()) {
      continue;  // the other copy of a USING column answers to the bare name
    }
    if (found) return Status::Error(ErrorCode::kNonUniq, RefName(ref), clause_);
    found = ColumnOrigin{static_cast<uint32_t>(t), static_cast<uint32_t>(column)};
  }
  if (!found) return Status::Error(ErrorCode::kBadField, RefName(ref), clause_);
  return *found;
}

Result<BoundColumn> TableScope::Resolve(const ast::ColumnRefExpr& ref) const {
  Result<ColumnOrigin> origin = Locate(ref);
  if (!origin.ok()) return origin.status();
  const BoundTable& table = (*tables_)[origin->table_index];
  const storage::ColumnDef& def = table.schema->columns[origin->column_index];
  return BoundColumn{table.offset + origin->column_index, def.type, def.nullable, def.name};
}

std::string AggregateMarker(size_t index) {
  return kMarkerPrefix + std::to_string(index);
}

Result<BoundColumn> AggregateScope::Resolve(const ast::ColumnRefExpr& ref) const {
  const std::string prefix = kMarkerPrefix;
  if (ref.table.empty() && ref.column.compare(0, prefix.size(), prefix) == 0) {
    size_t index = std::stoul(ref.column.substr(prefix.size()));
    const BoundAggregate& aggregate = (*aggregates_)[index];
    // COUNT never yields NULL; the others do on empty input.
    bool nullable = aggregate.spec.name != "COUNT";
    return BoundColumn{static_cast<uint32_t>(index), aggregate.result_type, nullable, ref.text};
  }
  Result<BoundColumn> column = input_->Resolve(ref);
  if (!column.ok() || column->outer_slots) return column;
  column->index += static_cast<uint32_t>(aggregates_->size());
  // An empty table still yields one aggregated row, whose other columns are NULL.
  column->nullable = true;
  return column;
}

const SelectAlias* AliasScope::FindAlias(const ast::ColumnRefExpr& ref) const {
  if (!ref.table.empty() || !ref.database.empty()) return nullptr;
  for (const SelectAlias& alias : aliases_) {
    if (EqualsIgnoreCase(alias.name, ref.column)) return &alias;
  }
  return nullptr;
}

Result<BoundColumn> AliasScope::Resolve(const ast::ColumnRefExpr& ref) const {
  const SelectAlias* alias = FindAlias(ref);
  bool grouped = false;
  for (const std::string& name : grouped_names_) grouped |= EqualsIgnoreCase(name, ref.column);
  if (alias != nullptr && aliases_first_ && !grouped) return alias->column;
  Result<BoundColumn> column = input_->Resolve(ref);
  if (column.ok()) {
    if (!column->outer_slots) column->index += item_count_;
    return column;
  }
  if (alias != nullptr) return alias->column;
  return column;
}

}  // namespace minisql::sql
