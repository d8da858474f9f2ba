// user_variable_assignment.cc — see user_variable_assignment.h.
#include "sql/expression/user_variable_assignment.h"

namespace minisql::sql {

namespace {

class UserVariableAssignment : public Expression {
 public:
  UserVariableAssignment(std::string name, ExpressionPtr value)
      : Expression(ExpressionKind::kVariable, value->type(), value->nullable()),
        name_(std::move(name)),
        value_(std::move(value)) {}

  Result<Value> Evaluate(const Row& input, const EvalContext& ctx) const override {
    Result<Value> value = value_->Evaluate(input, ctx);
    if (!value.ok()) return value;
    MINISQL_RETURN_IF_ERROR(ctx.AssignUserVariable(name_, *value));
    return value;
  }

  std::string ToString() const override { return "@" + name_ + " := " + value_->ToString(); }

 private:
  std::string name_;
  ExpressionPtr value_;
};

}  // namespace

ExpressionPtr MakeUserVariableAssignment(std::string name, ExpressionPtr value) {
  return std::make_unique<UserVariableAssignment>(std::move(name), std::move(value));
}

Status EvalContext::AssignUserVariable(const std::string& name, Value) const {
  return Status::Error(ErrorCode::kNotSupportedYet, "@" + name + " := in this context");
}

Status EvalContext::SetLastInsertId(uint64_t) const {
  return Status::Error(ErrorCode::kNotSupportedYet, "LAST_INSERT_ID(expr) in this context");
}

}  // namespace minisql::sql
