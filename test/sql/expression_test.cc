// expression_test.cc — operators with MySQL semantics: arithmetic and its overflow
// errors, DECIMAL division, mixed-type comparisons, three-valued logic, LIKE, IN,
// BETWEEN, CASE and CAST. Expected values were checked against MariaDB 10.11.
#include "expression_test_util.h"

namespace minisql::sql {
namespace {

using ast::BinaryOp;
using namespace minisql::sql::testing;  // NOLINT

TEST(ArithmeticTest, IntegersStayIntegers) {
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Int(2), Int(3))), "5");
  EXPECT_EQ(Eval(Bin(BinaryOp::kSub, Int(2), Int(3))), "-1");
  EXPECT_EQ(Eval(Bin(BinaryOp::kMul, Int(-4), Int(3))), "-12");
  EXPECT_EQ(TypeOf(Bin(BinaryOp::kAdd, Int(2), Int(3))), "bigint(20)");
}

TEST(ArithmeticTest, IntegerOverflowIsError1690) {
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Int(INT64_MAX), Int(1))),
            "ERROR 1690: BIGINT value is out of range in '9223372036854775807 + 1'");
  EXPECT_EQ(Eval(Bin(BinaryOp::kMul, Int(INT64_MAX), Int(2))),
            "ERROR 1690: BIGINT value is out of range in '9223372036854775807 * 2'");
  EXPECT_EQ(Eval(Bin(BinaryOp::kSub, Int(-INT64_MAX), Int(2))),
            "ERROR 1690: BIGINT value is out of range in '-9223372036854775807 - 2'");
  EXPECT_EQ(Eval(Bin(BinaryOp::kIntDiv, Bin(BinaryOp::kSub, Int(-INT64_MAX), Int(1)), Int(-1))),
            "ERROR 1690: BIGINT value is out of range in '(-9223372036854775807 - 1) DIV -1'");
  EXPECT_EQ(Eval(Un(ast::UnaryOp::kNegate, Bin(BinaryOp::kSub, Int(-INT64_MAX), Int(1)))),
            "ERROR 1690: BIGINT value is out of range in '-(-9223372036854775807 - 1)'");
  EXPECT_EQ(Eval(Bin(BinaryOp::kMul, Dbl(1e308), Int(10))),
            "ERROR 1690: DOUBLE value is out of range in '1e308 * 10'");
}

TEST(ArithmeticTest, DivisionIsDecimalWithScalePlusFour) {
  EXPECT_EQ(Eval(Bin(BinaryOp::kDiv, Int(1), Int(3))), "0.3333");
  EXPECT_EQ(Eval(Bin(BinaryOp::kDiv, Int(3), Int(2))), "1.5000");
  EXPECT_EQ(Eval(Bin(BinaryOp::kDiv, Int(2), Int(3))), "0.6667");
  EXPECT_EQ(Eval(Bin(BinaryOp::kDiv, Dec("1.00"), Int(3))), "0.333333");
  EXPECT_EQ(Eval(Bin(BinaryOp::kDiv, Dbl(1), Int(3))), "0.3333333333333333");
  EXPECT_EQ(TypeOf(Bin(BinaryOp::kDiv, Int(1), Int(3))), "decimal(5,4)");
  EXPECT_EQ(Eval(Bin(BinaryOp::kDiv, Int(1), Int(0))), "NULL");
  EXPECT_EQ(Eval(Bin(BinaryOp::kDiv, Dbl(1), Dbl(0))), "NULL");
}

TEST(ArithmeticTest, IntDivAndMod) {
  EXPECT_EQ(Eval(Bin(BinaryOp::kIntDiv, Int(7), Int(2))), "3");
  EXPECT_EQ(Eval(Bin(BinaryOp::kIntDiv, Int(-7), Int(2))), "-3");
  EXPECT_EQ(Eval(Bin(BinaryOp::kIntDiv, Dec("7.9"), Int(2))), "3");
  EXPECT_EQ(Eval(Bin(BinaryOp::kIntDiv, Int(1), Int(0))), "NULL");
  EXPECT_EQ(Eval(Bin(BinaryOp::kMod, Int(5), Int(3))), "2");
  EXPECT_EQ(Eval(Bin(BinaryOp::kMod, Int(-5), Int(3))), "-2");
  EXPECT_EQ(Eval(Bin(BinaryOp::kMod, Int(7), Int(-3))), "1");
  EXPECT_EQ(Eval(Bin(BinaryOp::kMod, Dec("5.5"), Int(2))), "1.5");
  EXPECT_EQ(Eval(Bin(BinaryOp::kMod, Dbl(5.5), Int(2))), "1.5");
  EXPECT_EQ(Eval(Bin(BinaryOp::kMod, Int(1), Int(0))), "NULL");
  EXPECT_EQ(Eval(Bin(BinaryOp::kMod, Bin(BinaryOp::kSub, Int(-INT64_MAX), Int(1)), Int(-1))), "0");
}

