// aggregate_test.cc — COUNT, SUM, AVG, MIN, MAX: result types, NULL handling, empty
// groups, DISTINCT, and MySQL's exact DECIMAL sums and averages.
#include "sql/expression/aggregate.h"

#include <gtest/gtest.h>

#include <vector>

namespace minisql::sql {
namespace {

AggregateSpec Spec(const char* name, ColumnType arg, bool distinct = false, bool star = false) {
  AggregateSpec s;
  s.name = name;
  s.arg_type = arg;
  s.distinct = distinct;
  s.star = star;
  return s;
}

const ColumnType kInt{TypeId::kInt, false, 0, 0};
const ColumnType kDec2{TypeId::kDecimal, false, 10, 2};
const ColumnType kDouble{TypeId::kDouble, false, 0, 0};
const ColumnType kText{TypeId::kVarchar, false, 20, 0};

/// Feeds `values` to a fresh aggregator; the result as text, "NULL" or "ERROR <code>".
std::string Aggregate(const AggregateSpec& spec, const std::vector<Value>& values) {
  Result<std::unique_ptr<Aggregator>> agg = MakeAggregator(spec);
  if (!agg.ok()) return "ERROR " + std::to_string(agg.status().code());
  for (const Value& v : values) {
    Status s = (*agg)->Accumulate(v);
    if (!s.ok()) return "ERROR " + std::to_string(s.code());
  }
  Result<Value> out = (*agg)->Finish();
  if (!out.ok()) return "ERROR " + std::to_string(out.status().code());
  return out->is_null() ? "NULL" : out->ToText();
}

std::string TypeOf(const AggregateSpec& spec) {
  Result<ColumnType> t = AggregateResultType(spec);
  return t.ok() ? t->ToSql() : "ERROR " + std::to_string(t.status().code());
}

TEST(AggregateTest, CountIgnoresNullsExceptStar) {
  std::vector<Value> v = {Value::Int(1), Value(), Value::Int(1), Value::Int(3)};
  EXPECT_EQ(Aggregate(Spec("COUNT", kInt), v), "3");
  EXPECT_EQ(Aggregate(Spec("COUNT", kInt, true), v), "2");
  EXPECT_EQ(Aggregate(Spec("COUNT", kInt, false, true), {Value::Int(1), Value::Int(1)}), "2");
  EXPECT_EQ(Aggregate(Spec("COUNT", kInt), {}), "0");
  EXPECT_EQ(TypeOf(Spec("COUNT", kInt)), "bigint(21)");
}

TEST(AggregateTest, SumIsExactDecimalForIntegers) {
  std::vector<Value> v = {Value::Int(INT64_MAX), Value::Int(INT64_MAX), Value()};
  EXPECT_EQ(Aggregate(Spec("SUM", kInt), v), "18446744073709551614");
  EXPECT_EQ(Aggregate(Spec("SUM", kInt), {}), "NULL");
  EXPECT_EQ(Aggregate(Spec("SUM", kInt), {Value(), Value()}), "NULL");
  EXPECT_EQ(TypeOf(Spec("SUM", kInt)), "decimal(33,0)");
  EXPECT_EQ(Aggregate(Spec("SUM", kDec2),
                      {Value::FromDecimal(Decimal(150, 2)), Value::FromDecimal(Decimal(25, 2))}),
            "1.75");
  EXPECT_EQ(Aggregate(Spec("SUM", kDouble), {Value::Double(0.1), Value::Double(0.2)}),
            "0.30000000000000004");
  EXPECT_EQ(TypeOf(Spec("SUM", kDouble)), "double");
  EXPECT_EQ(Aggregate(Spec("SUM", kInt, true), {Value::Int(2), Value::Int(2), Value::Int(3)}), "5");
  EXPECT_EQ(Aggregate(Spec("SUM", kText), {Value::String("1.5"), Value::String("x")}), "1.5");
}

TEST(AggregateTest, SumOverflowIsAnError) {
  Value big = Value::FromDecimal(*Decimal::Parse("90000000000000000000000000000000000000"));
  ColumnType wide{TypeId::kDecimal, false, 38, 0};
  EXPECT_EQ(Aggregate(Spec("SUM", wide), {big, big}), "ERROR 1690");
}

TEST(AggregateTest, AvgAddsFourDigitsOfScale) {
  EXPECT_EQ(Aggregate(Spec("AVG", kInt), {Value::Int(10)}), "10.0000");
  EXPECT_EQ(Aggregate(Spec("AVG", kInt), {Value::Int(1), Value::Int(2)}), "1.5000");
  EXPECT_EQ(Aggregate(Spec("AVG", kInt), {Value::Int(1), Value::Int(1), Value::Int(2)}), "1.3333");
  EXPECT_EQ(TypeOf(Spec("AVG", kInt)), "decimal(15,4)");
  EXPECT_EQ(Aggregate(Spec("AVG", kDec2), {Value::FromDecimal(Decimal(100, 2))}), "1.000000");
  EXPECT_EQ(Aggregate(Spec("AVG", kDouble), {Value::Double(1), Value::Double(2)}), "1.5");
  EXPECT_EQ(Aggregate(Spec("AVG", kInt), {Value()}), "NULL");
  EXPECT_EQ(Aggregate(Spec("AVG", kInt, true), {Value::Int(1), Value::Int(1), Value::Int(4)}),
            "2.5000");
}

TEST(AggregateTest, MinMaxKeepTypeAndCollation) {
  std::vector<Value> words = {Value::String("b"), Value::String("A"), Value(), Value::String("C")};
  EXPECT_EQ(Aggregate(Spec("MIN", kText), words), "A");
  EXPECT_EQ(Aggregate(Spec("MAX", kText), words), "C");
  EXPECT_EQ(Aggregate(Spec("MAX", kInt), {Value::Int(-5), Value::Int(3), Value::Int(2)}), "3");
  EXPECT_EQ(Aggregate(Spec("MIN", kDec2),
                      {Value::FromDecimal(Decimal(150, 2)), Value::FromDecimal(Decimal(-25, 2))}),
            "-0.25");
  EXPECT_EQ(Aggregate(Spec("MIN", kInt), {}), "NULL");
  EXPECT_EQ(TypeOf(Spec("MAX", kDec2)), "decimal(10,2)");
}

TEST(AggregateTest, DistinctUsesSqlEquality) {
  std::vector<Value> v = {Value::String("a"), Value::String("A "), Value::String("b")};
  EXPECT_EQ(Aggregate(Spec("COUNT", kText, true), v), "2");
}

TEST(AggregateTest, UnknownAggregateIsNotSupported) {
  EXPECT_EQ(TypeOf(Spec("STDDEV", kInt)), "ERROR 1235");
}

TEST(AggregateTest, GroupConcatJoinsInArrivalOrderAndSkipsNull) {
  std::vector<Value> v = {Value::String("b"), Value::Null(), Value::Int(1), Value::String("a")};
  EXPECT_EQ(Aggregate(Spec("GROUP_CONCAT", kText), v), "b,1,a");
  EXPECT_EQ(Aggregate(Spec("GROUP_CONCAT", kText), {}), "NULL");
  EXPECT_EQ(Aggregate(Spec("GROUP_CONCAT", kText, true), v), "b,1,a");
  std::vector<Value> dup = {Value::String("x"), Value::String("X"), Value::String("y")};
  EXPECT_EQ(Aggregate(Spec("GROUP_CONCAT", kText, true), dup), "x,y");  // 'x' = 'X'
}

}  // namespace
}  // namespace minisql::sql
