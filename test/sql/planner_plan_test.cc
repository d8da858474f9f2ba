// planner_plan_test.cc — plan shapes: the binder + planner on a real catalog, checked
// through the plans' printed form (what EXPLAIN will show). The point-select access
// path matters for sysbench: `WHERE id = 5` must scan one key, not the table.
#include <gtest/gtest.h>

#include "catalog_plan_fixture.h"

namespace minisql::sql {
namespace {

class PlannerTest : public CatalogPlanFixture {
 protected:
  void CreateTables(storage::StorageEngine* engine, storage::Transaction* txn) override {
    storage::TableSchema t;
    t.database = "db";
    t.name = "t";
    t.columns = {{"id", ColumnType{TypeId::kInt, false, 0, 0}, false, std::nullopt, false},
                 {"k", ColumnType{TypeId::kInt, false, 0, 0}, true, std::nullopt, false}};
    t.primary_key = {0};
    ASSERT_TRUE(engine->CreateTable(txn, t).ok());
  }
};

TEST_F(PlannerTest, PointSelectUsesPrimaryKey) {
  std::string plan = Plan("SELECT k FROM t WHERE id = 5");
  EXPECT_TRUE(Contains(plan, "SeqScan(db.t, range: id = 5)")) << plan;
  EXPECT_TRUE(Contains(plan, "Filter(")) << plan;  // still re-checked
}

TEST_F(PlannerTest, RangesCombine) {
  EXPECT_TRUE(Contains(Plan("SELECT k FROM t WHERE id BETWEEN 3 AND 9 AND id < 7"),
                       "range: id >= 3 AND id <= 6"));
  EXPECT_TRUE(Contains(Plan("SELECT k FROM t WHERE 4 < t.id"), "range: id >= 5"));
  EXPECT_TRUE(Contains(Plan("SELECT k FROM t WHERE id = 1 OR id = 2"), "range: all"));
  EXPECT_TRUE(Contains(Plan("SELECT k FROM t WHERE k = 1"), "range: all"));
  EXPECT_TRUE(Contains(Plan("UPDATE t SET k = 1 WHERE id = -3"), "range: id = -3"));
}

TEST_F(PlannerTest, OperatorOrder) {
  std::string plan = Plan(
      "SELECT k, COUNT(*) FROM t GROUP BY k HAVING COUNT(*) > 1 ORDER BY 2 "
      "DESC LIMIT 3");
  // Limit above the trimming projection, above Sort, above Filter(HAVING), above the
  // item projection, above Aggregation, above the scan.
  size_t limit = plan.find("Limit(3"), sort = plan.find("Sort("), agg = plan.find("Aggregation(");
  size_t scan = plan.find("SeqScan(");
  ASSERT_NE(limit, std::string::npos) << plan;
  EXPECT_LT(limit, sort);
  EXPECT_LT(sort, agg);
  EXPECT_LT(agg, scan);
  EXPECT_TRUE(Contains(Plan("SELECT 1"), "Values(()")) << Plan("SELECT 1");
}

TEST_F(PlannerTest, BinderErrorsSurface) {
  EXPECT_EQ(Plan("SELECT nosuch FROM t"),
            "ERROR 1054 (42S22): Unknown column 'nosuch' in 'SELECT'");
  EXPECT_EQ(Plan("SELECT k FROM t GROUP BY COUNT(*)"),
            "ERROR 1111 (HY000): Invalid use of group function");
  EXPECT_EQ(Plan("SELECT k, COUNT(*) FROM t GROUP BY 2"),
            "ERROR 1056 (42000): Can't group on 'COUNT(*)'");
  EXPECT_EQ(Plan("SELECT *"), "ERROR 1096 (HY000): No tables used");
  EXPECT_EQ(Plan("SELECT k FROM t UNION SELECT k, k FROM t").substr(0, 10), "ERROR 1222");
  EXPECT_TRUE(Contains(Plan("SELECT k FROM t UNION SELECT k FROM t"), "SetOperation(UNION)"));
}

}  // namespace
}  // namespace minisql::sql