TEST(ArithmeticTest, DecimalAndDoubleMixing) {
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Dec("1.5"), Int(1))), "2.5");
  EXPECT_EQ(TypeOf(Bin(BinaryOp::kAdd, Dec("1.5"), Int(1))), "decimal(3,1)");
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Dec("1.50"), Dec("2.255"))), "3.755");
  EXPECT_EQ(Eval(Bin(BinaryOp::kMul, Dec("1.5"), Dec("1.5"))), "2.25");
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Dbl(0.1), Dbl(0.2))), "0.30000000000000004");
  EXPECT_EQ(TypeOf(Bin(BinaryOp::kAdd, Dec("1.5"), Dbl(1))), "double");
}

TEST(ArithmeticTest, StringsUseTheirNumericPrefix) {
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Str("12abc"), Int(1))), "13");
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Str("abc"), Int(1))), "1");
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Str("1.5"), Int(1))), "2.5");
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Str(" 3"), Int(1))), "4");
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Str("1e2"), Int(0))), "100");
  EXPECT_EQ(TypeOf(Bin(BinaryOp::kAdd, Str("1"), Int(1))), "double");
}

TEST(ArithmeticTest, NullPropagates) {
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Int(1), Null())), "NULL");
  EXPECT_EQ(Eval(Un(ast::UnaryOp::kNegate, Null())), "NULL");
  EXPECT_EQ(Eval(Un(ast::UnaryOp::kNegate, Dec("-1.50"))), "1.50");
}

TEST(ArithmeticTest, ColumnsComeFromTheInputRow) {
  TestScope scope;
  scope.Add("a", MakeColumnRef(BoundColumn{})->type());  // NULL type placeholder
  scope.Add("price", ColumnType{TypeId::kDecimal, false, 10, 2});
  Row row = {Value::Int(1), Value::FromDecimal(Decimal(1250, 2))};
  EXPECT_EQ(Eval(Bin(BinaryOp::kMul, Col("price"), Int(2)), scope, row), "25.00");
  EXPECT_EQ(Eval(Col("nosuch"), scope, row), "ERROR 1054: Unknown column 'nosuch' in 'field list'");
  EXPECT_EQ(Eval(Bin(BinaryOp::kAdd, Col("price"), Int(INT64_MAX)), scope, row),
            "9223372036854775819.50");
}

TEST(ComparisonTest, MixedTypes) {
  EXPECT_EQ(Eval(Bin(BinaryOp::kEq, Str("abc"), Str("ABC "))), "1");
  EXPECT_EQ(Eval(Bin(BinaryOp::kLt, Str("a"), Str("b"))), "1");
  EXPECT_EQ(Eval(Bin(BinaryOp::kEq, Str("10"), Dec("10.0"))), "1");
  EXPECT_EQ(Eval(Bin(BinaryOp::kEq, Int(1), Str("1abc"))), "1");
  EXPECT_EQ(Eval(Bin(BinaryOp::kLt, Str("9"), Int(10))), "1");          // as numbers
  EXPECT_EQ(Eval(Bin(BinaryOp::kLt, Str("9"), Str("10"))), "0");        // as strings
  EXPECT_EQ(Eval(Bin(BinaryOp::kEq, Str("e"), Str("\xC3\xA9"))), "1");  // 'e' = 'é'
  EXPECT_EQ(Eval(Bin(BinaryOp::kEq, Int(1), Dec("1.000"))), "1");
  EXPECT_EQ(Eval(Bin(BinaryOp::kGt, Int(INT64_MAX), Int(INT64_MAX - 1))), "1");
  EXPECT_EQ(Eval(Bin(BinaryOp::kNe, Dbl(0.5), Dec("0.5"))), "0");
  EXPECT_EQ(Eval(Bin(BinaryOp::kGe, Int(2), Int(2))), "1");
  EXPECT_EQ(Eval(Bin(BinaryOp::kLe, Int(3), Int(2))), "0");
}

