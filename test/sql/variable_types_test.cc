// variable_types_test.cc — @v and @@v take their types when bound (variable_reader.h):
// from the value a user variable holds then, from what the reader says of a system
// variable; a value of another kind at evaluation is converted to the bound type; a
// binder without a reader keeps typing them VARCHAR and reading them as text.
#include "expression_test_util.h"
#include "types/decimal.h"

namespace minisql::sql {
namespace {

using ast::BinaryOp;
using Scope = ast::VariableExpr::Scope;
using namespace minisql::sql::testing;  // NOLINT

ast::ExprPtr Var(Scope scope, std::string name) {
  auto e = std::make_unique<ast::VariableExpr>();
  e->scope = scope;
  e->name = std::move(name);
  return e;
}

/// A session whose system variables have types: max_allowed_packet BIGINT UNSIGNED,
/// sql_select_limit BIGINT UNSIGNED held as a DECIMAL, version VARCHAR.
class TypedContext : public TestContext {
 public:
  Result<Value> SystemVariable(const std::string& name, const std::string& scope) const override {
    if (name == "sql_select_limit") {
      return Value::FromDecimal(Decimal(static_cast<__int128>(UINT64_MAX), 0));
    }
    return TestContext::SystemVariable(name, scope);
  }
  Result<ColumnType> SystemVariableType(const std::string& name,
                                        const std::string& scope) const override {
    Result<Value> value = SystemVariable(name, scope);
    if (!value.ok()) return value.status();
    if (name == "version") return ColumnType{TypeId::kVarchar, false, 13, 0};
    return ColumnType{TypeId::kBigInt, true, 21, 0};
  }
};

/// A scope that lends the binder the session's variables (as SET's scope does).
class SessionScope : public TestScope {
 public:
  explicit SessionScope(const VariableReader* variables) : variables_(variables) {}
  const VariableReader* variables() const override { return variables_; }

 private:
  const VariableReader* variables_;
};

ExpressionPtr BindOrDie(const ast::ExprPtr& e, const NameScope& scope) {
  Result<ExpressionPtr> bound = BindExpression(*e, scope);
  EXPECT_TRUE(bound.ok()) << bound.status().message();
  return bound.ok() ? std::move(*bound) : nullptr;
}

TEST(VariableTypeTest, UserVariableTypedByItsValue) {
  TypedContext ctx;
  ctx.user_vars["i"] = Value::Int(1);
  ctx.user_vars["u"] = Value::UInt(UINT64_MAX);
  ctx.user_vars["d"] = Value::FromDecimal(*Decimal::Parse("1.5"));
  ctx.user_vars["f"] = Value::Double(1.0);
  ctx.user_vars["s"] = Value::String("x");
  ctx.user_vars["b"] = Value::Binary("\x01");
  SessionScope scope(&ctx);
  EXPECT_EQ(TypeOf(Var(Scope::kUser, "i"), scope), "bigint(20)");
  EXPECT_EQ(TypeOf(Var(Scope::kUser, "u"), scope), "bigint(20) unsigned");
  EXPECT_EQ(TypeOf(Var(Scope::kUser, "d"), scope), "decimal(38,1)");
  EXPECT_EQ(TypeOf(Var(Scope::kUser, "f"), scope), "double");
  EXPECT_EQ(TypeOf(Var(Scope::kUser, "s"), scope), "text");
  EXPECT_EQ(TypeOf(Var(Scope::kUser, "b"), scope), "longblob");
  EXPECT_EQ(TypeOf(Var(Scope::kUser, "unset"), scope), "longblob");
  // Arithmetic follows: an integer stays an integer, `/` gives DECIMAL.
  EXPECT_EQ(TypeOf(Bin(BinaryOp::kAdd, Var(Scope::kUser, "i"), Int(1)), scope), "bigint(20)");
  EXPECT_EQ(Eval(Bin(BinaryOp::kDiv, Var(Scope::kUser, "i"), Int(3)), scope, Row(), ctx), "0.3333");
}

TEST(VariableTypeTest, ValueAssignedSinceBindingIsConverted) {
  TypedContext ctx;
  ctx.user_vars["x"] = Value::Int(1);
  SessionScope scope(&ctx);
  ExpressionPtr x = BindOrDie(Var(Scope::kUser, "x"), scope);
  ASSERT_NE(x, nullptr);
  ctx.user_vars["x"] = Value::String("abc");  // `@x := 'abc'` earlier in the statement
  Result<Value> v = x->Evaluate(Row(), ctx);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->kind(), Value::Kind::kInt);
  EXPECT_EQ(v->int_value(), 0);
  ctx.user_vars["x"] = Value::FromDecimal(*Decimal::Parse("2.5"));
  EXPECT_EQ(x->Evaluate(Row(), ctx)->int_value(), 3);  // rounded half away from zero
  ctx.user_vars["x"] = Value();
  EXPECT_TRUE(x->Evaluate(Row(), ctx)->is_null());
  // An integer the bound signedness cannot hold is 1690, not a wrong number.
  ctx.user_vars["x"] = Value::UInt(UINT64_MAX);
  EXPECT_EQ(x->Evaluate(Row(), ctx).status().code(), 1690);
  ctx.user_vars["x"] = Value::UInt(7);
  EXPECT_EQ(x->Evaluate(Row(), ctx)->uint_value(), 7u);

