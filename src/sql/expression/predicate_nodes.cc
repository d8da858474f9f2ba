// predicate_nodes.cc — LIKE, IN (list), BETWEEN and CASE.
//
// NULL rules (MySQL):
//   x IN (a, b)        1 if x equals some item; else NULL if x or any item is NULL; else 0
//   x BETWEEN a AND b  (x >= a) AND (x <= b) in three-valued logic
//   x LIKE p           NULL if x or p is NULL
//   CASE x WHEN v ...  a NULL x or v never matches (x = v is not true)
#include <string>

#include "sql/expression/collation.h"
#include "sql/expression/conversion.h"
#include "sql/expression/expression_nodes.h"
#include "sql/expression/like_matcher.h"

namespace minisql::sql {
namespace {

std::optional<bool> Negate(std::optional<bool> t, bool negated) {
  if (!t) return t;
  return *t != negated;
}

Value FromTruth(std::optional<bool> t) {
  return t ? Value::Bool(*t) : Value::Null();
}

ColumnType CaseType(const std::vector<CaseExpression::When>& whens, const ExpressionPtr& els) {
  std::vector<ColumnType> types;
  for (const auto& w : whens) types.push_back(w.result->type());
  if (els) types.push_back(els->type());
  return CommonResultType(types);
}

}  // namespace

// --- LikeExpression -----------------------------------------------------------------------

LikeExpression::LikeExpression(ExpressionPtr operand, ExpressionPtr pattern, ExpressionPtr escape,
                               bool negated)
    : Expression(ExpressionKind::kLike, BooleanType(), operand->nullable() || pattern->nullable()),
      operand_(std::move(operand)),
      pattern_(std::move(pattern)),
      escape_(std::move(escape)),
      negated_(negated) {}

Result<Value> LikeExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  Result<Value> text = operand_->Evaluate(input, ctx);
  if (!text.ok()) return text;
  Result<Value> pattern = pattern_->Evaluate(input, ctx);
  if (!pattern.ok()) return pattern;
  if (text->is_null() || pattern->is_null()) return Value::Null();
  std::optional<char32_t> escape = U'\\';
  if (escape_) {
    Result<Value> e = escape_->Evaluate(input, ctx);
    if (!e.ok()) return e;
    std::string esc = AsString(*e);
    if (Utf8Length(esc) > 1) {
      return Status::Error(ErrorCode::kWrongArguments, "ESCAPE");
    }
    escape = esc.empty() ? std::nullopt : std::optional<char32_t>(DecodeUtf8(esc)[0]);
  }
  bool match = LikeMatch(AsString(*text), AsString(*pattern), escape,
                         text->is_binary() || pattern->is_binary());
  return Value::Bool(match != negated_);
}

std::string LikeExpression::ToString() const {
  std::string out =
      "(" + operand_->ToString() + (negated_ ? " not like " : " like ") + pattern_->ToString();
  if (escape_) out += " escape " + escape_->ToString();
  return out + ")";
}

// --- InListExpression ---------------------------------------------------------------------

InListExpression::InListExpression(ExpressionPtr operand, std::vector<ExpressionPtr> list,
                                   bool negated)
    : Expression(ExpressionKind::kInList, BooleanType(), true),
      operand_(std::move(operand)),
      list_(std::move(list)),
      negated_(negated) {
  for (const auto& item : list_) modes_.push_back(CompareModeFor(operand_->type(), item->type()));
}

Result<Value> InListExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  Result<Value> x = operand_->Evaluate(input, ctx);
  if (!x.ok()) return x;
  if (x->is_null()) return Value::Null();
  bool saw_null = false;
  for (size_t i = 0; i < list_.size(); ++i) {
    Result<Value> item = list_[i]->Evaluate(input, ctx);
    if (!item.ok()) return item;
    if (item->is_null()) {
      saw_null = true;
      continue;
    }
    if (CompareValues(*x, *item, modes_[i]) == 0) return Value::Bool(!negated_);
  }
  return saw_null ? Value::Null() : Value::Bool(negated_);
}