TEST(ComparisonTest, NullsAndNullSafeEquality) {
  EXPECT_EQ(Eval(Bin(BinaryOp::kEq, Null(), Null())), "NULL");
  EXPECT_EQ(Eval(Bin(BinaryOp::kLt, Int(1), Null())), "NULL");
  EXPECT_EQ(Eval(Bin(BinaryOp::kNullSafeEq, Null(), Null())), "1");
  EXPECT_EQ(Eval(Bin(BinaryOp::kNullSafeEq, Int(1), Null())), "0");
  EXPECT_EQ(Eval(Bin(BinaryOp::kNullSafeEq, Int(1), Int(1))), "1");
}

/// The truth tables of AND, OR, XOR over {1, 0, NULL}.
TEST(LogicTest, ThreeValuedTruthTables) {
  auto v = [](int i) { return i == 2 ? Null() : Int(i); };
  const char* kAnd[3][3] = {{"0", "0", "0"}, {"0", "1", "NULL"}, {"0", "NULL", "NULL"}};
  const char* kOr[3][3] = {{"0", "1", "NULL"}, {"1", "1", "1"}, {"NULL", "1", "NULL"}};
  const char* kXor[3][3] = {{"0", "1", "NULL"}, {"1", "0", "NULL"}, {"NULL", "NULL", "NULL"}};
  for (int a = 0; a < 3; ++a) {
    for (int b = 0; b < 3; ++b) {
      EXPECT_EQ(Eval(Bin(BinaryOp::kAnd, v(a), v(b))), kAnd[a][b]) << a << " AND " << b;
      EXPECT_EQ(Eval(Bin(BinaryOp::kOr, v(a), v(b))), kOr[a][b]) << a << " OR " << b;
      EXPECT_EQ(Eval(Bin(BinaryOp::kXor, v(a), v(b))), kXor[a][b]) << a << " XOR " << b;
    }
  }
  EXPECT_EQ(Eval(Un(ast::UnaryOp::kNot, Null())), "NULL");
  EXPECT_EQ(Eval(Un(ast::UnaryOp::kNot, Int(5))), "0");
  EXPECT_EQ(Eval(Un(ast::UnaryOp::kNot, Str("abc"))), "1");  // 'abc' is 0, so false
  EXPECT_EQ(Eval(Bin(BinaryOp::kXor, Int(2), Int(3))), "0");
}

TEST(LogicTest, AndShortCircuitsPastErrors) {
  auto overflow = Bin(BinaryOp::kAdd, Int(INT64_MAX), Int(1));
  EXPECT_EQ(Eval(Bin(BinaryOp::kAnd, Int(0), std::move(overflow))), "0");
  EXPECT_EQ(Eval(Bin(BinaryOp::kOr, Int(1), Bin(BinaryOp::kAdd, Int(INT64_MAX), Int(1)))), "1");
  EXPECT_EQ(
      Eval(Bin(BinaryOp::kAnd, Int(1), Bin(BinaryOp::kAdd, Int(INT64_MAX), Int(1)))).substr(0, 10),
      "ERROR 1690");
}

ast::ExprPtr Is(ast::ExprPtr operand, ast::IsBoolExpr::Test test, bool negated = false) {
  auto e = std::make_unique<ast::IsBoolExpr>();
  e->operand = std::move(operand);
  e->test = test;
  e->negated = negated;
  return e;
}

TEST(LogicTest, IsTests) {
  using T = ast::IsBoolExpr::Test;
  auto is_null = std::make_unique<ast::IsNullExpr>();
  is_null->operand = Null();
  EXPECT_EQ(Eval(std::move(is_null)), "1");
  auto is_not_null = std::make_unique<ast::IsNullExpr>();
  is_not_null->operand = Int(0);
  is_not_null->negated = true;
  EXPECT_EQ(Eval(std::move(is_not_null)), "1");
  EXPECT_EQ(Eval(Is(Int(0), T::kFalse)), "1");
  EXPECT_EQ(Eval(Is(Null(), T::kUnknown)), "1");
  EXPECT_EQ(Eval(Is(Int(2), T::kTrue)), "1");
  EXPECT_EQ(Eval(Is(Null(), T::kTrue)), "0");
  EXPECT_EQ(Eval(Is(Null(), T::kFalse, true)), "1");
  EXPECT_EQ(Eval(Is(Int(1), T::kUnknown, true)), "1");
}

