// plan_explainer_test.cc — the EXPLAIN tree (planner/plan_explainer.h) and the
// EXPLAIN ANALYZE counters (executor/analyze_executor.h) on in-memory plans: lines and
// indentation, estimates, and actual rows / loops per operator, which only appear
// when the executors were built with ExecutorContext::analyze.
#include <gtest/gtest.h>

#include <regex>

#include "sql/executor/analyze_executor.h"
#include "sql/executor/executor_factory.h"
#include "sql/expression/expression_binder.h"
#include "sql/expression/expression_nodes.h"
#include "sql/planner/plan_explainer.h"

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

// Limit 2 over Filter(#0 > 1) over Values(1..4).
PlanNodePtr SamplePlan() {
  auto values = std::make_unique<ValuesPlan>();
  for (int i = 1; i <= 4; ++i) {
    std::vector<ExpressionPtr> row;
    row.push_back(MakeLiteral(Value::Int(i)));
    values->rows.push_back(std::move(row));
  }
  auto filter = std::make_unique<FilterPlan>();
  filter->predicate = std::make_unique<ComparisonExpression>(
      ComparisonOp::kGt, MakeColumnRef(BoundColumn{0, kInt, true, "v"}),
      MakeLiteral(Value::Int(1)));
  filter->AddChild(std::move(values));
  auto limit = std::make_unique<LimitPlan>();
  limit->limit = 2;
  limit->AddChild(std::move(filter));
  return limit;
}

TEST(PlanExplainerTest, PrintsAnIndentedTreeWithEstimates) {
  PlanNodePtr plan = SamplePlan();
  std::vector<std::string> lines = ExplainPlan(*plan);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "-> Limit: 2 row(s)  (rows=2)");
  EXPECT_EQ(lines[1], "    -> Filter: (`v` > 1)  (rows=2)");
  EXPECT_EQ(lines[2], "        -> Values: 4 row(s)  (rows=4)");
}

TEST(PlanExplainerTest, AnalyzeCountsRowsPerOperator) {
  PlanNodePtr plan = SamplePlan();
  NoSessionContext eval;
  PlanStatistics stats;
  ExecutorContext ctx{nullptr, nullptr, &eval};
  ctx.analyze = &stats;
  ExecutorPtr executor = CreateExecutor(&ctx, *plan);
  ASSERT_TRUE(executor->Init().ok());
  Row row;
  int produced = 0;
  while (*executor->Next(&row)) ++produced;
  EXPECT_EQ(produced, 2);
  std::vector<std::string> lines = ExplainPlan(*plan, &stats);
  ASSERT_EQ(lines.size(), 3u);
  // The limit stops after 2 rows, so the filter passed 2 and read only 3 values.
  std::regex limit(
      R"(-> Limit: 2 row\(s\)  \(rows=2\) \(actual rows=2, loops=1, time=[0-9.]+ ms\))");
  std::regex filter(R"(    -> Filter: .* \(actual rows=2, loops=1, time=[0-9.]+ ms\))");
  std::regex values(R"(        -> Values: .* \(actual rows=3, loops=1, time=[0-9.]+ ms\))");
  EXPECT_TRUE(std::regex_match(lines[0], limit)) << lines[0];
  EXPECT_TRUE(std::regex_match(lines[1], filter)) << lines[1];
  EXPECT_TRUE(std::regex_match(lines[2], values)) << lines[2];
}

TEST(PlanExplainerTest, WithoutAnalyzeNothingIsCounted) {
  PlanNodePtr plan = SamplePlan();
  NoSessionContext eval;
  ExecutorContext ctx{nullptr, nullptr, &eval};
  ExecutorPtr executor = CreateExecutor(&ctx, *plan);
  // The top executor is the operator itself, not a counting wrapper.
  EXPECT_EQ(dynamic_cast<AnalyzeExecutor*>(executor.get()), nullptr);
  PlanStatistics empty;
  EXPECT_NE(ExplainPlan(*plan, &empty)[0].find("never executed"), std::string::npos);
}

}  // namespace
}  // namespace minisql::sql
