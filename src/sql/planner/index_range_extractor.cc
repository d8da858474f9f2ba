// index_range_extractor.cc — see index_range_extractor.h.
#include "sql/planner/index_range_extractor.h"

#include <algorithm>
#include <map>
#include <optional>

#include "sql/binder/binder.h"

namespace minisql::sql {
namespace {

// What the terms say about one column. The first term of each kind wins: a second
// one can only narrow further, and the filter applies it anyway.
struct ColumnTerms {
  std::optional<Value> equal;
  std::optional<storage::KeyBound> lower;  // one value
  std::optional<storage::KeyBound> upper;
};

// A literal's value, negated literals included.
std::optional<Value> LiteralValue(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::kLiteral) return static_cast<const ast::LiteralExpr&>(expr).value;
  if (expr.kind != ast::ExprKind::kUnary) return std::nullopt;
  const auto& unary = static_cast<const ast::UnaryExpr&>(expr);
  std::optional<Value> inner = LiteralValue(*unary.operand);
  if (!inner || unary.op == ast::UnaryOp::kPlus) return inner;
  if (unary.op != ast::UnaryOp::kNegate) return std::nullopt;
  switch (inner->kind()) {
    case Value::Kind::kInt:
      if (inner->int_value() == INT64_MIN) return std::nullopt;
      return Value::Int(-inner->int_value());
    case Value::Kind::kDouble:
      return Value::Double(-inner->double_value());
    case Value::Kind::kDecimal: {
      const Decimal& d = inner->decimal_value();
      return Value::FromDecimal(Decimal(-d.unscaled(), d.scale()));
    }
    default:
      return std::nullopt;
  }
}

// The constant as the column stores it, if that is exact.
std::optional<Value> ConstantFor(const ColumnType& type, const ast::Expr& expr) {
  std::optional<Value> v = LiteralValue(expr);
  if (!v || v->is_null()) return std::nullopt;
  if (type.IsInteger()) {
    if (v->kind() == Value::Kind::kInt) return v;
    // 2^63 and above: only an UNSIGNED column's key encoding can hold it.
    if (v->kind() == Value::Kind::kUInt && type.is_unsigned) return v;
    return std::nullopt;
  }
  // FLOAT is left out on purpose: its stored value is the float nearest the written
  // one, and whether `f = 4.67` matches depends on the comparison's precision, which a
  // range over exact doubles must not second-guess.
  if (type.id == TypeId::kDouble) {
    switch (v->kind()) {
      case Value::Kind::kInt:
        return Value::Double(static_cast<double>(v->int_value()));
      case Value::Kind::kDouble:
        return v;
      case Value::Kind::kDecimal:
        return Value::Double(v->decimal_value().ToDouble());
      default:
        return std::nullopt;
    }
  }
  if ((type.id == TypeId::kChar || type.id == TypeId::kVarchar) &&
      v->kind() == Value::Kind::kString) {
    return v;
  }
  return std::nullopt;
}

ast::BinaryOp Mirror(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::kLt:
      return ast::BinaryOp::kGt;
    case ast::BinaryOp::kLe:
      return ast::BinaryOp::kGe;
    case ast::BinaryOp::kGt:
      return ast::BinaryOp::kLt;
    case ast::BinaryOp::kGe:
      return ast::BinaryOp::kLe;
    default:
      return op;
  }
}

class TermCollector {
 public:
  TermCollector(const storage::TableSchema& table, const std::string& alias)
      : table_(table), alias_(alias) {}

  void Visit(const ast::Expr& expr) {
    switch (expr.kind) {
      case ast::ExprKind::kBinary: {
        const auto& binary = static_cast<const ast::BinaryExpr&>(expr);
        if (binary.op == ast::BinaryOp::kAnd) {
          Visit(*binary.left);
          Visit(*binary.right);
        } else {
          Comparison(binary);
        }
        return;
      }
      case ast::ExprKind::kIsNull: {
        const auto& is_null = static_cast<const ast::IsNullExpr&>(expr);
        int column = ColumnOf(*is_null.operand);
        if (column >= 0 && !is_null.negated && !terms_[column].equal) {
          terms_[column].equal = Value::Null();
        }
        return;
      }
      case ast::ExprKind::kBetween: {
        const auto& between = static_cast<const ast::BetweenExpr&>(expr);
        int column = ColumnOf(*between.operand);
        if (column < 0 || between.negated) return;
        const ColumnType& type = table_.columns[column].type;
        std::optional<Value> low = ConstantFor(type, *between.low);
        std::optional<Value> high = ConstantFor(type, *between.high);
        ColumnTerms& terms = terms_[column];
        if (low && !terms.lower) terms.lower = storage::KeyBound{{*low}, true};
        if (high && !terms.upper) terms.upper = storage::KeyBound{{*high}, true};
        return;
      }
      default:
        return;
    }
  }

  const std::map<uint32_t, ColumnTerms>& terms() const { return terms_; }

