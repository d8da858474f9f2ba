// planner_index_test.cc — access-path choice with secondary indexes (access_path.h):
// equality on a whole UNIQUE index beats everything, longer equality prefixes beat
// shorter ones and ranges, the primary key wins ties, and ORDER BY on an index's
// columns reads through that index and drops the sort.
#include <gtest/gtest.h>

#include "catalog_plan_fixture.h"

namespace minisql::sql {
namespace {

storage::ColumnDef Column(const std::string& name, TypeId type) {
  return {name, ColumnType{type, false, type == TypeId::kVarchar ? 20u : 0u, 0}, true, std::nullopt,
          false};
}

class PlannerIndexTest : public CatalogPlanFixture {
 protected:
  void CreateTables(storage::StorageEngine* engine, storage::Transaction* txn) override {
    // t(id PK, a INT, b INT, name VARCHAR, x DOUBLE), UNIQUE uname (name),
    // KEY ab (a, b), KEY x (x)
    storage::TableSchema t;
    t.database = "db";
    t.name = "t";
    t.columns = {Column("id", TypeId::kInt), Column("a", TypeId::kInt), Column("b", TypeId::kInt),
                 Column("name", TypeId::kVarchar), Column("x", TypeId::kDouble)};
    t.columns[0].nullable = false;
    t.primary_key = {0};
    t.AddIndex({"ab", {1, 2}, false, {}});
    t.AddIndex({"x", {4}, false, {}});
    t.AddIndex({"uname", {3}, true, {}});
    ASSERT_TRUE(engine->CreateTable(txn, t).ok());
  }
};

TEST_F(PlannerIndexTest, EqualityAndRangesPickTheIndex) {
  std::string plan = Plan("SELECT id FROM t WHERE a = 1 AND b > 5");
  EXPECT_TRUE(Contains(plan, "IndexScan(db.t, index: ab, range: a = 1 AND b > 5)")) << plan;
  EXPECT_TRUE(Contains(plan, "Filter(")) << plan;  // the WHERE clause is still checked
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t WHERE 3 > a"), "index: ab, range: a < 3"));
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t WHERE x BETWEEN 1 AND 2.5"),
                       "index: x, range: x >= 1 AND x <= 2.5"));
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t WHERE a IS NULL"), "index: ab, range: a = NULL"));
  // A string constant does not fit an integer column: no range from it.
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t WHERE a = '1'"), "SeqScan(db.t, range: all)"));
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t WHERE a = 1 OR b = 2"), "SeqScan(db.t, range: all)"));
}

TEST_F(PlannerIndexTest, MostSelectivePathWins) {
  // Whole UNIQUE key beats a two-column equality prefix.
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t WHERE a = 1 AND b = 2 AND name = 'n'"),
                       "index: uname, range: name = 'n'"));
  // Two equality columns beat one, and beat a range.
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t WHERE x = 1 AND a = 1 AND b = 2"),
                       "index: ab, range: a = 1 AND b = 2"));
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t WHERE x > 1 AND a = 1"), "index: ab, range: a = 1"));
  // The primary key point lookup beats any index.
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t WHERE id = 4 AND name = 'n'"),
                       "SeqScan(db.t, range: id = 4)"));
  // A primary key range ties with an index range: the primary key wins.
  EXPECT_TRUE(
      Contains(Plan("SELECT id FROM t WHERE id > 4 AND x > 1"), "SeqScan(db.t, range: id >= 5)"));
}

TEST_F(PlannerIndexTest, OrderByUsesIndexOrder) {
  std::string plan = Plan("SELECT id, a FROM t ORDER BY a, b LIMIT 3");
  EXPECT_TRUE(Contains(plan, "IndexScan(db.t, index: ab, range: all)")) << plan;
  EXPECT_FALSE(Contains(plan, "Sort(")) << plan;
  plan = Plan("SELECT id FROM t WHERE a = 7 ORDER BY b");
  EXPECT_TRUE(Contains(plan, "index: ab, range: a = 7")) << plan;
  EXPECT_FALSE(Contains(plan, "Sort(")) << plan;
  EXPECT_FALSE(Contains(Plan("SELECT id FROM t ORDER BY id"), "Sort("));
  // Descending order, expressions and orders no key gives keep the sort.
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t ORDER BY a DESC"), "Sort("));
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t ORDER BY a + 1"), "Sort("));
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t ORDER BY b"), "Sort("));
  EXPECT_TRUE(Contains(Plan("SELECT id FROM t WHERE x > 1 ORDER BY a"), "Sort("));
}

}  // namespace
}  // namespace minisql::sql