  // Unset when bound (LONGBLOB): a later number reads as its bytes.
  ExpressionPtr later = BindOrDie(Var(Scope::kUser, "later"), scope);
  ASSERT_NE(later, nullptr);
  ctx.user_vars["later"] = Value::Int(5);
  Result<Value> bytes = later->Evaluate(Row(), ctx);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(bytes->kind(), Value::Kind::kString);
  EXPECT_TRUE(bytes->is_binary());
  EXPECT_EQ(bytes->ToText(), "5");
}

TEST(VariableTypeTest, SystemVariableTypedByTheReader) {
  TypedContext ctx;
  SessionScope scope(&ctx);
  EXPECT_EQ(TypeOf(Var(Scope::kSystemDefault, "max_allowed_packet"), scope), "bigint(21) unsigned");
  EXPECT_EQ(TypeOf(Var(Scope::kSystemDefault, "version"), scope), "varchar(13)");
  ExpressionPtr packet = BindOrDie(Var(Scope::kSystemDefault, "max_allowed_packet"), scope);
  ASSERT_NE(packet, nullptr);
  EXPECT_EQ(packet->Evaluate(Row(), ctx)->kind(), Value::Kind::kInt);
  // 2^64-1 held as a DECIMAL reaches the client as the unsigned integer it is.
  ExpressionPtr limit = BindOrDie(Var(Scope::kSystemDefault, "sql_select_limit"), scope);
  ASSERT_NE(limit, nullptr);
  Result<Value> v = limit->Evaluate(Row(), ctx);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->kind(), Value::Kind::kUInt);
  EXPECT_EQ(v->uint_value(), UINT64_MAX);
  // Unknown names fail when bound.
  EXPECT_EQ(TypeOf(Var(Scope::kSession, "nosuch"), scope), "ERROR 1193");
}

TEST(VariableTypeTest, WithoutReaderVariablesAreText) {
  TestContext ctx;
  ctx.user_vars["i"] = Value::Int(1);
  EXPECT_EQ(TypeOf(Var(Scope::kUser, "i")), "varchar(0)");
  Result<ExpressionPtr> bound = BindExpression(*Var(Scope::kUser, "i"), TestScope());
  ASSERT_TRUE(bound.ok());
  Result<Value> v = (*bound)->Evaluate(Row(), ctx);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->kind(), Value::Kind::kString);
  EXPECT_EQ(v->ToText(), "1");
  // A reader that knows no definitions (the default SystemVariableType): VARCHAR.
  SessionScope scope(&ctx);
  EXPECT_EQ(TypeOf(Var(Scope::kSystemDefault, "max_allowed_packet"), scope), "varchar(0)");
  EXPECT_EQ(TypeOf(Var(Scope::kSystemDefault, "nosuch"), scope), "ERROR 1193");
}

}  // namespace
}  // namespace minisql::sql
