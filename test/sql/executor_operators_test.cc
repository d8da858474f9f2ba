// executor_operators_test.cc — each executor operator on in-memory rows: a
// ValuesExecutor feeds literal rows to filter, projection, sort, limit, distinct,
// aggregation and nested-loop join, and the tests check MySQL's semantics (NULLs sort
// first, stable sort, groups in key order, COUNT of an empty input is 0).
#include <gtest/gtest.h>

#include "sql/executor/executor_factory.h"
#include "sql/executor/value_order.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {
namespace {

// An EvalContext with nothing in it: the operators under test read no session state.
class EmptyEvalContext : public EvalContext {
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

ExpressionPtr Col(uint32_t index, ColumnType type = kInt) {
  return MakeColumnRef(BoundColumn{index, type, true, "c" + std::to_string(index)});
}

// A Values plan over rows of (int-or-NULL, string).
std::unique_ptr<ValuesPlan> Input(
    const std::vector<std::pair<std::optional<int>, std::string>>& rows) {
  auto plan = std::make_unique<ValuesPlan>();
  for (const auto& [number, text] : rows) {
    std::vector<ExpressionPtr> row;
    row.push_back(MakeLiteral(number ? Value::Int(*number) : Value::Null()));
    row.push_back(MakeLiteral(Value::String(text)));
    plan->rows.push_back(std::move(row));
  }
  return plan;
}

class OperatorTest : public ::testing::Test {
 protected:
  std::vector<std::string> Run(const PlanNode& plan) {
    ExecutorContext ctx{nullptr, nullptr, &eval_};
    ExecutorPtr executor = CreateExecutor(&ctx, plan);
    EXPECT_TRUE(executor->Init().ok());
    std::vector<std::string> out;
    Row row;
    while (true) {
      Result<bool> more = executor->Next(&row);
      EXPECT_TRUE(more.ok()) << more.status().ToString();
      if (!more.ok() || !*more) break;
      std::string line;
      for (size_t i = 0; i < row.size(); ++i) {
        line += (i ? "," : "") + (row[i].is_null() ? std::string("NULL") : row[i].ToText());
      }
      out.push_back(line);
    }
    return out;
  }
  EmptyEvalContext eval_;
};

using Lines = std::vector<std::string>;

TEST_F(OperatorTest, ValuesAndProjection) {
  auto projection = std::make_unique<ProjectionPlan>();
  projection->expressions.push_back(Col(1, kText));
  projection->append_input = true;
  projection->AddChild(Input({{1, "a"}, {std::nullopt, "b"}}));
  EXPECT_EQ(Run(*projection), (Lines{"a,1,a", "b,NULL,b"}));
}

TEST_F(OperatorTest, FilterKeepsOnlyTrueRows) {
  auto filter = std::make_unique<FilterPlan>();
  filter->predicate = Col(0);  // NULL and 0 are not true
  filter->AddChild(Input({{1, "a"}, {0, "b"}, {std::nullopt, "c"}, {7, "d"}}));
  EXPECT_EQ(Run(*filter), (Lines{"1,a", "7,d"}));
}

TEST_F(OperatorTest, SortIsStableWithNullsFirst) {
  auto sort = std::make_unique<SortPlan>();
  sort->keys.push_back(BoundOrderItem{Col(0), false});
  sort->AddChild(Input({{2, "x"}, {std::nullopt, "n"}, {1, "y"}, {2, "z"}, {1, "w"}}));
  EXPECT_EQ(Run(*sort), (Lines{"NULL,n", "1,y", "1,w", "2,x", "2,z"}));

  auto desc = std::make_unique<SortPlan>();
  desc->keys.push_back(BoundOrderItem{Col(0), true});
  desc->AddChild(Input({{2, "x"}, {std::nullopt, "n"}, {3, "y"}}));
  EXPECT_EQ(Run(*desc), (Lines{"3,y", "2,x", "NULL,n"}));
}

TEST_F(OperatorTest, SortStringsCaseInsensitively) {
  auto sort = std::make_unique<SortPlan>();
  sort->keys.push_back(BoundOrderItem{Col(1, kText), false});
  sort->AddChild(Input({{1, "b"}, {2, "A"}, {3, "a"}, {4, "B "}}));
  EXPECT_EQ(Run(*sort), (Lines{"2,A", "3,a", "1,b", "4,B "}));
}

TEST_F(OperatorTest, LimitAndOffset) {
  auto limit = std::make_unique<LimitPlan>();
  limit->limit = 2;
  limit->offset = 1;
  limit->AddChild(Input({{1, "a"}, {2, "b"}, {3, "c"}, {4, "d"}}));
  EXPECT_EQ(Run(*limit), (Lines{"2,b", "3,c"}));

  auto zero = std::make_unique<LimitPlan>();
  zero->limit = 0;
  zero->AddChild(Input({{1, "a"}}));
  EXPECT_EQ(Run(*zero), Lines{});
}

TEST_F(OperatorTest, DistinctKeepsFirstOccurrence) {
  auto distinct = std::make_unique<DistinctPlan>();
  distinct->AddChild(Input({{1, "a"}, {1, "A"}, {2, "a"}, {1, "a"}}));
  EXPECT_EQ(Run(*distinct), (Lines{"1,a", "2,a"}));
}

BoundAggregate Count(bool star, ExpressionPtr arg = nullptr) {
  BoundAggregate aggregate;
  aggregate.spec.name = "COUNT";
  aggregate.spec.star = star;
  if (arg) aggregate.spec.arg_type = arg->type();
  aggregate.argument = std::move(arg);
  aggregate.result_type = ColumnType{TypeId::kBigInt, false, 21, 0};
  return aggregate;
}

TEST_F(OperatorTest, AggregationGroupsInKeyOrder) {
  auto aggregation = std::make_unique<AggregationPlan>();
  aggregation->group_by.push_back(Col(1, kText));
  aggregation->aggregates.push_back(Count(true));
  aggregation->aggregates.push_back(Count(false, Col(0)));
  aggregation->input_width = 2;
  aggregation->AddChild(Input({{1, "b"}, {std::nullopt, "a"}, {3, "b"}, {4, "A"}}));
  // Output: COUNT(*), COUNT(c0), then the group's first input row.
  EXPECT_EQ(Run(*aggregation), (Lines{"2,1,NULL,a", "2,2,1,b"}));
}

TEST_F(OperatorTest, AggregationWithoutGroupByOnEmptyInput) {
  auto aggregation = std::make_unique<AggregationPlan>();
  aggregation->aggregates.push_back(Count(true));
  aggregation->input_width = 2;
  aggregation->AddChild(Input({}));
  EXPECT_EQ(Run(*aggregation), (Lines{"0,NULL,NULL"}));

  auto grouped = std::make_unique<AggregationPlan>();
  grouped->group_by.push_back(Col(0));
  grouped->aggregates.push_back(Count(true));
  grouped->input_width = 2;
  grouped->AddChild(Input({}));
  EXPECT_EQ(Run(*grouped), Lines{});
}

TEST_F(OperatorTest, NestedLoopJoins) {
  auto join = std::make_unique<NestedLoopJoinPlan>();
  join->right_width = 2;
  join->AddChild(Input({{1, "a"}, {2, "b"}}));
  join->AddChild(Input({{10, "x"}, {20, "y"}}));
  EXPECT_EQ(Run(*join), (Lines{"1,a,10,x", "1,a,20,y", "2,b,10,x", "2,b,20,y"}));

  // LEFT JOIN on c0 = c2: the unmatched left row comes back padded with NULLs.
  auto left = std::make_unique<NestedLoopJoinPlan>();
  left->left_outer = true;
  left->right_width = 2;
  ast::BinaryExpr eq;
  auto l = std::make_unique<ast::ColumnRefExpr>();
  l->column = "l";
  auto r = std::make_unique<ast::ColumnRefExpr>();
  r->column = "r";
  eq.op = ast::BinaryOp::kEq;
  eq.left = std::move(l);
  eq.right = std::move(r);
  class JoinScope : public NameScope {
   public:
    Result<BoundColumn> Resolve(const ast::ColumnRefExpr& ref) const override {
      return BoundColumn{ref.column == "l" ? 0u : 2u, kInt, true, ref.column};
    }
  } scope;
  Result<ExpressionPtr> condition = BindExpression(eq, scope);
  ASSERT_TRUE(condition.ok()) << condition.status().ToString();
  left->condition = std::move(*condition);
  left->AddChild(Input({{1, "a"}, {2, "b"}}));
  left->AddChild(Input({{2, "x"}}));
  EXPECT_EQ(Run(*left), (Lines{"1,a,NULL,NULL", "2,b,2,x"}));
}

TEST(ValueOrderTest, MixedKinds) {
  EXPECT_LT(CompareForOrder(Value::Null(), Value::Int(-5)), 0);
  EXPECT_EQ(CompareForOrder(Value::Int(1), Value::Double(1.0)), 0);
  EXPECT_EQ(CompareForOrder(Value::Int(1), Value::FromDecimal(Decimal(10, 1))), 0);
  EXPECT_LT(CompareForOrder(Value::FromDecimal(Decimal(15, 1)), Value::Int(2)), 0);
  EXPECT_EQ(CompareForOrder(Value::String("abc"), Value::String("ABC  ")), 0);
  EXPECT_GT(CompareForOrder(Value::String("b"), Value::String("a")), 0);
}

}  // namespace
}  // namespace minisql::sql
