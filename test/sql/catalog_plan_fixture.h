// catalog_plan_fixture.h — the setup the planner tests share: a real storage engine in
// a temporary directory holding database `db`, the tables a test suite declares in
// CreateTables(), and Plan(sql), which parses, binds and plans one SELECT, UPDATE or DELETE
// and returns the plan's printed form (what EXPLAIN shows) or the error.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "sql/binder/binder.h"
#include "sql/parser/parser.h"
#include "sql/planner/planner.h"
#include "storage/storage_engine.h"

namespace minisql::sql {

class CatalogPlanFixture : public ::testing::Test {
 protected:
  /// Creates the suite's tables in database `db` (use ASSERT_* freely).
  virtual void CreateTables(storage::StorageEngine* engine, storage::Transaction* txn) = 0;

  void SetUp() override {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("minisql_" + std::string(test->test_suite_name()) + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    auto engine = storage::OpenStorageEngine({dir_.string(), 4 << 20});
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(*engine);
    auto txn = engine_->Begin(storage::AccessMode::kReadWrite);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(engine_->CreateDatabase(txn->get(), "db").ok());
    CreateTables(engine_.get(), txn->get());
    if (HasFatalFailure()) return;
    ASSERT_TRUE(engine_->Commit(txn->get()).ok());
  }

  void TearDown() override {
    engine_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string Plan(const std::string& sql) {
    auto stmt = Parse(sql);
    EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
    if (!stmt.ok()) return "";
    auto txn = engine_->Begin(storage::AccessMode::kReadOnly);
    EXPECT_TRUE(txn.ok());
    if (!txn.ok()) return "";
    Binder binder(engine_.get(), txn->get(), "db");
    std::string out;
    if ((*stmt)->kind == ast::StmtKind::kSelect) {
      auto bound = binder.BindSelect(static_cast<ast::SelectStmt&>(**stmt));
      out = bound.ok() ? Planner::PlanSelect(std::move(*bound))->ToString()
                       : bound.status().ToString();
    } else if ((*stmt)->kind == ast::StmtKind::kUpdate) {
      auto bound = binder.BindUpdate(static_cast<ast::UpdateStmt&>(**stmt));
      out = bound.ok() ? Planner::PlanUpdate(std::move(*bound))->ToString()
                       : bound.status().ToString();
    } else if ((*stmt)->kind == ast::StmtKind::kDelete) {
      auto bound = binder.BindDelete(static_cast<ast::DeleteStmt&>(**stmt));
      out = bound.ok() ? Planner::PlanDelete(std::move(*bound))->ToString()
                       : bound.status().ToString();
    } else {
      ADD_FAILURE() << "Plan() takes SELECT, UPDATE or DELETE: " << sql;
    }
    engine_->Rollback(txn->get());
    return out;
  }

  static bool Contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  }

  std::filesystem::path dir_;
  std::unique_ptr<storage::StorageEngine> engine_;
};

}  // namespace minisql::sql
