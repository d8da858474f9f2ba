// operator_nodes.cc — unary minus/plus/NOT, arithmetic, comparisons, AND/OR/XOR and
// the IS tests.
//
// Three-valued logic (NULL = unknown):
//
//   AND    | 1  0  N        OR     | 1  0  N        XOR    | 1  0  N      NOT 1 = 0
//   -------+---------       -------+---------       -------+---------   NOT 0 = 1
//   1      | 1  0  N        1      | 1  1  1        1      | 0  1  N     NOT N = N
//   0      | 0  0  0        0      | 1  0  N        0      | 1  0  N
//   N      | N  0  N        N      | 1  N  N        N      | N  N  N
#include <string>

#include "sql/expression/arithmetic.h"
#include "sql/expression/expression_nodes.h"
#include "sql/expression/integer_arithmetic.h"

namespace minisql::sql {
namespace {

ColumnType NegateType(const Expression& operand) {
  const ColumnType& t = operand.type();
  // -18446744073709551615 is a DECIMAL literal in MySQL: below -2^63 no BIGINT holds it.
  if (operand.kind() == ExpressionKind::kLiteral) {
    const Value& v = static_cast<const LiteralExpression&>(operand).value();
    if (v.kind() == Value::Kind::kUInt && v.uint_value() > uint64_t{1} << 63) {
      return DecimalType(static_cast<int>(v.ToText().size()), 0);
    }
  }
  if (t.IsInteger() || t.id == TypeId::kNull) return BigIntType();
  if (t.id == TypeId::kDecimal) return t;
  return MakeType(TypeId::kDouble);
}

NumericClass ArithmeticClass(const ColumnType& result) {
  if (result.id == TypeId::kDouble) return NumericClass::kDouble;
  if (result.id == TypeId::kDecimal) return NumericClass::kDecimal;
  return NumericClass::kInt;
}

const char* ArithmeticSymbol(ArithmeticOp op) {
  switch (op) {
    case ArithmeticOp::kAdd:
      return "+";
    case ArithmeticOp::kSub:
      return "-";
    case ArithmeticOp::kMul:
      return "*";
    case ArithmeticOp::kDiv:
      return "/";
    case ArithmeticOp::kIntDiv:
      return "DIV";
    case ArithmeticOp::kMod:
      return "MOD";
  }
  return "?";
}

}  // namespace

bool ComparisonHolds(ComparisonOp op, int cmp) {
  switch (op) {
    case ComparisonOp::kEq:
    case ComparisonOp::kNullSafeEq:
      return cmp == 0;
    case ComparisonOp::kNe:
      return cmp != 0;
    case ComparisonOp::kLt:
      return cmp < 0;
    case ComparisonOp::kLe:
      return cmp <= 0;
    case ComparisonOp::kGt:
      return cmp > 0;
    case ComparisonOp::kGe:
      return cmp >= 0;
  }
  return false;
}

const char* ComparisonSymbol(ComparisonOp op) {
  switch (op) {
    case ComparisonOp::kEq:
      return "=";
    case ComparisonOp::kNe:
      return "<>";
    case ComparisonOp::kLt:
      return "<";
    case ComparisonOp::kLe:
      return "<=";
    case ComparisonOp::kGt:
      return ">";
    case ComparisonOp::kGe:
      return ">=";
    case ComparisonOp::kNullSafeEq:
      return "<=>";
  }
  return "?";
}

// --- UnaryExpression ----------------------------------------------------------------------

UnaryExpression::UnaryExpression(UnaryOpKind op, ExpressionPtr operand)
    : Expression(ExpressionKind::kUnary,
                 op == UnaryOpKind::kNot    ? BooleanType()
                 : op == UnaryOpKind::kPlus ? operand->type()
                                            : NegateType(*operand),
                 operand->nullable()),
      op_(op),
      operand_(std::move(operand)) {}

Result<Value> UnaryExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  Result<Value> v = operand_->Evaluate(input, ctx);
  if (!v.ok() || v->is_null()) return v;
  switch (op_) {
    case UnaryOpKind::kPlus:
      return v;
    case UnaryOpKind::kNot:
      return Value::Bool(!*TruthValue(*v));
    case UnaryOpKind::kNegate:
      break;
  }
  switch (ArithmeticClass(type())) {
    case NumericClass::kInt:
      return NegateInteger(*v, DisplayText(*this));
    case NumericClass::kDecimal: {
      auto d = ToDecimal(*v);
      if (!d) return Status::Error(ErrorCode::kDataOutOfRange, "DECIMAL", DisplayText(*this));
      return Value::FromDecimal(Decimal(-d->unscaled(), d->scale()));
    }
    case NumericClass::kDouble:
      return Value::Double(-ToDouble(*v));
  }
  return Value::Null();
}

std::string UnaryExpression::ToString() const {
  switch (op_) {
    case UnaryOpKind::kNegate:
      return "-" + operand_->ToString();
    case UnaryOpKind::kPlus:
      return operand_->ToString();
    case UnaryOpKind::kNot:
      return "(not " + operand_->ToString() + ")";
  }
  return "";
}

// --- ArithmeticExpression -----------------------------------------------------------------