std::string InListExpression::ToString() const {
  std::string out = "(" + operand_->ToString() + (negated_ ? " not in (" : " in (");
  for (size_t i = 0; i < list_.size(); ++i) {
    if (i > 0) out += ",";
    out += list_[i]->ToString();
  }
  return out + "))";
}

// --- BetweenExpression --------------------------------------------------------------------

BetweenExpression::BetweenExpression(ExpressionPtr operand, ExpressionPtr low, ExpressionPtr high,
                                     bool negated)
    : Expression(ExpressionKind::kBetween, BooleanType(),
                 operand->nullable() || low->nullable() || high->nullable()),
      operand_(std::move(operand)),
      low_(std::move(low)),
      high_(std::move(high)),
      low_mode_(CompareModeFor(operand_->type(), low_->type())),
      high_mode_(CompareModeFor(operand_->type(), high_->type())),
      negated_(negated) {}

Result<Value> BetweenExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  Result<Value> x = operand_->Evaluate(input, ctx);
  if (!x.ok()) return x;
  Result<Value> low = low_->Evaluate(input, ctx);
  if (!low.ok()) return low;
  Result<Value> high = high_->Evaluate(input, ctx);
  if (!high.ok()) return high;
  std::optional<bool> above_low, below_high;
  if (!x->is_null() && !low->is_null()) above_low = CompareValues(*x, *low, low_mode_) >= 0;
  if (!x->is_null() && !high->is_null()) below_high = CompareValues(*x, *high, high_mode_) <= 0;
  std::optional<bool> in_range;
  if (above_low == false || below_high == false) {
    in_range = false;
  } else if (above_low && below_high) {
    in_range = true;
  }
  return FromTruth(Negate(in_range, negated_));
}

std::string BetweenExpression::ToString() const {
  return "(" + operand_->ToString() + (negated_ ? " not between " : " between ") +
         low_->ToString() + " and " + high_->ToString() + ")";
}

// --- CaseExpression -----------------------------------------------------------------------

CaseExpression::CaseExpression(ExpressionPtr operand, std::vector<When> whens,
                               ExpressionPtr else_result)
    : Expression(ExpressionKind::kCase, CaseType(whens, else_result), true),
      operand_(std::move(operand)),
      whens_(std::move(whens)),
      else_result_(std::move(else_result)) {
  if (operand_) {
    for (const auto& w : whens_) {
      modes_.push_back(CompareModeFor(operand_->type(), w.condition->type()));
    }
  }
}

Result<Value> CaseExpression::Evaluate(const Row& input, const EvalContext& ctx) const {
  Value operand;
  if (operand_) {
    Result<Value> v = operand_->Evaluate(input, ctx);
    if (!v.ok()) return v;
    operand = std::move(*v);
  }
  const Expression* chosen = else_result_.get();
  for (size_t i = 0; i < whens_.size(); ++i) {
    Result<Value> cond = whens_[i].condition->Evaluate(input, ctx);
    if (!cond.ok()) return cond;
    bool hit = false;
    if (operand_) {
      hit = !operand.is_null() && !cond->is_null() && CompareValues(operand, *cond, modes_[i]) == 0;
    } else {
      hit = TruthValue(*cond) == true;
    }
    if (hit) {
      chosen = whens_[i].result.get();
      break;
    }
  }
  if (chosen == nullptr) return Value::Null();
  Result<Value> result = chosen->Evaluate(input, ctx);
  if (!result.ok()) return result;
  return ConvertToType(*result, type(), DisplayText(*this));
}

std::string CaseExpression::ToString() const {
  std::string out = "case ";
  if (operand_) out += operand_->ToString() + " ";
  for (const auto& w : whens_) {
    out += "when " + w.condition->ToString() + " then " + w.result->ToString() + " ";
  }
  if (else_result_) out += "else " + else_result_->ToString() + " ";
  return out + "end";
}

}  // namespace minisql::sql
