// expression_function_test.cc — built-in functions, variables, and the binder's
// errors (unknown function 1305, wrong argument count 1582, aggregates 1111, features
// not supported yet 1235). Expected values were checked against MariaDB 10.11.
#include "expression_test_util.h"

namespace minisql::sql {
namespace {

using ast::BinaryOp;
using namespace minisql::sql::testing;  // NOLINT

TEST(StringFunctionTest, ConcatAndLengths) {
  EXPECT_EQ(Eval(Fn("CONCAT", Args(Str("a"), Int(1), Dec("1.50")))), "a11.50");
  EXPECT_EQ(Eval(Fn("CONCAT", Args(Str("a"), Null()))), "NULL");
  EXPECT_EQ(Eval(Fn("CONCAT_WS", Args(Str(","), Str("a"), Null(), Str("b")))), "a,b");
  EXPECT_EQ(Eval(Fn("CONCAT_WS", Args(Null(), Str("a")))), "NULL");
  EXPECT_EQ(Eval(Fn("LENGTH", Args(Str("h\xC3\xA9llo")))), "6");
  EXPECT_EQ(Eval(Fn("CHAR_LENGTH", Args(Str("h\xC3\xA9llo")))), "5");
  EXPECT_EQ(Eval(Fn("CHARACTER_LENGTH", Args(Str("")))), "0");
  EXPECT_EQ(TypeOf(Fn("CONCAT", Args(Str("ab"), Str("c")))), "varchar(3)");
}

TEST(StringFunctionTest, CaseMapping) {
  EXPECT_EQ(Eval(Fn("UPPER", Args(Str("h\xC3\xA9llo")))), "H\xC3\x89LLO");
  EXPECT_EQ(Eval(Fn("UCASE", Args(Str("abc")))), "ABC");
  EXPECT_EQ(Eval(Fn("LOWER", Args(Str("ABC\xC3\x89")))), "abc\xC3\xA9");
  EXPECT_EQ(Eval(Fn("LCASE", Args(Int(12)))), "12");
}

TEST(StringFunctionTest, SubstringLeftRight) {
  EXPECT_EQ(Eval(Fn("SUBSTRING", Args(Str("hello"), Int(2)))), "ello");
  EXPECT_EQ(Eval(Fn("SUBSTRING", Args(Str("hello"), Int(-3), Int(2)))), "ll");
  EXPECT_EQ(Eval(Fn("SUBSTRING", Args(Str("hello"), Int(0)))), "");
  EXPECT_EQ(Eval(Fn("SUBSTR", Args(Str("hello"), Int(2), Int(100)))), "ello");
  EXPECT_EQ(Eval(Fn("SUBSTR", Args(Str("hello"), Int(-9)))), "");
  EXPECT_EQ(Eval(Fn("SUBSTR", Args(Str("hello"), Int(2), Int(-1)))), "");
  EXPECT_EQ(Eval(Fn("LEFT", Args(Str("h\xC3\xA9llo"), Int(2)))), "h\xC3\xA9");
  EXPECT_EQ(Eval(Fn("RIGHT", Args(Str("hello"), Int(3)))), "llo");
  EXPECT_EQ(Eval(Fn("RIGHT", Args(Str("hello"), Int(30)))), "hello");
  EXPECT_EQ(Eval(Fn("LEFT", Args(Str("hello"), Int(-1)))), "");
}

TEST(StringFunctionTest, TrimAndReplace) {
  EXPECT_EQ(Eval(Fn("TRIM", Args(Str("  a b  ")))), "a b");
  EXPECT_EQ(Eval(Fn("LTRIM", Args(Str("  a  ")))), "a  ");
  EXPECT_EQ(Eval(Fn("RTRIM", Args(Str("  a  ")))), "  a");
  EXPECT_EQ(Eval(Fn("REPLACE", Args(Str("aXbX"), Str("X"), Str("yy")))), "ayybyy");
  EXPECT_EQ(Eval(Fn("REPLACE", Args(Str("abc"), Str(""), Str("z")))), "abc");
}

TEST(NumericFunctionTest, AbsSignRound) {
  EXPECT_EQ(Eval(Fn("ABS", Args(Int(-3)))), "3");
  EXPECT_EQ(Eval(Fn("ABS", Args(Dec("-1.50")))), "1.50");
  EXPECT_EQ(Eval(Fn("ABS", Args(Bin(BinaryOp::kSub, Int(-INT64_MAX), Int(1))), "abs")),
            "ERROR 1690: BIGINT value is out of range in 'abs(-9223372036854775807 - 1)'");
  EXPECT_EQ(Eval(Fn("SIGN", Args(Int(-3)))), "-1");
  EXPECT_EQ(Eval(Fn("SIGN", Args(Dec("0.00")))), "0");
  EXPECT_EQ(Eval(Fn("ROUND", Args(Dbl(2.5)))), "2");  // DOUBLE: half to even
  EXPECT_EQ(Eval(Fn("ROUND", Args(Dbl(-2.5)))), "-2");
  EXPECT_EQ(Eval(Fn("ROUND", Args(Dbl(1.5)))), "2");
  EXPECT_EQ(Eval(Fn("ROUND", Args(Dec("1.5")))), "2");  // DECIMAL: half away from zero
  EXPECT_EQ(Eval(Fn("ROUND", Args(Dec("-1.5")))), "-2");
  EXPECT_EQ(Eval(Fn("ROUND", Args(Dec("1.234"), Int(2)))), "1.23");
  EXPECT_EQ(TypeOf(Fn("ROUND", Args(Dec("1.234"), Int(2)))), "decimal(4,2)");
  EXPECT_EQ(Eval(Fn("ROUND", Args(Int(15), Int(-1)))), "20");
  EXPECT_EQ(Eval(Fn("ROUND", Args(Dec("155.5"), Int(-1)))), "160");
  EXPECT_EQ(Eval(Fn("ROUND", Args(Dbl(1.25), Int(1)))), "1.2");
}

TEST(NumericFunctionTest, FloorCeilModPowerSqrt) {
  EXPECT_EQ(Eval(Fn("FLOOR", Args(Dec("1.5")))), "1");
  EXPECT_EQ(Eval(Fn("FLOOR", Args(Dec("-1.5")))), "-2");
  EXPECT_EQ(Eval(Fn("CEIL", Args(Dec("-1.5")))), "-1");
  EXPECT_EQ(Eval(Fn("CEILING", Args(Dec("1.1")))), "2");
  EXPECT_EQ(Eval(Fn("FLOOR", Args(Dbl(1.5)))), "1");
  EXPECT_EQ(Eval(Fn("FLOOR", Args(Int(7)))), "7");
  EXPECT_EQ(Eval(Fn("MOD", Args(Int(7), Int(3)))), "1");
  EXPECT_EQ(Eval(Fn("MOD", Args(Dec("7.5"), Int(2)))), "1.5");
  EXPECT_EQ(Eval(Fn("MOD", Args(Int(7), Int(0)))), "NULL");
  EXPECT_EQ(Eval(Fn("POWER", Args(Int(2), Int(3)))), "8");
  EXPECT_EQ(Eval(Fn("POW", Args(Int(2), Dec("0.5")))), "1.4142135623730951");
  EXPECT_EQ(Eval(Fn("POW", Args(Int(10), Int(400)))).substr(0, 10), "ERROR 1690");
  EXPECT_EQ(Eval(Fn("SQRT", Args(Int(-1)))), "NULL");
  EXPECT_EQ(Eval(Fn("SQRT", Args(Int(16)))), "4");
}

TEST(ControlFlowFunctionTest, ChoosingFunctions) {
  EXPECT_EQ(Eval(Fn("COALESCE", Args(Null(), Str("x"), Int(1)))), "x");
  EXPECT_EQ(Eval(Fn("COALESCE", Args(Null(), Null()))), "NULL");
  EXPECT_EQ(Eval(Fn("IFNULL", Args(Null(), Dec("1.5")))), "1.5");
  EXPECT_EQ(Eval(Fn("IFNULL", Args(Int(1), Bin(BinaryOp::kAdd, Int(INT64_MAX), Int(1))))), "1");
  EXPECT_EQ(Eval(Fn("NULLIF", Args(Int(1), Int(1)))), "NULL");
  EXPECT_EQ(Eval(Fn("NULLIF", Args(Int(1), Int(2)))), "1");
  EXPECT_EQ(Eval(Fn("IF", Args(Int(1), Int(2), Dec("1.5")))), "2.0");
  EXPECT_EQ(Eval(Fn("IF", Args(Null(), Int(2), Int(3)))), "3");
  EXPECT_EQ(Eval(Fn("GREATEST", Args(Int(1), Dec("2.5"), Str("3")))), "3");
  EXPECT_EQ(Eval(Fn("GREATEST", Args(Int(10), Str("9")))), "10");  // numbers win over text
  EXPECT_EQ(Eval(Fn("LEAST", Args(Str("a"), Str("B")))), "a");
  EXPECT_EQ(Eval(Fn("GREATEST", Args(Int(1), Null()))), "NULL");
  EXPECT_EQ(Eval(Fn("LEAST", Args(Int(4), Int(-2), Int(3)))), "-2");
}

TEST(InformationFunctionTest, AskTheSession) {
  TestContext ctx;
  EXPECT_EQ(Eval(Fn("DATABASE", {}), TestScope(), Row(), ctx), "NULL");
  ctx.db = "shop";
  EXPECT_EQ(Eval(Fn("DATABASE", {}), TestScope(), Row(), ctx), "shop");
  EXPECT_EQ(Eval(Fn("SCHEMA", {}), TestScope(), Row(), ctx), "shop");
  EXPECT_EQ(Eval(Fn("USER", {}), TestScope(), Row(), ctx), "root@localhost");
  EXPECT_EQ(Eval(Fn("CURRENT_USER", {}), TestScope(), Row(), ctx), "root@localhost");
  EXPECT_EQ(Eval(Fn("VERSION", {}), TestScope(), Row(), ctx), "8.0.0-minisql");
  EXPECT_EQ(Eval(Fn("CONNECTION_ID", {}), TestScope(), Row(), ctx), "7");
  EXPECT_EQ(Eval(Fn("LAST_INSERT_ID", {}), TestScope(), Row(), ctx), "42");
  EXPECT_EQ(Eval(Fn("LAST_INSERT_ID", Args(Int(5))), TestScope(), Row(), ctx).substr(0, 10),
            "ERROR 1235");
}

ast::ExprPtr Var(ast::VariableExpr::Scope scope, std::string name) {
  auto e = std::make_unique<ast::VariableExpr>();
  e->scope = scope;
  e->name = std::move(name);
  return e;
}

TEST(VariableTest, UserAndSystemVariables) {
  using Scope = ast::VariableExpr::Scope;
  TestContext ctx;
  ctx.user_vars["x"] = Value::Int(5);
  EXPECT_EQ(Eval(Var(Scope::kUser, "x"), TestScope(), Row(), ctx), "5");
  EXPECT_EQ(Eval(Var(Scope::kUser, "unset"), TestScope(), Row(), ctx), "NULL");
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Var(Scope::kUser, "x"), Int(1)), TestScope(), Row(), ctx),
            "6");
  EXPECT_EQ(Eval(Var(Scope::kSystemDefault, "max_allowed_packet"), TestScope(), Row(), ctx),
            "16777216");
  EXPECT_EQ(Eval(Var(Scope::kSession, "nosuch"), TestScope(), Row(), ctx),
            "ERROR 1193: Unknown system variable 'nosuch'");
}