 private:
  int ColumnOf(const ast::Expr& expr) const {
    if (expr.kind != ast::ExprKind::kColumnRef) return -1;
    const auto& ref = static_cast<const ast::ColumnRefExpr&>(expr);
    if (!ref.table.empty() && ref.table != alias_) return -1;
    if (!ref.database.empty() && ref.database != table_.database) return -1;
    return table_.FindColumn(ref.column);
  }

  void Comparison(const ast::BinaryExpr& binary) {
    ast::BinaryOp op = binary.op;
    const ast::Expr* column_expr = binary.left.get();
    const ast::Expr* constant = binary.right.get();
    int column = ColumnOf(*column_expr);
    if (column < 0) {
      std::swap(column_expr, constant);
      op = Mirror(op);
      column = ColumnOf(*column_expr);
      if (column < 0) return;
    }
    std::optional<Value> v = ConstantFor(table_.columns[column].type, *constant);
    if (!v) return;
    ColumnTerms& terms = terms_[column];
    switch (op) {
      case ast::BinaryOp::kEq:
      case ast::BinaryOp::kNullSafeEq:
        if (!terms.equal) terms.equal = *v;
        break;
      case ast::BinaryOp::kGt:
      case ast::BinaryOp::kGe:
        if (!terms.lower) terms.lower = storage::KeyBound{{*v}, op == ast::BinaryOp::kGe};
        break;
      case ast::BinaryOp::kLt:
      case ast::BinaryOp::kLe:
        if (!terms.upper) terms.upper = storage::KeyBound{{*v}, op == ast::BinaryOp::kLe};
        break;
      default:
        break;
    }
  }

  const storage::TableSchema& table_;
  const std::string& alias_;
  std::map<uint32_t, ColumnTerms> terms_;
};

std::string ValueText(const Value& v) {
  if (v.is_null()) return "NULL";
  if (v.kind() == Value::Kind::kString) return "'" + v.string_value() + "'";
  return v.ToText();
}

}  // namespace

IndexRangeMatch ExtractIndexRange(const ast::Expr* where, const storage::TableSchema& table,
                                  const std::string& alias, const storage::IndexDef& index) {
  const std::vector<uint32_t>& columns = index.columns;
  IndexRangeMatch match;
  if (where == nullptr) return match;
  TermCollector collector(table, alias);
  collector.Visit(*where);
  std::vector<Value> prefix;
  for (uint32_t column : columns) {
    auto it = collector.terms().find(column);
    if (it == collector.terms().end()) break;
    const ColumnTerms& terms = it->second;
    if (terms.equal) {
      prefix.push_back(*terms.equal);
      ++match.equality_columns;
      continue;
    }
    if (!terms.lower && !terms.upper) break;
    match.bounded = true;
    auto extend = [&prefix](const std::optional<storage::KeyBound>& bound) {
      std::optional<storage::KeyBound> extended;
      if (bound) {
        extended = storage::KeyBound{prefix, bound->inclusive};
        extended->values.push_back(bound->values[0]);
      } else if (!prefix.empty()) {
        extended = storage::KeyBound{prefix, true};
      }
      return extended;
    };
    bool descending = index.IsDescending(prefix.size());
    match.range.lower = extend(descending ? terms.upper : terms.lower);
    match.range.upper = extend(descending ? terms.lower : terms.upper);
    return match;
  }
  if (!prefix.empty()) match.range = storage::KeyRange::Prefix(prefix);
  return match;
}

std::string DescribeIndexRange(const storage::TableSchema& table, const storage::IndexDef& index,
                               const storage::KeyRange& range) {
  if (!range.lower && !range.upper) return "all";
  const std::vector<uint32_t>& columns = index.columns;
  size_t lower_size = range.lower ? range.lower->values.size() : 0;
  size_t upper_size = range.upper ? range.upper->values.size() : 0;
  size_t width = std::max(lower_size, upper_size);
  std::string out;
  auto add = [&out](const std::string& term) { out += (out.empty() ? "" : " AND ") + term; };
  for (size_t i = 0; i < width && i < columns.size(); ++i) {
    const std::string& name = table.columns[columns[i]].name;
    bool last_lower = i + 1 == lower_size, last_upper = i + 1 == upper_size;
    std::optional<std::string> low, high;
    if (i < lower_size) low = ValueText(range.lower->values[i]);
    if (i < upper_size) high = ValueText(range.upper->values[i]);
    bool low_inclusive = !last_lower || range.lower->inclusive;
    bool high_inclusive = !last_upper || range.upper->inclusive;
    if (low && high && *low == *high && low_inclusive && high_inclusive) {
      add(name + " = " + *low);
      continue;
    }
    if (index.IsDescending(i)) {  // index order runs from high to low values
      std::swap(low, high);
      std::swap(low_inclusive, high_inclusive);
    }
    if (low) add(name + (low_inclusive ? " >= " : " > ") + *low);
    if (high) add(name + (high_inclusive ? " <= " : " < ") + *high);
  }
  return out;
}

}  // namespace minisql::sql
