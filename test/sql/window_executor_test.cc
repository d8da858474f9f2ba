// window_executor_test.cc — WindowExecutor on in-memory rows: what the SQL tests in
// test/sql/window/ cannot reach through MariaDB (LAG/LEAD with a default, which
// MariaDB 10.11 does not parse) and frame edges (offsets past the partition, empty
// frames, NULL keys in RANGE frames).
#include <gtest/gtest.h>

#include "sql/executor/executor_factory.h"
#include "sql/expression/expression_binder.h"

namespace minisql::sql {
namespace {

using Kind = ast::WindowFrameBound::Kind;

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

ExpressionPtr Col(uint32_t index) {
  return MakeColumnRef(BoundColumn{index, kInt, true, "c" + std::to_string(index)});
}

// Rows of (partition, key, value); nullopt is NULL.
using Cell = std::optional<int>;
std::unique_ptr<ValuesPlan> Input(const std::vector<std::vector<Cell>>& rows) {
  auto plan = std::make_unique<ValuesPlan>();
  for (const auto& cells : rows) {
    std::vector<ExpressionPtr> row;
    for (const Cell& cell : cells) row.push_back(MakeLiteral(cell ? Value::Int(*cell) : Value()));
    plan->rows.push_back(std::move(row));
  }
  return plan;
}

// A function over partition #0, ordered by #1, reading #2.
BoundWindowFunction Function(WindowFunctionKind kind) {
  BoundWindowFunction f;
  f.kind = kind;
  f.partition_by.push_back(Col(0));
  f.order_by.push_back(BoundWindowOrderItem{Col(1), false});
  f.argument = Col(2);
  f.frame_start.kind = Kind::kUnboundedPreceding;
  f.frame_end.kind = Kind::kCurrentRow;
  f.result_type = kInt;
  return f;
}

BoundWindowFunction Sum(bool range, Kind start, int64_t start_n, Kind end, int64_t end_n) {
  BoundWindowFunction f = Function(WindowFunctionKind::kAggregate);
  f.aggregate.name = "SUM";
  f.aggregate.arg_type = kInt;
  f.range_frame = range;
  f.frame_start = BoundFrameBound{start, Value::Int(start_n)};
  f.frame_end = BoundFrameBound{end, Value::Int(end_n)};
  return f;
}

// The appended result column of every row, in output (= input) order.
std::vector<std::string> RunWindow(BoundWindowFunction function,
                                   const std::vector<std::vector<Cell>>& rows) {
  WindowPlan plan;
  plan.functions.push_back(std::move(function));
  plan.AddChild(Input(rows));
  EmptyEvalContext eval;
  ExecutorContext ctx{nullptr, nullptr, &eval};
  ExecutorPtr executor = CreateExecutor(&ctx, plan);
  EXPECT_TRUE(executor->Init().ok());
  std::vector<std::string> out;
  Row row;
  while (true) {
    Result<bool> more = executor->Next(&row);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    out.push_back(row.back().is_null() ? "NULL" : row.back().ToText());
  }
  return out;
}

using Lines = std::vector<std::string>;
const std::vector<std::vector<Cell>> kRows = {{1, 3, 30}, {1, 1, 10},           {2, 5, 50},
                                              {1, 2, 20}, {1, std::nullopt, 7}, {2, 6, 60}};

TEST(WindowExecutorTest, LagAndLeadWithDefault) {
  BoundWindowFunction lag = Function(WindowFunctionKind::kLag);
  lag.default_value = MakeLiteral(Value::Int(-1));
  // Partition 1 in key order: NULL(7), 1(10), 2(20), 3(30); partition 2: 5(50), 6(60).
  EXPECT_EQ(RunWindow(std::move(lag), kRows), (Lines{"20", "7", "-1", "10", "-1", "50"}));
  BoundWindowFunction lead = Function(WindowFunctionKind::kLead);
  lead.count = 2;
  EXPECT_EQ(RunWindow(std::move(lead), kRows), (Lines{"NULL", "30", "NULL", "NULL", "20", "NULL"}));
}

TEST(WindowExecutorTest, RowsFrameOffsetsPastThePartition) {
  EXPECT_EQ(RunWindow(Sum(false, Kind::kPreceding, 100, Kind::kFollowing, 100), kRows),
            (Lines{"67", "67", "110", "67", "67", "110"}));
  // Entirely before the partition: empty, so NULL.
  EXPECT_EQ(RunWindow(Sum(false, Kind::kPreceding, 9, Kind::kPreceding, 5), kRows),
            (Lines{"NULL", "NULL", "NULL", "NULL", "NULL", "NULL"}));
  EXPECT_EQ(RunWindow(Sum(false, Kind::kFollowing, 1, Kind::kFollowing, 1), kRows),
            (Lines{"NULL", "20", "60", "30", "10", "NULL"}));
}

TEST(WindowExecutorTest, RangeFrameAndNullKeys) {
  // Keys within 1 of the current key; the NULL key sees only itself.
  EXPECT_EQ(RunWindow(Sum(true, Kind::kPreceding, 1, Kind::kFollowing, 1), kRows),
            (Lines{"50", "30", "110", "60", "7", "110"}));
  // From the start to 2 below the key: NULL keys sort first and are included.
  EXPECT_EQ(RunWindow(Sum(true, Kind::kUnboundedPreceding, 0, Kind::kPreceding, 2), kRows),
            (Lines{"17", "7", "NULL", "7", "7", "NULL"}));
}

TEST(WindowExecutorTest, RankAndNtileOverPeers) {
  const std::vector<std::vector<Cell>> rows = {{1, 5, 0}, {1, 5, 0}, {1, 7, 0}, {1, 9, 0}};
  EXPECT_EQ(RunWindow(Function(WindowFunctionKind::kRank), rows), (Lines{"1", "1", "3", "4"}));
  EXPECT_EQ(RunWindow(Function(WindowFunctionKind::kDenseRank), rows), (Lines{"1", "1", "2", "3"}));
  BoundWindowFunction ntile = Function(WindowFunctionKind::kNtile);
  ntile.count = 3;
  EXPECT_EQ(RunWindow(std::move(ntile), rows), (Lines{"1", "1", "2", "3"}));
}

TEST(WindowExecutorTest, PercentRankAndCumeDistOverPeers) {
  // Peers 5, 5 share rank 1 and the cumulative share of both rows; a one-row partition
  // (#0 = 2) has PERCENT_RANK 0 and CUME_DIST 1.
  const std::vector<std::vector<Cell>> rows = {
      {1, 5, 0}, {1, 5, 0}, {1, 7, 0}, {1, 9, 0}, {2, 1, 0}};
  EXPECT_EQ(RunWindow(Function(WindowFunctionKind::kPercentRank), rows),
            (Lines{"0", "0", "0.6666666666666666", "1", "0"}));
  EXPECT_EQ(RunWindow(Function(WindowFunctionKind::kCumeDist), rows),
            (Lines{"0.5", "0.5", "0.75", "1", "1"}));
}

TEST(WindowExecutorTest, NthValueCountsFromTheFrameStart) {
  // Partition 1 in key order: NULL(7), 1(10), 2(20), 3(30); partition 2: 5(50), 6(60).
  BoundWindowFunction second = Function(WindowFunctionKind::kNthValue);
  second.count = 2;
  EXPECT_EQ(RunWindow(std::move(second), kRows), (Lines{"10", "10", "NULL", "10", "NULL", "60"}));
  BoundWindowFunction zeroth = Function(WindowFunctionKind::kNthValue);
  zeroth.count = 0;
  EXPECT_EQ(RunWindow(std::move(zeroth), kRows),
            (Lines{"NULL", "NULL", "NULL", "NULL", "NULL", "NULL"}));
}

TEST(WindowExecutorTest, EmptyInput) {
  EXPECT_EQ(RunWindow(Function(WindowFunctionKind::kRowNumber), {}), Lines{});
}

}  // namespace
}  // namespace minisql::sql