TEST(BinderErrorTest, UnknownFunctionAndArity) {
  TestScope scope;
  EXPECT_EQ(Eval(Fn("NOSUCH", Args(Int(1)), "nosuch"), scope),
            "ERROR 1305: FUNCTION nosuch does not exist");
  scope.db = "shop";
  EXPECT_EQ(Eval(Fn("NOSUCH", Args(Int(1)), "NoSuch"), scope),
            "ERROR 1305: FUNCTION shop.NoSuch does not exist");
  EXPECT_EQ(Eval(Fn("CONCAT_WS", Args(Str("a")), "concat_ws")),
            "ERROR 1582: Incorrect parameter count in the call to native function 'concat_ws'");
  EXPECT_EQ(Eval(Fn("ABS", {}, "ABS")),
            "ERROR 1582: Incorrect parameter count in the call to native function 'ABS'");
  EXPECT_EQ(Eval(Fn("IF", Args(Int(1), Int(2)), "if")).substr(0, 10), "ERROR 1582");
}

TEST(BinderErrorTest, AggregatesAndUnsupportedNodes) {
  EXPECT_EQ(Eval(Fn("COUNT", Args(Int(1)))), "ERROR 1111: Invalid use of group function");
  EXPECT_TRUE(IsAggregateFunction("SUM"));
  EXPECT_FALSE(IsAggregateFunction("CONCAT"));
  EXPECT_EQ(Eval(std::make_unique<ast::SubqueryExpr>()),
            "ERROR 1235: This version of MySQL doesn't yet support 'subqueries in this context'");
  // A row where one value is wanted (SELECT (1, 2)).
  EXPECT_EQ(Eval(std::make_unique<ast::RowExpr>()),
            "ERROR 1241: Operand should contain 1 column(s)");
  EXPECT_EQ(Eval(std::make_unique<ast::DefaultExpr>()).substr(0, 10), "ERROR 1235");
  EXPECT_EQ(Eval(std::make_unique<ast::StarExpr>()).substr(0, 10), "ERROR 1064");
  EXPECT_EQ(Eval(Bin(BinaryOp::kBitAnd, Int(1), Int(2))).substr(0, 10), "ERROR 1235");
  EXPECT_EQ(Eval(Un(ast::UnaryOp::kBitNot, Int(0))).substr(0, 10), "ERROR 1235");
}

