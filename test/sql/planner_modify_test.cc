// planner_modify_test.cc — how UPDATE and DELETE find their rows (planner.cc,
// PlanModify): through the primary key or a secondary index when WHERE fixes a key
// prefix, by a table scan otherwise, with ORDER BY kept as a sort only when the
// access path does not already give that order.
#include <gtest/gtest.h>

#include "catalog_plan_fixture.h"

namespace minisql::sql {
namespace {

storage::ColumnDef Column(const std::string& name, TypeId type) {
  return {name, ColumnType{type, false, type == TypeId::kVarchar ? 20u : 0u, 0}, true, std::nullopt,
          false};
}

class PlannerModifyTest : public CatalogPlanFixture {
 protected:
  void CreateTables(storage::StorageEngine* engine, storage::Transaction* txn) override {
    // sbtest1(id PK, k INT, c VARCHAR), KEY k_1 (k)
    storage::TableSchema t;
    t.database = "db";
    t.name = "sbtest1";
    t.columns = {Column("id", TypeId::kInt), Column("k", TypeId::kInt),
                 Column("c", TypeId::kVarchar)};
    t.columns[0].nullable = false;
    t.primary_key = {0};
    t.AddIndex({"k_1", {1}, false, {}});
    ASSERT_TRUE(engine->CreateTable(txn, t).ok());
  }
};

TEST_F(PlannerModifyTest, PointUpdateAndDeleteUseThePrimaryKey) {
  std::string plan = Plan("UPDATE sbtest1 SET k = k + 1 WHERE id = 7");
  EXPECT_TRUE(Contains(plan, "Update(db.sbtest1, range: id = 7")) << plan;
  plan = Plan("DELETE FROM sbtest1 WHERE id = 7");
  EXPECT_TRUE(Contains(plan, "Delete(db.sbtest1, range: id = 7")) << plan;
  plan = Plan("DELETE FROM sbtest1 WHERE id > 3 AND id < 9");
  EXPECT_TRUE(Contains(plan, "Delete(db.sbtest1, range: id >= 4 AND id <= 8")) << plan;
}

TEST_F(PlannerModifyTest, IndexPrefixUsesTheSecondaryIndex) {
  std::string plan = Plan("UPDATE sbtest1 SET c = 'x' WHERE k = 5");
  EXPECT_TRUE(Contains(plan, "Update(db.sbtest1, index: k_1, range: k = 5")) << plan;
  EXPECT_TRUE(Contains(plan, "where: ")) << plan;  // WHERE is still checked on each row
  plan = Plan("DELETE FROM sbtest1 WHERE k BETWEEN 1 AND 3");
  EXPECT_TRUE(Contains(plan, "Delete(db.sbtest1, index: k_1, range: k >= 1 AND k <= 3")) << plan;
  // The primary key point beats the index.
  plan = Plan("UPDATE sbtest1 SET c = 'x' WHERE k = 5 AND id = 2");
  EXPECT_TRUE(Contains(plan, "Update(db.sbtest1, range: id = 2")) << plan;
}

TEST_F(PlannerModifyTest, NoUsableKeyScansTheTable) {
  std::string plan = Plan("UPDATE sbtest1 SET k = 1 WHERE c = 'x'");
  EXPECT_TRUE(Contains(plan, "Update(db.sbtest1, range: all")) << plan;
  plan = Plan("DELETE FROM sbtest1 WHERE k = 1 OR id = 2");
  EXPECT_TRUE(Contains(plan, "Delete(db.sbtest1, range: all")) << plan;
}

TEST_F(PlannerModifyTest, OrderBySortsOnlyWhenTheKeyOrderDoesNotServeIt) {
  std::string plan = Plan("UPDATE sbtest1 SET c = 'x' ORDER BY k LIMIT 2");
  EXPECT_TRUE(Contains(plan, "index: k_1, range: all")) << plan;
  EXPECT_FALSE(Contains(plan, "order by")) << plan;
  plan = Plan("DELETE FROM sbtest1 ORDER BY id LIMIT 2");
  EXPECT_FALSE(Contains(plan, "order by")) << plan;
  plan = Plan("DELETE FROM sbtest1 WHERE id > 3 ORDER BY c DESC LIMIT 1");
  EXPECT_TRUE(Contains(plan, "range: id >= 4")) << plan;
  EXPECT_TRUE(Contains(plan, "order by `c` DESC, limit 1")) << plan;
  EXPECT_TRUE(Contains(Plan("UPDATE sbtest1 SET k = 1 ORDER BY nosuch"), "1054")) << plan;
}

}  // namespace
}  // namespace minisql::sql