ast::ExprPtr Like(ast::ExprPtr text, ast::ExprPtr pattern, ast::ExprPtr escape = nullptr,
                  bool negated = false) {
  auto e = std::make_unique<ast::LikeExpr>();
  e->operand = std::move(text);
  e->pattern = std::move(pattern);
  e->escape = std::move(escape);
  e->negated = negated;
  return e;
}

TEST(LikeTest, WildcardsCaseAndEscapes) {
  EXPECT_EQ(Eval(Like(Str("a"), Str("A%"))), "1");
  EXPECT_EQ(Eval(Like(Str("abc"), Str("a_c"))), "1");
  EXPECT_EQ(Eval(Like(Str("abc"), Str("a_"))), "0");
  EXPECT_EQ(Eval(Like(Str("a%c"), Str("a\\%c"))), "1");
  EXPECT_EQ(Eval(Like(Str("abc"), Str("a\\%c"))), "0");
  EXPECT_EQ(Eval(Like(Str("a_c"), Str("a|_c"), Str("|"))), "1");
  EXPECT_EQ(Eval(Like(Str("abc"), Str("a|_c"), Str("|"))), "0");
  EXPECT_EQ(Eval(Like(Str("abc "), Str("abc"))), "0");  // trailing spaces count in LIKE
  EXPECT_EQ(Eval(Like(Int(1), Int(1))), "1");
  EXPECT_EQ(Eval(Like(Str("h\xC3\xA9llo"), Str("h_llo"))), "1");  // '_' is one character
  EXPECT_EQ(Eval(Like(Str("xaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"), Str("%a%a%a%a%a%a%a%c"))), "0");
  EXPECT_EQ(Eval(Like(Str(""), Str("%"))), "1");
  EXPECT_EQ(Eval(Like(Str("abc"), Str("%%c"))), "1");
  EXPECT_EQ(Eval(Like(Str("a\\"), Str("a\\"))), "1");  // a trailing escape is literal
  EXPECT_EQ(Eval(Like(Str("abc"), Str("A%"), nullptr, true)), "0");
  EXPECT_EQ(Eval(Like(Null(), Str("%"))), "NULL");
  EXPECT_EQ(Eval(Like(Str("a"), Str("a"), Str("ab"))), "ERROR 1210: Incorrect arguments to ESCAPE");
}

ast::ExprPtr In(ast::ExprPtr operand, std::vector<ast::ExprPtr> list, bool negated = false) {
  auto e = std::make_unique<ast::InListExpr>();
  e->operand = std::move(operand);
  e->list = std::move(list);
  e->negated = negated;
  return e;
}

TEST(InListTest, NullSemantics) {
  EXPECT_EQ(Eval(In(Int(1), Args(Int(1), Null()))), "1");
  EXPECT_EQ(Eval(In(Int(2), Args(Int(1), Null()))), "NULL");
  EXPECT_EQ(Eval(In(Int(2), Args(Int(1), Null()), true)), "NULL");
  EXPECT_EQ(Eval(In(Int(2), Args(Int(1), Int(3)), true)), "1");
  EXPECT_EQ(Eval(In(Null(), Args(Int(1)))), "NULL");
  EXPECT_EQ(Eval(In(Str("B"), Args(Str("a"), Str("b")))), "1");
  EXPECT_EQ(Eval(In(Int(2), Args(Str("2.0"), Dec("3.5")))), "1");
}

ast::ExprPtr Between(ast::ExprPtr x, ast::ExprPtr lo, ast::ExprPtr hi, bool negated = false) {
  auto e = std::make_unique<ast::BetweenExpr>();
  e->operand = std::move(x);
  e->low = std::move(lo);
  e->high = std::move(hi);
  e->negated = negated;
  return e;
}

TEST(BetweenTest, InclusiveWithNulls) {
  EXPECT_EQ(Eval(Between(Int(2), Int(1), Int(3))), "1");
  EXPECT_EQ(Eval(Between(Int(3), Int(1), Int(3))), "1");
  EXPECT_EQ(Eval(Between(Int(4), Int(1), Int(3))), "0");
  EXPECT_EQ(Eval(Between(Int(4), Int(1), Int(3), true)), "1");
  EXPECT_EQ(Eval(Between(Str("b"), Str("A"), Str("C"))), "1");
  EXPECT_EQ(Eval(Between(Int(5), Null(), Int(3))), "0");  // 5 <= 3 is false
  EXPECT_EQ(Eval(Between(Int(2), Null(), Int(3))), "NULL");
}

