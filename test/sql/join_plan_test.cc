// join_plan_test.cc — join plans (planner/join_planner.h) on a real catalog, checked
// through their printed form: predicates pushed to the table they read, hash joins on
// equalities, the greedy order, LEFT JOIN kept as a barrier.
#include <gtest/gtest.h>

#include "catalog_plan_fixture.h"

namespace minisql::sql {
namespace {

class JoinPlanTest : public CatalogPlanFixture {
 protected:
  void CreateTables(storage::StorageEngine* engine, storage::Transaction* txn) override {
    for (const char* name : {"a", "b", "c"}) {
      storage::TableSchema t;
      t.database = "db";
      t.name = name;
      std::string p = name;
      t.columns = {
          {p + "1", ColumnType{TypeId::kInt, false, 0, 0}, true, std::nullopt, false},
          {p + "2", ColumnType{TypeId::kVarchar, false, 10, 0}, true, std::nullopt, false}};
      ASSERT_TRUE(engine->CreateTable(txn, t).ok());
    }
  }
};

TEST_F(JoinPlanTest, EqualitiesBecomeHashJoinsAndFiltersArePushedDown) {
  EXPECT_EQ(Plan("SELECT a1 FROM a, b, c WHERE a1 = b1 AND c1 = b1 AND b2 > 'x' AND a1 + c1 > 0"),
            "Projection(`a1`)\n"
            "  HashJoin(`b1` = `c1`, residual: ((`a1` + `c1`) > 0))\n"
            "    HashJoin(`a1` = `b1`)\n"
            "      Widen(a at #0 of 6)\n"
            "        SeqScan(db.a, range: all)\n"
            "      Filter((`b2` > 'x'))\n"
            "        Widen(b at #2 of 6)\n"
            "          SeqScan(db.b, range: all)\n"
            "    Widen(c at #4 of 6)\n"
            "      SeqScan(db.c, range: all)\n");
  // b (filtered, so estimated smallest) comes first; a and c both connect to it by an
  // equality and tie, so a (written first) follows; the smaller side is built.
}

TEST_F(JoinPlanTest, NoEqualityMeansNestedLoop) {
  std::string plan = Plan("SELECT * FROM a JOIN b ON a1 < b1");
  EXPECT_NE(plan.find("NestedLoopJoin((`a1` < `b1`))"), std::string::npos) << plan;
  plan = Plan("SELECT * FROM a CROSS JOIN b");
  EXPECT_NE(plan.find("NestedLoopJoin(true)"), std::string::npos) << plan;
}

TEST_F(JoinPlanTest, StringAgainstNumberStillHashes) {
  // a2 (VARCHAR) = b1 (INT) compares as doubles: hashable.
  std::string plan = Plan("SELECT * FROM a, b WHERE a2 = b1");
  EXPECT_NE(plan.find("HashJoin(`a2` = `b1`)"), std::string::npos) << plan;
  // <=> matches NULLs: not a hash key.
  plan = Plan("SELECT * FROM a, b WHERE a1 <=> b1");
  EXPECT_NE(plan.find("NestedLoopJoin("), std::string::npos) << plan;
}

TEST_F(JoinPlanTest, LeftJoinKeepsWhereAboveItsRightTable) {
  std::string plan =
      Plan("SELECT * FROM a LEFT JOIN b ON a1 = b1 AND b2 = 'k' AND a2 = 'z' WHERE b1 IS NULL");
  EXPECT_EQ(plan,
            "Projection(`a1`, `a2`, `b1`, `b2`)\n"
            "  Filter((`b1` is null))\n"
            "    HashLeftJoin(`a1` = `b1`, residual: (`a2` = 'z'))\n"
            "      Widen(a at #0 of 4)\n"
            "        SeqScan(db.a, range: all)\n"
            "      Filter((`b2` = 'k'))\n"
            "        Widen(b at #2 of 4)\n"
            "          SeqScan(db.b, range: all)\n");
}

}  // namespace
}  // namespace minisql::sql
