// access_path.cc — see access_path.h.
#include "sql/planner/access_path.h"

#include <tuple>

#include "sql/expression/expression_nodes.h"
#include "sql/planner/index_range_extractor.h"
#include "sql/planner/key_range_extractor.h"

namespace minisql::sql {
namespace {

using Score = std::tuple<bool, size_t, bool>;  // (one row, equality columns, has range)

bool IsPoint(const storage::KeyRange& range) {
  return range.lower && range.upper && range.lower->inclusive && range.upper->inclusive &&
         range.lower->values.size() == 1 && range.upper->values.size() == 1 &&
         range.lower->values[0].kind() == Value::Kind::kInt &&
         range.upper->values[0].kind() == Value::Kind::kInt &&
         range.lower->values[0].int_value() == range.upper->values[0].int_value();
}

// The columns an index scan returns rows sorted by, ascending: the index columns up
// to the first DESC one, then (all ascending) the primary key's.
std::vector<uint32_t> AscendingOrder(const storage::TableSchema& table,
                                     const storage::IndexDef& index) {
  std::vector<uint32_t> order;
  for (size_t c = 0; c < index.columns.size(); ++c) {
    if (index.IsDescending(c)) return order;
    order.push_back(index.columns[c]);
  }
  order.insert(order.end(), table.primary_key.begin(), table.primary_key.end());
  return order;
}

}  // namespace

AccessPath ChooseAccessPath(const ast::Expr* where, const storage::TableSchema& table,
                            const std::string& alias, const std::vector<uint32_t>& wanted_order) {
  AccessPath best;
  best.range = ExtractKeyRange(where, table, alias);
  best.order = table.primary_key;
  bool point = IsPoint(best.range);
  best.equality_columns = point ? 1 : 0;
  Score best_score{point && table.primary_key.size() == 1, best.equality_columns,
                   !point && (best.range.lower || best.range.upper)};
  for (size_t i = 0; i < table.indexes.size(); ++i) {
    const storage::IndexDef& index = table.indexes[i];
    IndexRangeMatch match = ExtractIndexRange(where, table, alias, index);
    bool one_row = index.unique && match.equality_columns == index.columns.size();
    for (size_t c = 0; one_row && c < match.equality_columns; ++c) {
      one_row = !match.range.lower->values[c].is_null();  // NULLs may repeat
    }
    Score score{one_row, match.equality_columns, match.bounded};
    if (score <= best_score) continue;
    best_score = score;
    best.use_index = true;
    best.index = i;
    best.range = match.range;
    best.equality_columns = match.equality_columns;
    best.order = AscendingOrder(table, index);
  }
  if (best_score != Score{false, 0, false} || wanted_order.empty() ||
      ProvidesOrder(best, wanted_order)) {
    return best;
  }
  // Nothing narrows the scan: read through an index whose order is ORDER BY's.
  for (size_t i = 0; i < table.indexes.size(); ++i) {
    AccessPath ordered;
    ordered.use_index = true;
    ordered.index = i;
    ordered.order = AscendingOrder(table, table.indexes[i]);
    if (ProvidesOrder(ordered, wanted_order)) return ordered;
  }
  return best;
}

bool ProvidesOrder(const AccessPath& path, const std::vector<uint32_t>& wanted_order) {
  if (wanted_order.empty()) return false;
  // Columns fixed by equalities may be skipped: WHERE a = 1 ORDER BY b on KEY (a, b).
  for (size_t start = 0; start <= path.equality_columns; ++start) {
    if (start + wanted_order.size() > path.order.size()) return false;
    bool match = true;
    for (size_t j = 0; match && j < wanted_order.size(); ++j) {
      match = path.order[start + j] == wanted_order[j];
    }
    if (match) return true;
  }
  return false;
}

std::vector<uint32_t> OrderByColumns(const BoundSelect& select) {
  if (select.tables.size() != 1 || select.aggregate || select.order_by.empty()) return {};
  std::vector<uint32_t> columns;
  for (const BoundOrderItem& item : select.order_by) {
    const auto* ref = dynamic_cast<const ColumnRefExpression*>(item.key.get());
    if (item.descending || ref == nullptr) return {};
    uint32_t position = ref->index();  // in the projected row: items ++ [input row]
    if (position < select.items.size()) {
      const auto* source = dynamic_cast<const ColumnRefExpression*>(select.items[position].get());
      if (source == nullptr) return {};
      columns.push_back(source->index());
    } else if (select.project_input) {
      columns.push_back(position - static_cast<uint32_t>(select.items.size()));
    } else {
      return {};
    }
  }
  return columns;
}

}  // namespace minisql::sql
