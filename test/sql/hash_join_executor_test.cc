// hash_join_executor_test.cc — the hash join (executor/hash_join_executor.h) on
// in-memory inputs in join-row shape: it must keep exactly the pairs `l = r` keeps
// (mixed types, case-insensitive strings, NULL keys never matching), LEFT JOIN must
// pad unmatched rows, and the residual condition must take part in matching.
#include <gtest/gtest.h>

#include <algorithm>

#include "sql/executor/executor_factory.h"
#include "sql/executor/join_key_hash.h"
#include "sql/expression/expression_binder.h"
#include "sql/expression/expression_nodes.h"

namespace minisql::sql {
namespace {

class NoSessionContext : public EvalContext {
 public:
  std::string CurrentDatabase() const override { return ""; }
  std::string CurrentUser() const override { return "test@localhost"; }
  uint32_t ConnectionId() const override { return 1; }
  uint64_t LastInsertId() const override { return 0; }
  Value UserVariable(const std::string&) const override { return Value(); }
  Result<Value> SystemVariable(const std::string& name, const std::string&) const override {
    return Status::Error(ErrorCode::kUnknownSystemVariable, name);
  }
};

const ColumnType kInt{TypeId::kInt, false, 11, 0};
const ColumnType kText{TypeId::kVarchar, false, 20, 0};
const ColumnType kDec{TypeId::kDecimal, false, 10, 2};

ExpressionPtr Col(uint32_t index, ColumnType type) {
  return MakeColumnRef(BoundColumn{index, type, true, "c" + std::to_string(index)});
}

// Join rows of width 2: the left input fills column 0, the right input column 1.
std::unique_ptr<ValuesPlan> Side(const std::vector<Value>& values, bool right) {
  auto plan = std::make_unique<ValuesPlan>();
  for (const Value& v : values) {
    std::vector<ExpressionPtr> row;
    row.push_back(MakeLiteral(right ? Value::Null() : v));
    row.push_back(MakeLiteral(right ? v : Value::Null()));
    plan->rows.push_back(std::move(row));
  }
  return plan;
}

std::unique_ptr<HashJoinPlan> Join(const std::vector<Value>& left, ColumnType left_type,
                                   const std::vector<Value>& right, ColumnType right_type) {
  auto join = std::make_unique<HashJoinPlan>();
  join->left_keys.push_back(Col(0, left_type));
  join->right_keys.push_back(Col(1, right_type));
  join->modes.push_back(CompareModeFor(left_type, right_type));
  join->right_columns = {ColumnSpan{1, 1}};
  join->AddChild(Side(left, false));
  join->AddChild(Side(right, true));
  return join;
}

// The joined rows as "l|r", sorted.
std::vector<std::string> RunJoin(const PlanNode& plan) {
  NoSessionContext eval;
  ExecutorContext ctx{nullptr, nullptr, &eval};
  ExecutorPtr executor = CreateExecutor(&ctx, plan);
  EXPECT_TRUE(executor->Init().ok());
  std::vector<std::string> out;
  Row row;
  while (true) {
    Result<bool> more = executor->Next(&row);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    auto text = [](const Value& v) { return v.is_null() ? std::string("NULL") : v.ToText(); };
    out.push_back(text(row[0]) + "|" + text(row[1]));
  }
  std::sort(out.begin(), out.end());
  return out;
}

using Lines = std::vector<std::string>;

TEST(HashJoinTest, InnerJoinOnIntegers) {
  auto join = Join({Value::Int(1), Value::Int(2), Value::Int(2), Value::Int(3)}, kInt,
                   {Value::Int(2), Value::Int(3), Value::Int(3), Value::Int(4)}, kInt);
  EXPECT_EQ(RunJoin(*join), (Lines{"2|2", "2|2", "3|3", "3|3"}));
}

TEST(HashJoinTest, NullKeysNeverMatch) {
  auto join = Join({Value::Null(), Value::Int(1)}, kInt, {Value::Null(), Value::Int(1)}, kInt);
  EXPECT_EQ(RunJoin(*join), (Lines{"1|1"}));
  auto left = Join({Value::Null(), Value::Int(1)}, kInt, {Value::Null(), Value::Int(1)}, kInt);
  left->left_outer = true;
  EXPECT_EQ(RunJoin(*left), (Lines{"1|1", "NULL|NULL"}));
}

TEST(HashJoinTest, MixedTypesCompareAsTheFilterWould) {
  // INT vs DECIMAL: 1 = 1.00; INT vs string: compared as doubles, '1' = 1 and
  // ' 2abc' = 2; strings: case- and trailing-space-insensitive.
  auto decimal =
      Join({Value::Int(1), Value::Int(2)}, kInt,
           {Value::FromDecimal(Decimal(100, 2)), Value::FromDecimal(Decimal(250, 2))}, kDec);
  EXPECT_EQ(RunJoin(*decimal), (Lines{"1|1.00"}));
  auto text = Join({Value::Int(1), Value::Int(2), Value::Int(0)}, kInt,
                   {Value::String("1"), Value::String(" 2abc"), Value::String("x")}, kText);
  EXPECT_EQ(RunJoin(*text), (Lines{"0|x", "1|1", "2| 2abc"}));
  auto strings = Join({Value::String("abc"), Value::String("\xC3\xA9t\xC3\xA9")}, kText,
                      {Value::String("ABC  "), Value::String("ETE"), Value::String("ab")}, kText);
  EXPECT_EQ(RunJoin(*strings), (Lines{"abc|ABC  ", "\xC3\xA9t\xC3\xA9|ETE"}));
}

TEST(HashJoinTest, LeftJoinPadsUnmatchedRowsAndHonoursTheResidual) {
  auto join = Join({Value::Int(1), Value::Int(2), Value::Int(3)}, kInt,
                   {Value::Int(1), Value::Int(2), Value::Int(3)}, kInt);
  join->left_outer = true;
  // residual: right value <> 2 (so left 2 finds no match and is padded)
  join->residual = std::make_unique<ComparisonExpression>(ComparisonOp::kNe, Col(1, kInt),
                                                          MakeLiteral(Value::Int(2)));
  EXPECT_EQ(RunJoin(*join), (Lines{"1|1", "2|NULL", "3|3"}));
}

TEST(HashJoinTest, EmptyInputs) {
  EXPECT_EQ(RunJoin(*Join({}, kInt, {Value::Int(1)}, kInt)), Lines{});
  auto left = Join({Value::Int(1)}, kInt, {}, kInt);
  left->left_outer = true;
  EXPECT_EQ(RunJoin(*left), (Lines{"1|NULL"}));
}

TEST(JoinKeyHashTest, EqualValuesHashAlike) {
  auto h = [](const Value& v, CompareMode mode) { return *HashJoinKey(v, mode); };
  EXPECT_EQ(h(Value::Int(5), CompareMode::kDecimal),
            h(Value::FromDecimal(Decimal(5000, 3)), CompareMode::kDecimal));
  EXPECT_EQ(h(Value::Double(0.0), CompareMode::kDouble),
            h(Value::Double(-0.0), CompareMode::kDouble));
  EXPECT_EQ(h(Value::String("1.5"), CompareMode::kDouble),
            h(Value::Double(1.5), CompareMode::kDouble));
  EXPECT_EQ(h(Value::String("Hello "), CompareMode::kString),
            h(Value::String("hELLO"), CompareMode::kString));
  EXPECT_NE(h(Value::String("a"), CompareMode::kString),
            h(Value::String("b"), CompareMode::kString));
  EXPECT_FALSE(HashJoinKey(Value::Int(1), CompareMode::kRuntime).has_value());
}

}  // namespace
}  // namespace minisql::sql
