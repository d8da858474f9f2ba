// key_range_extractor.cc — see key_range_extractor.h.
#include "sql/planner/key_range_extractor.h"

#include <optional>
#include <vector>

#include "sql/binder/binder.h"

namespace minisql::sql {

namespace {

struct Bounds {
  std::optional<int64_t> lower;  // inclusive
  std::optional<int64_t> upper;  // inclusive
  bool empty = false;            // contradictory terms: no row can match

  void Lower(int64_t v) {
    if (!lower || v > *lower) lower = v;
  }
  void Upper(int64_t v) {
    if (!upper || v < *upper) upper = v;
  }
};

// An integer constant: 5, -5, +5.
std::optional<int64_t> IntConstant(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::kLiteral) {
    const Value& v = static_cast<const ast::LiteralExpr&>(expr).value;
    if (v.kind() == Value::Kind::kInt) return v.int_value();
    return std::nullopt;
  }
  if (expr.kind == ast::ExprKind::kUnary) {
    const auto& unary = static_cast<const ast::UnaryExpr&>(expr);
    std::optional<int64_t> inner = IntConstant(*unary.operand);
    if (!inner) return std::nullopt;
    if (unary.op == ast::UnaryOp::kPlus) return inner;
    if (unary.op == ast::UnaryOp::kNegate && *inner != INT64_MIN) return -*inner;
  }
  return std::nullopt;
}

class Extractor {
 public:
  Extractor(const storage::TableSchema& table, const std::string& alias)
      : table_(table), alias_(alias) {}

  void Visit(const ast::Expr& expr, Bounds* bounds) const {
    if (expr.kind == ast::ExprKind::kBinary) {
      const auto& binary = static_cast<const ast::BinaryExpr&>(expr);
      if (binary.op == ast::BinaryOp::kAnd) {
        Visit(*binary.left, bounds);
        Visit(*binary.right, bounds);
        return;
      }
      VisitComparison(binary, bounds);
      return;
    }
    if (expr.kind == ast::ExprKind::kBetween) {
      const auto& between = static_cast<const ast::BetweenExpr&>(expr);
      if (between.negated || !IsKeyColumn(*between.operand)) return;
      std::optional<int64_t> low = IntConstant(*between.low);
      std::optional<int64_t> high = IntConstant(*between.high);
      if (low) bounds->Lower(*low);
      if (high) bounds->Upper(*high);
    }
  }

 private:
  bool IsKeyColumn(const ast::Expr& expr) const {
    if (expr.kind != ast::ExprKind::kColumnRef) return false;
    const auto& ref = static_cast<const ast::ColumnRefExpr&>(expr);
    if (!ref.table.empty() && ref.table != alias_) return false;
    if (!ref.database.empty() && ref.database != table_.database) return false;
    return EqualsIgnoreCase(ref.column, table_.columns[table_.primary_key[0]].name);
  }

  void VisitComparison(const ast::BinaryExpr& binary, Bounds* bounds) const {
    ast::BinaryOp op = binary.op;
    const ast::Expr* column = binary.left.get();
    const ast::Expr* constant = binary.right.get();
    if (!IsKeyColumn(*column)) {
      std::swap(column, constant);
      // `5 < id` is `id > 5`.
      switch (op) {
        case ast::BinaryOp::kLt:
          op = ast::BinaryOp::kGt;
          break;
        case ast::BinaryOp::kLe:
          op = ast::BinaryOp::kGe;
          break;
        case ast::BinaryOp::kGt:
          op = ast::BinaryOp::kLt;
          break;
        case ast::BinaryOp::kGe:
          op = ast::BinaryOp::kLe;
          break;
        default:
          break;
      }
      if (!IsKeyColumn(*column)) return;
    }
    std::optional<int64_t> v = IntConstant(*constant);
    if (!v) return;
    switch (op) {
      case ast::BinaryOp::kEq:
      case ast::BinaryOp::kNullSafeEq:
        bounds->Lower(*v);
        bounds->Upper(*v);
        break;
      case ast::BinaryOp::kGt:
        if (*v == INT64_MAX)
          bounds->empty = true;
        else
          bounds->Lower(*v + 1);
        break;
      case ast::BinaryOp::kGe:
        bounds->Lower(*v);
        break;
      case ast::BinaryOp::kLt:
        if (*v == INT64_MIN)
          bounds->empty = true;
        else
          bounds->Upper(*v - 1);
        break;
      case ast::BinaryOp::kLe:
        bounds->Upper(*v);
        break;
      default:
        break;
    }
  }

  const storage::TableSchema& table_;
  const std::string& alias_;
};

}  // namespace

storage::KeyRange ExtractKeyRange(const ast::Expr* where, const storage::TableSchema& table,
                                  const std::string& alias) {
  if (where == nullptr || table.primary_key.empty() ||
      !table.columns[table.primary_key[0]].type.IsInteger()) {
    return storage::KeyRange::All();
  }
  Bounds bounds;
  Extractor(table, alias).Visit(*where, &bounds);
  storage::KeyRange range;
  if (bounds.empty || (bounds.lower && bounds.upper && *bounds.lower > *bounds.upper)) {
    // Nothing can match. Rather than rely on how the engine treats an inverted
    // range, scan everything and let the predicate reject each row.
    return storage::KeyRange::All();
  }
  if (bounds.lower) range.lower = storage::KeyBound{{Value::Int(*bounds.lower)}, true};
  if (bounds.upper) range.upper = storage::KeyBound{{Value::Int(*bounds.upper)}, true};
  return range;
}

}  // namespace minisql::sql
