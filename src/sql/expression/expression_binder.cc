// expression_binder.cc — ast::Expr -> bound Expression (see expression_binder.h).
//
// Binding is a recursive walk. Each AST node becomes the matching node of
// expression_nodes.h / function_registry.h once its children are bound, so every
// node's result type is computed bottom-up from its operands' types. What the
// executor cannot run yet is refused here, by name, with ER_NOT_SUPPORTED_YET.
#include "sql/expression/expression_binder.h"

#include <strings.h>
#include <algorithm>
#include <cctype>

#include "sql/expression/conversion.h"
#include "sql/expression/date_interval.h"
#include "sql/expression/expression_nodes.h"
#include "sql/expression/function_registry.h"
#include "sql/expression/row_subquery.h"
#include "sql/expression/user_variable_assignment.h"
#include "types/decimal.h"
#include "types/temporal.h"

namespace minisql::sql {
namespace {

/// Deeper expressions are refused rather than risking the stack in the recursive
/// binder and evaluator (MySQL refuses them too, with a stack-overrun error).
constexpr int kMaxDepth = 500;

Status NotSupported(const std::string& what) {
  return Status::Error(ErrorCode::kNotSupportedYet, what);
}

/// The function name as the user typed it (MySQL quotes it so in errors).
std::string WrittenName(const ast::FunctionExpr& f) {
  size_t paren = f.text.find('(');
  std::string name = paren == std::string::npos ? f.text : f.text.substr(0, paren);
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
  size_t start = 0;
  while (start < name.size() && std::isspace(static_cast<unsigned char>(name[start]))) ++start;
  name = name.substr(start);
  std::string upper = name;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (upper != f.name) {  // text unavailable or unusual: fall back to the lower-case name
    name = f.name;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  return name;
}

class Binder {
 public:
  explicit Binder(const NameScope& scope) : scope_(scope) {}

  Result<ExpressionPtr> Bind(const ast::Expr& e) {
    if (++depth_ > kMaxDepth) {
      return NotSupported("expressions nested more than 500 levels deep");
    }
    Result<ExpressionPtr> out = BindNode(e);
    --depth_;
    return out;
  }

 private:
  Result<ExpressionPtr> BindNode(const ast::Expr& e) {
    switch (e.kind) {
      case ast::ExprKind::kLiteral:
        return MakeLiteral(static_cast<const ast::LiteralExpr&>(e).value);
      case ast::ExprKind::kColumnRef: {
        const auto& ref = static_cast<const ast::ColumnRefExpr&>(e);
        Result<BoundColumn> col = scope_.Resolve(ref);
        if (!col.ok() && col.status().error_code() == ErrorCode::kBadField &&
            scope_.subqueries() != nullptr) {
          // Not a column of this query: perhaps one of an enclosing query.
          Result<BoundColumn> outer = scope_.subqueries()->ResolveOuter(ref);
          if (outer.ok()) col = std::move(outer);
        }
        if (!col.ok()) return col.status();
        return MakeColumnRef(*col);
      }
      case ast::ExprKind::kStar:
        return Status::Error(ErrorCode::kParseError, "*", 1);
      case ast::ExprKind::kUnary:
        return BindUnary(static_cast<const ast::UnaryExpr&>(e));
      case ast::ExprKind::kBinary:
        return BindBinary(static_cast<const ast::BinaryExpr&>(e));
      case ast::ExprKind::kIsNull: {
        const auto& n = static_cast<const ast::IsNullExpr&>(e);
        Result<ExpressionPtr> operand = Bind(*n.operand);
        if (!operand.ok()) return operand;
        return ExpressionPtr(
            new IsExpression(std::move(*operand), IsExpression::Test::kNull, n.negated));
      }
      case ast::ExprKind::kIsBool:
        return BindIsBool(static_cast<const ast::IsBoolExpr&>(e));
      case ast::ExprKind::kLike:
        return BindLike(static_cast<const ast::LikeExpr&>(e));
      case ast::ExprKind::kInList:
        return BindInList(static_cast<const ast::InListExpr&>(e));
      case ast::ExprKind::kBetween:
        return BindBetween(static_cast<const ast::BetweenExpr&>(e));
      case ast::ExprKind::kFunction:
        return BindFunction(static_cast<const ast::FunctionExpr&>(e));
      case ast::ExprKind::kVariable:
        return BindVariable(static_cast<const ast::VariableExpr&>(e));
      case ast::ExprKind::kCase:
        return BindCase(static_cast<const ast::CaseExpr&>(e));
      case ast::ExprKind::kCast:
        return BindCast(static_cast<const ast::CastExpr&>(e));
      case ast::ExprKind::kDefault:
        return NotSupported("DEFAULT in this context");
      case ast::ExprKind::kSubquery:
        return BindSubquery(static_cast<const ast::SubqueryExpr&>(e));
      case ast::ExprKind::kRow:  // a row where one value is wanted: SELECT (1, 2)
        return Status::Error(ErrorCode::kOperandColumns, 1);
      case ast::ExprKind::kParameter:
        // The prepared-statement layer substitutes `?` before binding expressions.
        return NotSupported("parameter markers outside prepared statements");
    }
    return Status::Error(ErrorCode::kInternalError, "unknown expression kind");
  }

  Result<ExpressionPtr> BindSubquery(const ast::SubqueryExpr& e) {
    const SubqueryBinder* binder = scope_.subqueries();
    if (binder == nullptr) return NotSupported("subqueries in this context");
    ExpressionPtr operand;
    if (e.operand) {
      if (RowItems(*e.operand) != nullptr) {
        if (e.form != ast::SubqueryExpr::Form::kIn)
          return NotSupported("row subqueries with ANY / ALL");
        return BindRowSubquery(*RowItems(*e.operand), e, ComparisonOp::kEq, e.negated);
      }
      Result<ExpressionPtr> b = Bind(*e.operand);
      if (!b.ok()) return b;
      operand = std::move(*b);
    }
    // The binder may rewrite the nested statement in place (aggregate extraction),
    // as it does the top-level one; the AST is the statement's own.
    Result<BoundSubquery> bound =
        binder->BindSubquery(const_cast<ast::SelectStmt&>(*e.select), scope_);
    if (!bound.ok()) return bound.status();
    if (e.form != ast::SubqueryExpr::Form::kExists && bound->column_types.size() != 1) {
      return Status::Error(ErrorCode::kOperandColumns, 1);
    }
    SubqueryExpression::Form form = SubqueryExpression::Form::kScalar;
    ComparisonOp op = ComparisonOp::kEq;
    switch (e.form) {
      case ast::SubqueryExpr::Form::kScalar:
        break;
      case ast::SubqueryExpr::Form::kExists:
        form = SubqueryExpression::Form::kExists;
        break;
      case ast::SubqueryExpr::Form::kIn:
        form = SubqueryExpression::Form::kIn;
        break;
      case ast::SubqueryExpr::Form::kAny:
      case ast::SubqueryExpr::Form::kAll: {
        form = e.form == ast::SubqueryExpr::Form::kAny ? SubqueryExpression::Form::kAny
                                                       : SubqueryExpression::Form::kAll;
        std::optional<ComparisonOp> mapped = MapComparison(e.compare_op);
        if (!mapped) return NotSupported("this operator with ANY / ALL");
        op = *mapped;
        break;
      }
    }
    return ExpressionPtr(
        new SubqueryExpression(form, std::move(*bound), std::move(operand), e.negated, op));
  }

  static std::optional<ComparisonOp> MapComparison(ast::BinaryOp op) {
    switch (op) {
      case ast::BinaryOp::kEq:
        return ComparisonOp::kEq;
      case ast::BinaryOp::kNe:
        return ComparisonOp::kNe;
      case ast::BinaryOp::kLt:
        return ComparisonOp::kLt;
      case ast::BinaryOp::kLe:
        return ComparisonOp::kLe;
      case ast::BinaryOp::kGt:
        return ComparisonOp::kGt;
      case ast::BinaryOp::kGe:
        return ComparisonOp::kGe;
      case ast::BinaryOp::kNullSafeEq:
        return ComparisonOp::kNullSafeEq;
      default:
        return std::nullopt;
    }
  }

  static bool IsHexNumber(const ast::Expr& e) {
    return e.kind == ast::ExprKind::kLiteral && static_cast<const ast::LiteralExpr&>(e).hex_number;
  }

  // 0x.. as a number: its bytes as a big-endian unsigned integer; more than 8 bytes
  // overflow to 0 (as MariaDB's 0x010000000000000000 + 0).
  static ExpressionPtr HexAsNumber(const ast::Expr& e) {
    const std::string& bytes = static_cast<const ast::LiteralExpr&>(e).value.string_value();
    if (bytes.size() > 8) return MakeLiteral(Value::Int(0));
    uint64_t n = 0;
    for (char c : bytes) n = (n << 8) | static_cast<unsigned char>(c);
    if (n <= static_cast<uint64_t>(INT64_MAX))
      return MakeLiteral(Value::Int(static_cast<int64_t>(n)));
    return MakeLiteral(Value::FromDecimal(Decimal(static_cast<__int128>(n), 0)));
  }

  Result<ExpressionPtr> BindUnary(const ast::UnaryExpr& u) {
    if (u.op == ast::UnaryOp::kBitNot) return NotSupported("bit operators");
    Result<ExpressionPtr> operand = Bind(*u.operand);
    if (!operand.ok()) return operand;
    if (IsHexNumber(*u.operand)) operand = HexAsNumber(*u.operand);  // -0x41 is -65
    UnaryOpKind op = u.op == ast::UnaryOp::kNegate ? UnaryOpKind::kNegate
                     : u.op == ast::UnaryOp::kPlus ? UnaryOpKind::kPlus
                                                   : UnaryOpKind::kNot;
    return ExpressionPtr(new UnaryExpression(op, std::move(*operand)));
  }

  Result<ExpressionPtr> BindBinary(const ast::BinaryExpr& b) {
    using ast::BinaryOp;
    if (b.op == BinaryOp::kBitAnd || b.op == BinaryOp::kBitOr || b.op == BinaryOp::kBitXor ||
        b.op == BinaryOp::kShiftLeft || b.op == BinaryOp::kShiftRight) {
      return NotSupported("bit operators");
    }
    if (b.op == BinaryOp::kAdd || b.op == BinaryOp::kSub) {
      if (const ast::FunctionExpr* interval = AsInterval(*b.right)) {
        return BindDateArithmetic(*b.left, *interval, b.op == BinaryOp::kSub);
      }
      const ast::FunctionExpr* interval = AsInterval(*b.left);
      if (interval != nullptr && b.op == BinaryOp::kAdd) {
        return BindDateArithmetic(*b.right, *interval, false);  // INTERVAL 1 DAY + d
      }
    }
    if (MapComparison(b.op).has_value() &&
        (RowItems(*b.left) != nullptr || RowItems(*b.right) != nullptr)) {
      return BindRowComparison(*b.left, *b.right, b.op);
    }
    Result<ExpressionPtr> left = Bind(*b.left);
    if (!left.ok()) return left;
    Result<ExpressionPtr> right = Bind(*b.right);
    if (!right.ok()) return right;
    ExpressionPtr l = std::move(*left);
    ExpressionPtr r = std::move(*right);
    // 0x41 is a number next to an arithmetic operator or a number.
    bool arithmetic = !MapComparison(b.op).has_value();
    if (IsHexNumber(*b.left) && (arithmetic || r->type().IsNumeric())) {
      l = HexAsNumber(*b.left);
    }
    if (IsHexNumber(*b.right) && (arithmetic || l->type().IsNumeric())) {
      r = HexAsNumber(*b.right);
    }
    switch (b.op) {
      case BinaryOp::kAdd:
        return Arith(ArithmeticOp::kAdd, l, r);
      case BinaryOp::kSub:
        return Arith(ArithmeticOp::kSub, l, r);
      case BinaryOp::kMul:
        return Arith(ArithmeticOp::kMul, l, r);
      case BinaryOp::kDiv:
        return Arith(ArithmeticOp::kDiv, l, r);
      case BinaryOp::kIntDiv:
        return Arith(ArithmeticOp::kIntDiv, l, r);
      case BinaryOp::kMod:
        return Arith(ArithmeticOp::kMod, l, r);
      case BinaryOp::kEq:
        return Compare(ComparisonOp::kEq, l, r);
      case BinaryOp::kNe:
        return Compare(ComparisonOp::kNe, l, r);
      case BinaryOp::kLt:
        return Compare(ComparisonOp::kLt, l, r);
      case BinaryOp::kLe:
        return Compare(ComparisonOp::kLe, l, r);
      case BinaryOp::kGt:
        return Compare(ComparisonOp::kGt, l, r);
      case BinaryOp::kGe:
        return Compare(ComparisonOp::kGe, l, r);
      case BinaryOp::kNullSafeEq:
        return Compare(ComparisonOp::kNullSafeEq, l, r);
      case BinaryOp::kAnd:
        return Logic(LogicalOp::kAnd, l, r);
      case BinaryOp::kOr:
        return Logic(LogicalOp::kOr, l, r);
      case BinaryOp::kXor:
        return Logic(LogicalOp::kXor, l, r);
      default:
        break;
    }
    return NotSupported("bit operators");
  }

  static Result<ExpressionPtr> Arith(ArithmeticOp op, ExpressionPtr& l, ExpressionPtr& r) {
    return ExpressionPtr(new ArithmeticExpression(op, std::move(l), std::move(r)));
  }
  static Result<ExpressionPtr> Compare(ComparisonOp op, ExpressionPtr& l, ExpressionPtr& r) {
    return ExpressionPtr(new ComparisonExpression(op, std::move(l), std::move(r)));
  }
  static Result<ExpressionPtr> Logic(LogicalOp op, ExpressionPtr& l, ExpressionPtr& r) {
    return ExpressionPtr(new LogicalExpression(op, std::move(l), std::move(r)));
  }

  Result<ExpressionPtr> BindIsBool(const ast::IsBoolExpr& e) {
    Result<ExpressionPtr> operand = Bind(*e.operand);
    if (!operand.ok()) return operand;
    IsExpression::Test test = e.test == ast::IsBoolExpr::Test::kTrue ? IsExpression::Test::kTrue
                              : e.test == ast::IsBoolExpr::Test::kFalse
                                  ? IsExpression::Test::kFalse
                                  : IsExpression::Test::kUnknown;
    return ExpressionPtr(new IsExpression(std::move(*operand), test, e.negated));
  }

  Result<ExpressionPtr> BindLike(const ast::LikeExpr& e) {
    Result<ExpressionPtr> operand = Bind(*e.operand);
    if (!operand.ok()) return operand;
    Result<ExpressionPtr> pattern = Bind(*e.pattern);
    if (!pattern.ok()) return pattern;
    ExpressionPtr escape;
    if (e.escape) {
      Result<ExpressionPtr> esc = Bind(*e.escape);
      if (!esc.ok()) return esc;
      escape = std::move(*esc);
    }
    return ExpressionPtr(
        new LikeExpression(std::move(*operand), std::move(*pattern), std::move(escape), e.negated));
  }

  // --- Row constructors: (a, b) and ROW(a, b) ---------------------------------------
  // A row is only ever compared; the comparison becomes one over its items, as MySQL
  // defines it: = is the AND of the items' =, <=> the AND of their <=>, <> the OR of
  // their <>, and < <= > >= are lexicographic: (a, b) < (c, d) is
  // a < c OR (a = c AND b < d). Rows nest: (1, (2, 3)) = (1, (2, 3)). A row against a
  // value of another width is 1241 "Operand should contain N column(s)".

  /// The items of a row constructor; null for anything else.
  static const std::vector<ast::ExprPtr>* RowItems(const ast::Expr& e) {
    if (e.kind == ast::ExprKind::kRow) return &static_cast<const ast::RowExpr&>(e).items;
    if (e.kind == ast::ExprKind::kFunction) {
      const auto& f = static_cast<const ast::FunctionExpr&>(e);
      if (f.name == "ROW" && !f.star && !f.distinct && !f.args.empty()) return &f.args;
    }
    return nullptr;
  }

  Result<ExpressionPtr> BindRowComparison(const ast::Expr& left, const ast::Expr& right,
                                          ast::BinaryOp op) {
    if (left.kind == ast::ExprKind::kSubquery || right.kind == ast::ExprKind::kSubquery) {
      // (a, b) op (SELECT x, y ...), either way round.
      const bool subquery_left = left.kind == ast::ExprKind::kSubquery;
      const auto& subquery = static_cast<const ast::SubqueryExpr&>(subquery_left ? left : right);
      const std::vector<ast::ExprPtr>* row = RowItems(subquery_left ? right : left);
      if (row == nullptr || subquery.form != ast::SubqueryExpr::Form::kScalar) {
        return Status::Error(ErrorCode::kOperandColumns, 1);
      }
      if (op != ast::BinaryOp::kEq && op != ast::BinaryOp::kNe &&
          op != ast::BinaryOp::kNullSafeEq) {
        return NotSupported("row subqueries compared with < <= > >=");
      }
      return BindRowSubquery(*row, subquery, *MapComparison(op), false);
    }
    const std::vector<ast::ExprPtr>* l = RowItems(left);
    const std::vector<ast::ExprPtr>* r = RowItems(right);
    if (l == nullptr || r == nullptr || l->size() != r->size()) {
      return Status::Error(ErrorCode::kOperandColumns,
                           static_cast<int>(l != nullptr ? l->size() : 1));
    }
    auto item = [&](size_t i, ast::BinaryOp item_op) -> Result<ExpressionPtr> {
      const ast::Expr& a = *(*l)[i];
      const ast::Expr& b = *(*r)[i];
      if (RowItems(a) != nullptr || RowItems(b) != nullptr) return BindRowComparison(a, b, item_op);
      Result<ExpressionPtr> x = Bind(a);
      if (!x.ok()) return x;
      Result<ExpressionPtr> y = Bind(b);
      if (!y.ok()) return y;
      return Compare(*MapComparison(item_op), *x, *y);
    };
    const size_t n = l->size();
    if (op == ast::BinaryOp::kEq || op == ast::BinaryOp::kNullSafeEq || op == ast::BinaryOp::kNe) {
      const LogicalOp combine = op == ast::BinaryOp::kNe ? LogicalOp::kOr : LogicalOp::kAnd;
      Result<ExpressionPtr> acc = item(0, op);
      for (size_t i = 1; i < n && acc.ok(); ++i) {
        Result<ExpressionPtr> next = item(i, op);
        if (!next.ok()) return next;
        acc = Logic(combine, *acc, *next);
      }
      return acc;
    }
    // Lexicographic, built from the last item: each earlier item is bound twice (its
    // strict comparison and its equality), which a subquery's AST does not allow.
    const ast::BinaryOp strict = op == ast::BinaryOp::kLt || op == ast::BinaryOp::kLe
                                     ? ast::BinaryOp::kLt
                                     : ast::BinaryOp::kGt;
    Result<ExpressionPtr> acc = item(n - 1, op);
    for (size_t i = n - 1; i-- > 0 && acc.ok();) {
      if ((*l)[i]->kind == ast::ExprKind::kSubquery || (*r)[i]->kind == ast::ExprKind::kSubquery) {
        return NotSupported("subqueries in rows compared with < <= > >=");
      }
      Result<ExpressionPtr> less = item(i, strict);
      if (!less.ok()) return less;
      Result<ExpressionPtr> equal = item(i, ast::BinaryOp::kEq);
      if (!equal.ok()) return equal;
      Result<ExpressionPtr> tail = Logic(LogicalOp::kAnd, *equal, *acc);
      if (!tail.ok()) return tail;
      acc = Logic(LogicalOp::kOr, *less, *tail);
    }
    return acc;
  }

  // A row against a subquery of as many columns (row_subquery.h).
  Result<ExpressionPtr> BindRowSubquery(const std::vector<ast::ExprPtr>& row,
                                        const ast::SubqueryExpr& e, ComparisonOp op, bool negated) {
    const SubqueryBinder* binder = scope_.subqueries();
    if (binder == nullptr) return NotSupported("subqueries in this context");
    std::vector<ExpressionPtr> operands;
    for (const ast::ExprPtr& item : row) {
      Result<ExpressionPtr> b = Bind(*item);  // a nested row is 1241 here
      if (!b.ok()) return b;
      operands.push_back(std::move(*b));
    }
    Result<BoundSubquery> bound =
        binder->BindSubquery(const_cast<ast::SelectStmt&>(*e.select), scope_);
    if (!bound.ok()) return bound.status();
    if (bound->column_types.size() != operands.size()) {
      return Status::Error(ErrorCode::kOperandColumns, static_cast<int>(operands.size()));
    }
    const auto form = e.form == ast::SubqueryExpr::Form::kIn
                          ? RowSubqueryExpression::Form::kIn
                          : RowSubqueryExpression::Form::kCompare;
    return ExpressionPtr(
        new RowSubqueryExpression(form, std::move(operands), std::move(*bound), op, negated));
  }

  // (a, b) [NOT] IN ((1, 2), (3, 4)): the OR of the row equalities (negated).
  Result<ExpressionPtr> BindRowInList(const ast::InListExpr& e) {
    for (const ast::ExprPtr& item : *RowItems(*e.operand)) {
      if (item->kind == ast::ExprKind::kSubquery) return NotSupported("row subqueries");
    }
    ExpressionPtr acc;
    for (const ast::ExprPtr& candidate : e.list) {
      Result<ExpressionPtr> equal = BindRowComparison(*e.operand, *candidate, ast::BinaryOp::kEq);
      if (!equal.ok()) return equal;
      if (!acc) {
        acc = std::move(*equal);
        continue;
      }
      Result<ExpressionPtr> either = Logic(LogicalOp::kOr, acc, *equal);
      if (!either.ok()) return either;
      acc = std::move(*either);
    }
    if (!e.negated) return acc;
    return ExpressionPtr(new UnaryExpression(UnaryOpKind::kNot, std::move(acc)));
  }

  Result<ExpressionPtr> BindInList(const ast::InListExpr& e) {
    if (RowItems(*e.operand) != nullptr) return BindRowInList(e);
    Result<ExpressionPtr> operand = Bind(*e.operand);
    if (!operand.ok()) return operand;
    std::vector<ExpressionPtr> list;
    for (const auto& item : e.list) {
      Result<ExpressionPtr> b = Bind(*item);
      if (!b.ok()) return b;
      list.push_back(std::move(*b));
    }
    return ExpressionPtr(new InListExpression(std::move(*operand), std::move(list), e.negated));
  }

  Result<ExpressionPtr> BindBetween(const ast::BetweenExpr& e) {
    Result<ExpressionPtr> operand = Bind(*e.operand);
    if (!operand.ok()) return operand;
    Result<ExpressionPtr> low = Bind(*e.low);
    if (!low.ok()) return low;
    Result<ExpressionPtr> high = Bind(*e.high);
    if (!high.ok()) return high;
    return ExpressionPtr(
        new BetweenExpression(std::move(*operand), std::move(*low), std::move(*high), e.negated));
  }

  Result<ExpressionPtr> BindCase(const ast::CaseExpr& e) {
    ExpressionPtr operand;
    if (e.operand) {
      Result<ExpressionPtr> b = Bind(*e.operand);
      if (!b.ok()) return b;
      operand = std::move(*b);
    }
    std::vector<CaseExpression::When> whens;
    for (const auto& [when, then] : e.when_then) {
      Result<ExpressionPtr> w = Bind(*when);
      if (!w.ok()) return w;
      Result<ExpressionPtr> t = Bind(*then);
      if (!t.ok()) return t;
      whens.push_back({std::move(*w), std::move(*t)});
    }
    ExpressionPtr else_result;
    if (e.else_result) {
      Result<ExpressionPtr> b = Bind(*e.else_result);
      if (!b.ok()) return b;
      else_result = std::move(*b);
    }
    return ExpressionPtr(
        new CaseExpression(std::move(operand), std::move(whens), std::move(else_result)));
  }

  Result<ExpressionPtr> BindCast(const ast::CastExpr& e) {
    ColumnType target;
    const ColumnType& t = e.target;
    std::string name = e.target_name;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (t.IsInteger()) {
      target = MakeType(TypeId::kBigInt);
      target.is_unsigned = t.is_unsigned;
    } else if (t.id == TypeId::kDecimal) {
      uint32_t precision = t.length != 0 ? t.length : 10;
      if (precision > static_cast<uint32_t>(Decimal::kMaxPrecision) || t.scale > precision ||
          t.scale > Decimal::kMaxScale) {
        return NotSupported("DECIMAL wider than 38 digits");
      }
      target = MakeType(TypeId::kDecimal, precision, t.scale);
    } else if (t.id == TypeId::kDouble || t.id == TypeId::kFloat) {
      target = MakeType(TypeId::kDouble);
    } else if (t.IsBinaryString()) {
      target = MakeType(TypeId::kVarbinary, t.length);  // CAST(x AS BINARY[(n)])
    } else if (t.IsString()) {
      target = VarcharType(t.length);
    } else if (IsTemporalType(t.id)) {
      // CAST(x AS TIME(3)): the parser gives the fsp as the length.
      if (t.length > static_cast<uint32_t>(kMaxFsp)) {
        return Status::Error(ErrorCode::kTooBigPrecision, e.text, kMaxFsp);
      }
      target = MakeType(t.id, 0, static_cast<uint8_t>(t.length));
    } else {
      return NotSupported("CAST AS " + (e.target_name.empty() ? t.ToSql() : e.target_name));
    }
    Result<ExpressionPtr> operand = Bind(*e.operand);
    if (!operand.ok()) return operand;
    return ExpressionPtr(new CastExpression(std::move(*operand), target, name));
  }

  Result<ExpressionPtr> BindVariable(const ast::VariableExpr& v) {
    using Scope = ast::VariableExpr::Scope;
    if (v.scope == Scope::kUser && v.value) {  // @v := value
      Result<ExpressionPtr> value = Bind(*v.value);
      if (!value.ok()) return value;
      return MakeUserVariableAssignment(v.name, std::move(*value));
    }
    // The type is the one the variable has now, as the statement starts (MySQL's rule);
    // without the session's variables, text.
    const VariableReader* variables = scope_.variables();
    if (v.scope == Scope::kUser) {
      ColumnType type =
          variables != nullptr ? UserVariableType(variables->UserVariable(v.name)) : VarcharType(0);
      return ExpressionPtr(new VariableExpression(false, "", v.name, type));
    }
    std::string scope = v.scope == Scope::kSession  ? "session"
                        : v.scope == Scope::kGlobal ? "global"
                                                    : "";
    ColumnType type = VarcharType(0);
    if (variables != nullptr) {
      Result<ColumnType> declared = variables->SystemVariableType(v.name, scope);
      if (!declared.ok()) return declared.status();
      type = *declared;
    }
    return ExpressionPtr(new VariableExpression(true, scope, v.name, type));
  }

  Result<ExpressionPtr> BindFunction(const ast::FunctionExpr& f) {
    // Window calls are taken out of the select list and ORDER BY before binding
    // (binder/bind_window.h); one that gets here is somewhere else.
    if (f.over) return Status::Error(ErrorCode::kWrongPlacementOfWindowFunction);
    if (IsAggregateFunction(f.name)) return Status::Error(ErrorCode::kInvalidGroupFuncUse);
    std::string written = WrittenName(f);
    if (f.star || f.distinct) {
      return Status::Error(ErrorCode::kParseError, f.star ? "*)" : "DISTINCT", 1);
    }
    if (std::optional<Result<ExpressionPtr>> temporal = BindTemporalCall(f)) {
      return std::move(*temporal);
    }
    if (strcasecmp(f.name.c_str(), "VALUES") == 0) {
      Result<std::optional<BoundColumn>> inserted = scope_.ResolveInsertedValue(f);
      if (!inserted.ok()) return inserted.status();
      if (inserted->has_value()) return MakeColumnRef(**inserted);
    }
    const FunctionDef* def = FindFunction(f.name);
    if (def == nullptr) {
      std::string db = scope_.DefaultDatabase();
      return Status::Error(ErrorCode::kSpDoesNotExist, "FUNCTION",
                           db.empty() ? written : db + "." + written);
    }
    int n = static_cast<int>(f.args.size());
    if (n < def->min_args || (def->max_args != kVariadic && n > def->max_args)) {
      return Status::Error(ErrorCode::kWrongParametercountToNativeFct, written);
    }
    std::vector<ExpressionPtr> args;
    for (const auto& a : f.args) {
      Result<ExpressionPtr> b = Bind(*a);
      if (!b.ok()) return b;
      args.push_back(std::move(*b));
    }
    std::string display = f.name;
    std::transform(display.begin(), display.end(), display.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ExpressionPtr(new FunctionExpression(*def, std::move(args), display));
  }

  // --- Date arithmetic ---------------------------------------------------------------
  // The parser gives `INTERVAL n unit` as a function INTERVAL(n, unit) whose unit is a
  // bare name. It is only meaningful next to + and - and inside DATE_ADD/DATE_SUB/
  // ADDDATE/SUBDATE, which all become DATE_ADD(d, n, 'UNIT') / DATE_SUB(d, n, 'UNIT').

  static const ast::FunctionExpr* AsInterval(const ast::Expr& e) {
    if (e.kind != ast::ExprKind::kFunction) return nullptr;
    const auto& f = static_cast<const ast::FunctionExpr&>(e);
    return f.name == "INTERVAL" && f.args.size() == 2 ? &f : nullptr;
  }

  /// A unit written as a bare name (DAY, HOUR_MINUTE), upper-cased.
  static std::optional<std::string> UnitName(const ast::Expr& e) {
    if (e.kind != ast::ExprKind::kColumnRef) return std::nullopt;
    const auto& c = static_cast<const ast::ColumnRefExpr&>(e);
    if (!c.table.empty() || !c.database.empty()) return std::nullopt;
    std::string upper = c.column;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    if (!ParseIntervalUnit(upper)) return std::nullopt;
    return upper;
  }

  static Status BadUnit(const ast::Expr& e) {
    return Status::Error(ErrorCode::kParseError, e.text, 1);
  }

  Result<ExpressionPtr> MakeDateCall(const char* name, ExpressionPtr date, ExpressionPtr amount,
                                     const std::string& unit, const std::string& display) {
    std::vector<ExpressionPtr> args;
    args.push_back(std::move(date));
    args.push_back(std::move(amount));
    args.push_back(MakeLiteral(Value::String(unit)));
    return ExpressionPtr(new FunctionExpression(*FindFunction(name), std::move(args), display));
  }

  Result<ExpressionPtr> BindDateArithmetic(const ast::Expr& date, const ast::FunctionExpr& interval,
                                           bool subtract) {
    std::optional<std::string> unit = UnitName(*interval.args[1]);
    if (!unit) return BadUnit(*interval.args[1]);
    Result<ExpressionPtr> d = Bind(date);
    if (!d.ok()) return d;
    Result<ExpressionPtr> n = Bind(*interval.args[0]);
    if (!n.ok()) return n;
    return MakeDateCall(subtract ? "DATE_SUB" : "DATE_ADD", std::move(*d), std::move(*n), *unit,
                        subtract ? "date_sub" : "date_add");
  }

  /// DATE_ADD & co. and TIMESTAMPDIFF, whose arguments include a unit name; nullopt for
  /// every other function.
  std::optional<Result<ExpressionPtr>> BindTemporalCall(const ast::FunctionExpr& f) {
    const std::string& name = f.name;
    if (name == "INTERVAL") return Result<ExpressionPtr>(BadUnit(f));
    bool add = name == "DATE_ADD" || name == "ADDDATE";
    bool sub = name == "DATE_SUB" || name == "SUBDATE";
    if ((add || sub) && f.args.size() == 2) {
      if (const ast::FunctionExpr* interval = AsInterval(*f.args[1])) {
        return BindDateArithmetic(*f.args[0], *interval, sub);
      }
      if (name == "ADDDATE" || name == "SUBDATE") {  // ADDDATE(d, n): n days
        Result<ExpressionPtr> d = Bind(*f.args[0]);
        if (!d.ok()) return Result<ExpressionPtr>(d.status());
        Result<ExpressionPtr> n = Bind(*f.args[1]);
        if (!n.ok()) return Result<ExpressionPtr>(n.status());
        return MakeDateCall(sub ? "DATE_SUB" : "DATE_ADD", std::move(*d), std::move(*n), "DAY",
                            sub ? "subdate" : "adddate");
      }
      return Result<ExpressionPtr>(BadUnit(*f.args[1]));
    }
    if ((add || sub) && !f.args.empty()) return Result<ExpressionPtr>(BadUnit(*f.args.back()));
    if (name == "TIMESTAMPDIFF" && f.args.size() == 3) {
      std::optional<std::string> unit = UnitName(*f.args[0]);
      if (!unit || ParseIntervalUnit(*unit) > IntervalUnit::kYear)
        return Result<ExpressionPtr>(BadUnit(*f.args[0]));
      std::vector<ExpressionPtr> args;
      args.push_back(MakeLiteral(Value::String(*unit)));
      for (size_t i = 1; i < 3; ++i) {
        Result<ExpressionPtr> a = Bind(*f.args[i]);
        if (!a.ok()) return Result<ExpressionPtr>(a.status());
        args.push_back(std::move(*a));
      }
      return Result<ExpressionPtr>(ExpressionPtr(new FunctionExpression(
          *FindFunction("TIMESTAMPDIFF"), std::move(args), "timestampdiff")));
    }
    return std::nullopt;
  }

  const NameScope& scope_;
  int depth_ = 0;
};

}  // namespace

bool IsAggregateFunction(const std::string& upper_name) {
  return upper_name == "COUNT" || upper_name == "SUM" || upper_name == "AVG" ||
         upper_name == "MIN" || upper_name == "MAX" || upper_name == "GROUP_CONCAT";
}

Result<ExpressionPtr> BindExpression(const ast::Expr& expr, const NameScope& scope) {
  return Binder(scope).Bind(expr);
}

ExpressionPtr MakeLiteral(Value value) {
  return std::make_unique<LiteralExpression>(std::move(value));
}

ExpressionPtr MakeColumnRef(const BoundColumn& column) {
  if (column.outer_slots) {
    return std::make_unique<OuterColumnRefExpression>(column.outer_slots, column.index, column.type,
                                                      column.nullable, column.name);
  }
  return std::make_unique<ColumnRefExpression>(column.index, column.type, column.nullable,
                                               column.name);
}

}  // namespace minisql::sql