ArithmeticExpression::ArithmeticExpression(ArithmeticOp op, ExpressionPtr left, ExpressionPtr right)
    : Expression(ExpressionKind::kArithmetic, ArithmeticResultType(op, left->type(), right->type()),
                 // Overflow is an error, not NULL; only division by zero yields NULL.
                 op == ArithmeticOp::kDiv || op == ArithmeticOp::kIntDiv ||
                     op == ArithmeticOp::kMod || left->nullable() || right->nullable()),
      op_(op),
      left_(std::move(left)),
      right_(std::move(right)) {
  // DIV computes in the operands' class, not in its BIGINT result's.
  mode_ =
      ArithmeticClass(op_ == ArithmeticOp::kIntDiv
                          ? ArithmeticResultType(ArithmeticOp::kAdd, left_->type(), right_->type())
                          : type());
  div_scale_ = type().scale;
}

Result<Value> ArithmeticExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  Result<Value> a = left_->Evaluate(input, ctx);
  if (!a.ok() || a->is_null()) return a;
  Result<Value> b = right_->Evaluate(input, ctx);
  if (!b.ok() || b->is_null()) return b;
  Result<Value> result = EvaluateArithmetic(op_, mode_, *a, *b, div_scale_, DisplayText(*this));
  // Of non-NULL operands, only a zero divisor gives NULL.
  if (result.ok() && result->is_null() && IsDivision(op_)) {
    MINISQL_RETURN_IF_ERROR(ctx.DivisionByZero());
  }
  return result;
}

std::string ArithmeticExpression::ToString() const {
  return "(" + left_->ToString() + " " + ArithmeticSymbol(op_) + " " + right_->ToString() + ")";
}

// --- ComparisonExpression -----------------------------------------------------------------

ComparisonExpression::ComparisonExpression(ComparisonOp op, ExpressionPtr left, ExpressionPtr right)
    : Expression(ExpressionKind::kComparison, BooleanType(),
                 op != ComparisonOp::kNullSafeEq && (left->nullable() || right->nullable())),
      op_(op),
      left_(std::move(left)),
      right_(std::move(right)),
      mode_(CompareModeFor(left_->type(), right_->type())) {}

Result<Value> ComparisonExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  Result<Value> a = left_->Evaluate(input, ctx);
  if (!a.ok()) return a;
  Result<Value> b = right_->Evaluate(input, ctx);
  if (!b.ok()) return b;
  if (a->is_null() || b->is_null()) {
    if (op_ == ComparisonOp::kNullSafeEq) return Value::Bool(a->is_null() && b->is_null());
    return Value::Null();
  }
  return Value::Bool(ComparisonHolds(op_, CompareValues(*a, *b, mode_)));
}

std::string ComparisonExpression::ToString() const {
  return "(" + left_->ToString() + " " + ComparisonSymbol(op_) + " " + right_->ToString() + ")";
}

// --- LogicalExpression --------------------------------------------------------------------

LogicalExpression::LogicalExpression(LogicalOp op, ExpressionPtr left, ExpressionPtr right)
    : Expression(ExpressionKind::kLogical, BooleanType(), left->nullable() || right->nullable()),
      op_(op),
      left_(std::move(left)),
      right_(std::move(right)) {}

Result<Value> LogicalExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  Result<Value> a = left_->Evaluate(input, ctx);
  if (!a.ok()) return a;
  std::optional<bool> ta = TruthValue(*a);
  // Short-circuit exactly where the truth tables allow it.
  if (op_ == LogicalOp::kAnd && ta == false) return Value::Bool(false);
  if (op_ == LogicalOp::kOr && ta == true) return Value::Bool(true);
  Result<Value> b = right_->Evaluate(input, ctx);
  if (!b.ok()) return b;
  std::optional<bool> tb = TruthValue(*b);
  switch (op_) {
    case LogicalOp::kAnd:
      if (tb == false) return Value::Bool(false);
      return (ta && tb) ? Value::Bool(true) : Value::Null();
    case LogicalOp::kOr:
      if (tb == true) return Value::Bool(true);
      return (ta && tb) ? Value::Bool(false) : Value::Null();
    case LogicalOp::kXor:
      if (!ta || !tb) return Value::Null();
      return Value::Bool(*ta != *tb);
  }
  return Value::Null();
}

std::string LogicalExpression::ToString() const {
  const char* name = op_ == LogicalOp::kAnd ? "and" : op_ == LogicalOp::kOr ? "or" : "xor";
  return "(" + left_->ToString() + " " + name + " " + right_->ToString() + ")";
}

// --- IsExpression -------------------------------------------------------------------------

IsExpression::IsExpression(ExpressionPtr operand, Test test, bool negated)
    : Expression(ExpressionKind::kIsNull, BooleanType(), false),
      operand_(std::move(operand)),
      test_(test),
      negated_(negated) {}

Result<Value> IsExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  Result<Value> v = operand_->Evaluate(input, ctx);
  if (!v.ok()) return v;
  bool result = false;
  std::optional<bool> truth = TruthValue(*v);
  switch (test_) {
    case Test::kNull:
    case Test::kUnknown:
      result = v->is_null();
      break;
    case Test::kTrue:
      result = truth == true;
      break;
    case Test::kFalse:
      result = truth == false;
      break;
  }
  return Value::Bool(result != negated_);
}

std::string IsExpression::ToString() const {
  static const char* const kNames[] = {"null", "true", "false", "unknown"};
  return "(" + operand_->ToString() + (negated_ ? " is not " : " is ") +
         kNames[static_cast<int>(test_)] + ")";
}

}  // namespace minisql::sql