TEST(BinderErrorTest, DeepNestingIsRefusedNotCrashing) {
  ast::ExprPtr e = Int(1);
  for (int i = 0; i < 100000; ++i) e = Un(ast::UnaryOp::kNot, std::move(e));
  EXPECT_EQ(Eval(e).substr(0, 10), "ERROR 1235");
  // Tear down iteratively: the AST's own destructor recursion is the parser's concern.
  while (e->kind == ast::ExprKind::kUnary) {
    ast::ExprPtr inner = std::move(static_cast<ast::UnaryExpr&>(*e).operand);
    e = std::move(inner);
  }
}

TEST(BinderTest, ResultTypesAndNullability) {
  TestScope scope;
  scope.Add("id", ColumnType{TypeId::kInt, false, 0, 0}, false);
  scope.Add("name", ColumnType{TypeId::kVarchar, false, 40, 0}, true);
  Result<ExpressionPtr> cmp = BindExpression(*Bin(BinaryOp::kEq, Col("id"), Int(1)), scope);
  ASSERT_TRUE(cmp.ok());
  EXPECT_FALSE((*cmp)->nullable());
  EXPECT_EQ((*cmp)->type().ToSql(), "int(1)");
  Result<ExpressionPtr> name = BindExpression(*Col("name"), scope);
  ASSERT_TRUE(name.ok());
  EXPECT_TRUE((*name)->nullable());
  EXPECT_EQ((*name)->type().ToSql(), "varchar(40)");
  EXPECT_EQ(TypeOf(Fn("DATABASE", {})), "varchar(64)");
  EXPECT_EQ(TypeOf(Fn("CONNECTION_ID", {})), "bigint(20)");
  EXPECT_EQ(TypeOf(Dec("1.50")), "decimal(3,2)");
  EXPECT_EQ(TypeOf(Fn("IFNULL", Args(Col("id"), Dec("1.5"))), scope), "decimal(12,1)");
  EXPECT_EQ(MakeLiteral(Value::Int(3))->ToString(), "3");
  EXPECT_EQ(MakeLiteral(Value::String("it's"))->ToString(), "'it\\'s'");
}

}  // namespace
}  // namespace minisql::sql