ast::ExprPtr Case(ast::ExprPtr operand, std::vector<std::pair<ast::ExprPtr, ast::ExprPtr>> wt,
                  ast::ExprPtr els) {
  auto e = std::make_unique<ast::CaseExpr>();
  e->operand = std::move(operand);
  e->when_then = std::move(wt);
  e->else_result = std::move(els);
  return e;
}

TEST(CaseTest, BothForms) {
  std::vector<std::pair<ast::ExprPtr, ast::ExprPtr>> wt;
  wt.emplace_back(Int(1), Str("one"));
  wt.emplace_back(Int(2), Str("two"));
  EXPECT_EQ(Eval(Case(Int(2), std::move(wt), Str("many"))), "two");
  std::vector<std::pair<ast::ExprPtr, ast::ExprPtr>> searched;
  searched.emplace_back(Bin(BinaryOp::kGt, Int(1), Int(2)), Int(1));
  searched.emplace_back(Null(), Int(2));
  EXPECT_EQ(Eval(Case(nullptr, std::move(searched), nullptr)), "NULL");
  std::vector<std::pair<ast::ExprPtr, ast::ExprPtr>> null_operand;
  null_operand.emplace_back(Null(), Int(1));
  EXPECT_EQ(Eval(Case(Null(), std::move(null_operand), Int(0))), "0");
  std::vector<std::pair<ast::ExprPtr, ast::ExprPtr>> mixed;
  mixed.emplace_back(Int(1), Int(2));
  EXPECT_EQ(Eval(Case(Int(1), std::move(mixed), Dec("1.5"))), "2.0");  // common type DECIMAL
}

ast::ExprPtr Cast(ast::ExprPtr operand, ColumnType target, std::string name) {
  auto e = std::make_unique<ast::CastExpr>();
  e->operand = std::move(operand);
  e->target = target;
  e->target_name = std::move(name);
  return e;
}

TEST(CastTest, Targets) {
  ColumnType sign{TypeId::kBigInt, false, 0, 0};
  ColumnType unsign{TypeId::kBigInt, true, 0, 0};
  EXPECT_EQ(Eval(Cast(Dec("1.5"), sign, "SIGNED")), "2");
  EXPECT_EQ(Eval(Cast(Str("2.5"), sign, "SIGNED")), "2");
  EXPECT_EQ(Eval(Cast(Str("abc"), sign, "SIGNED")), "0");
  EXPECT_EQ(Eval(Cast(Int(1), unsign, "UNSIGNED")), "1");
  EXPECT_EQ(Eval(Cast(Int(-1), unsign, "UNSIGNED")), "18446744073709551615");  // wraps
  EXPECT_EQ(Eval(Cast(Dec("1.25"), ColumnType{TypeId::kDecimal, false, 5, 1}, "DECIMAL(5,1)")),
            "1.3");
  EXPECT_EQ(Eval(Cast(Int(12345), ColumnType{TypeId::kDecimal, false, 4, 2}, "DECIMAL(4,2)")),
            "99.99");
  EXPECT_EQ(Eval(Cast(Int(1), ColumnType{TypeId::kChar, false, 0, 0}, "CHAR")), "1");
  EXPECT_EQ(Eval(Cast(Str("hello"), ColumnType{TypeId::kChar, false, 2, 0}, "CHAR(2)")), "he");
  EXPECT_EQ(Eval(Cast(Dec("12.5"), ColumnType{TypeId::kDouble, false, 0, 0}, "DOUBLE")), "12.5");
  // 1 does not read as a date (MariaDB: NULL); 20240131 does.
  EXPECT_EQ(Eval(Cast(Int(1), ColumnType{TypeId::kDate, false, 0, 0}, "DATE")), "NULL");
  EXPECT_EQ(Eval(Cast(Int(20240131), ColumnType{TypeId::kDate, false, 0, 0}, "DATE")),
            "2024-01-31");
  EXPECT_EQ(Eval(Cast(Null(), sign, "SIGNED")), "NULL");
}

}  // namespace
}  // namespace minisql::sql
