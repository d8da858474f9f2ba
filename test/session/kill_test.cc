// kill_test.cc — KILL, the session registry and SHOW PROCESSLIST through real Sessions
// on one ServerContext: two sessions on two threads, one killing the other's SLEEP,
// scan, row-lock wait and table-lock wait; privilege and unknown-id errors.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "session/recording_sink.h"
#include "session/session.h"

namespace minisql {
namespace {

using std::chrono::steady_clock;

class KillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    datadir_ = std::filesystem::temp_directory_path() /
               ("minisql_kill_test_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(datadir_);
    ServerOptions options;
    options.datadir = datadir_.string();
    options.buffer_pool_size = 8 << 20;
    auto context = ServerContext::Open(options);
    ASSERT_TRUE(context.ok()) << context.status().ToString();
    context_ = std::move(*context);
    a_ = std::make_unique<Session>(context_.get(), 1, "root", "127.0.0.1");
    b_ = std::make_unique<Session>(context_.get(), 2, "root", "127.0.0.1");
  }
  void TearDown() override {
    a_.reset();
    b_.reset();
    context_.reset();
    std::filesystem::remove_all(datadir_);
  }
  static RecordingSink Run(Session* session, const std::string& sql) {
    RecordingSink sink;
    session->ExecuteQuery(sql, &sink);
    return sink;
  }
  static void Exec(Session* session, const std::string& sql) {
    RecordingSink sink = Run(session, sql);
    ASSERT_TRUE(sink.error.ok()) << sql << ": " << sink.error.ToString();
  }
  // Runs `sql` on session a in the background, waits until the registry shows it
  // running, kills its query from session b and returns a's outcome and how long the
  // kill took to land.
  std::pair<RecordingSink, steady_clock::duration> KillWhileRunning(const std::string& sql) {
    auto running = std::async(std::launch::async, [&] { return Run(a_.get(), sql); });
    for (int i = 0; i < 500; ++i) {
      auto activity = context_->sessions()->Find(1);
      if (activity && activity->Snapshot(steady_clock::now()).info == sql) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let it get going
    auto start = steady_clock::now();
    RecordingSink kill = Run(b_.get(), "KILL QUERY 1");
    EXPECT_TRUE(kill.error.ok()) << kill.error.ToString();
    RecordingSink outcome = running.get();
    return {outcome, steady_clock::now() - start};
  }

  std::filesystem::path datadir_;
  std::unique_ptr<ServerContext> context_;
  std::unique_ptr<Session> a_;
  std::unique_ptr<Session> b_;
};

TEST_F(KillTest, SleepRunsAndReturnsZero) {
  RecordingSink sink = Run(a_.get(), "SELECT SLEEP(0.01), SLEEP(NULL), SLEEP(-1)");
  ASSERT_TRUE(sink.error.ok()) << sink.error.ToString();
  ASSERT_EQ(sink.rows.size(), 1u);
  EXPECT_EQ(sink.rows[0], (std::vector<std::string>{"0", "0", "0"}));
}

TEST_F(KillTest, KillQueryStopsSleepPromptlyAndTheSessionStaysUsable) {
  auto [outcome, took] = KillWhileRunning("SELECT SLEEP(60)");
  EXPECT_EQ(outcome.error.code(), 1317) << outcome.error.ToString();
  EXPECT_LT(took, std::chrono::seconds(2));
  RecordingSink after = Run(a_.get(), "SELECT 1");
  ASSERT_TRUE(after.error.ok()) << after.error.ToString();
  EXPECT_EQ(after.rows.size(), 1u);
}

TEST_F(KillTest, KillQueryStopsALongJoin) {
  Exec(a_.get(), "CREATE DATABASE d");
  Exec(a_.get(), "USE d");
  Exec(a_.get(), "CREATE TABLE t (id INT PRIMARY KEY)");
  std::string values = "INSERT INTO t VALUES (0)";
  for (int i = 1; i < 300; ++i) values += ",(" + std::to_string(i) + ")";
  Exec(a_.get(), values);
  // 300^3 = 27 million combinations: minutes without KILL.
  auto [outcome, took] =
      KillWhileRunning("SELECT COUNT(*) FROM d.t a, d.t b, d.t c WHERE a.id + b.id + c.id < 0");
  EXPECT_EQ(outcome.error.code(), 1317) << outcome.error.ToString();
  EXPECT_LT(took, std::chrono::seconds(2));
}

TEST_F(KillTest, KillQueryEndsARowLockWait) {
  Exec(a_.get(), "CREATE DATABASE d");
  Exec(a_.get(), "CREATE TABLE d.t (id INT PRIMARY KEY, v INT)");
  Exec(a_.get(), "INSERT INTO d.t VALUES (1, 1)");
  Exec(b_.get(), "BEGIN");
  Exec(b_.get(), "UPDATE d.t SET v = 2 WHERE id = 1");
  auto running = std::async(std::launch::async,
                            [&] { return Run(a_.get(), "UPDATE d.t SET v = 3 WHERE id = 1"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // A third session kills it: b is the one holding the lock.
  Session c(context_.get(), 3, "root", "127.0.0.1");
  auto start = steady_clock::now();
  Exec(&c, "KILL QUERY 1");
  RecordingSink outcome = running.get();
  EXPECT_EQ(outcome.error.code(), 1317) << outcome.error.ToString();
  EXPECT_LT(steady_clock::now() - start, std::chrono::seconds(2));
  Exec(b_.get(), "COMMIT");
  RecordingSink value = Run(a_.get(), "SELECT v FROM d.t");
  ASSERT_EQ(value.rows.size(), 1u);
  EXPECT_EQ(value.rows[0][0], "2");
}

TEST_F(KillTest, KillQueryEndsATableLockWait) {
  Exec(a_.get(), "CREATE DATABASE d");
  Exec(a_.get(), "CREATE TABLE d.t (id INT PRIMARY KEY)");
  Exec(b_.get(), "LOCK TABLES d.t WRITE");
  auto [outcome, took] = KillWhileRunning("SELECT * FROM d.t");
  EXPECT_EQ(outcome.error.code(), 1317) << outcome.error.ToString();
  EXPECT_LT(took, std::chrono::seconds(2));
  Exec(b_.get(), "UNLOCK TABLES");
}

TEST_F(KillTest, LockTablesWaitUsesTheSessionLockWaitTimeout) {
  Exec(a_.get(), "CREATE DATABASE d");
  Exec(a_.get(), "CREATE TABLE d.t (id INT PRIMARY KEY)");
  Exec(b_.get(), "LOCK TABLES d.t WRITE");
  Exec(a_.get(), "SET SESSION lock_wait_timeout = 1");
  auto start = steady_clock::now();
  RecordingSink outcome = Run(a_.get(), "SELECT * FROM d.t");
  EXPECT_EQ(outcome.error.code(), 1205) << outcome.error.ToString();
  EXPECT_LT(steady_clock::now() - start, std::chrono::seconds(5));
}

TEST_F(KillTest, UnknownIdIs1094) {
  RecordingSink sink = Run(a_.get(), "KILL 999999");
  EXPECT_EQ(sink.error.code(), 1094);
  EXPECT_EQ(sink.error.message(), "Unknown thread id: 999999");
  EXPECT_EQ(Run(a_.get(), "KILL QUERY NULL").error.message(), "Unknown thread id: 0");
  EXPECT_EQ(Run(a_.get(), "KILL CONNECTION -1").error.message(),
            "Unknown thread id: 18446744073709551615");
}

TEST_F(KillTest, KillingOwnQueryOrConnection) {
  EXPECT_EQ(Run(a_.get(), "KILL QUERY CONNECTION_ID()").error.code(), 1317);
  EXPECT_TRUE(Run(a_.get(), "SELECT 1").error.ok());  // a KILL QUERY lasts one statement
  EXPECT_FALSE(a_->connection_killed());
  EXPECT_EQ(Run(a_.get(), "KILL CONNECTION_ID()").error.code(), 1927);
  EXPECT_TRUE(a_->connection_killed());
}

TEST_F(KillTest, KillConnectionOfAnIdleSessionAsksTheNetworkLayer) {
  std::vector<uint32_t> asked;
  context_->sessions()->SetDisconnectHandler([&](uint32_t id) { asked.push_back(id); });
  Exec(b_.get(), "KILL 1");
  EXPECT_EQ(asked, std::vector<uint32_t>{1});
  EXPECT_TRUE(a_->connection_killed());
  Exec(b_.get(), "KILL QUERY 1");  // a query kill never closes
  EXPECT_EQ(asked.size(), 1u);
  context_->sessions()->SetDisconnectHandler(nullptr);
}

TEST_F(KillTest, OtherUsersNeedSuper) {
  Exec(a_.get(), "CREATE USER 'app'@'%' IDENTIFIED BY 'pw'");
  Exec(a_.get(), "CREATE USER 'other'@'%' IDENTIFIED BY 'pw'");
  Session app(context_.get(), 10, "app", "127.0.0.1");
  Session app2(context_.get(), 11, "app", "127.0.0.1");
  Session other(context_.get(), 12, "other", "127.0.0.1");
  RecordingSink denied = Run(&app, "KILL QUERY 1");
  EXPECT_EQ(denied.error.code(), 1095);
  EXPECT_EQ(denied.error.message(), "You are not owner of thread 1");
  EXPECT_TRUE(Run(&app, "KILL QUERY 11").error.ok());  // same user: allowed
  // Processlist: app sees its own two sessions only; root sees all five.
  RecordingSink mine = Run(&app, "SHOW PROCESSLIST");
  ASSERT_TRUE(mine.error.ok()) << mine.error.ToString();
  ASSERT_EQ(mine.rows.size(), 2u);
  EXPECT_EQ(mine.rows[0][0], "10");
  EXPECT_EQ(mine.rows[1][0], "11");
  EXPECT_EQ(Run(a_.get(), "SHOW PROCESSLIST").rows.size(), 5u);
  Exec(a_.get(), "GRANT SUPER ON *.* TO 'other'@'%'");
  EXPECT_TRUE(Run(&other, "KILL QUERY 10").error.ok());
  RecordingSink count = Run(&other, "SELECT COUNT(*) FROM information_schema.PROCESSLIST");
  ASSERT_TRUE(count.error.ok()) << count.error.code() << " " << count.error.message();
  ASSERT_EQ(count.rows.size(), 1u);
  EXPECT_EQ(count.rows[0][0], "5");
}

TEST_F(KillTest, ProcessListShowsRunningStatementTruncatedWithoutFull) {
  Exec(b_.get(), "CREATE DATABASE d");
  Exec(b_.get(), "USE d");
  std::string padding(150, 'x');
  std::string sql = "SELECT SLEEP(60), '" + padding + "'";
  auto running = std::async(std::launch::async, [&] { return Run(a_.get(), sql); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  RecordingSink list = Run(b_.get(), "SHOW PROCESSLIST");
  ASSERT_TRUE(list.error.ok()) << list.error.ToString();
  ASSERT_EQ(list.columns.size(), 8u);
  EXPECT_EQ(list.columns[0].name, "Id");
  EXPECT_EQ(list.columns[7].name, "Info");
  ASSERT_EQ(list.rows.size(), 2u);
  EXPECT_EQ(list.rows[0][4], "Query");
  EXPECT_EQ(list.rows[0][7], sql.substr(0, 100));
  EXPECT_EQ(list.rows[1][3], "d");  // b's database and its own statement
  EXPECT_EQ(list.rows[1][7], "SHOW PROCESSLIST");
  RecordingSink full = Run(b_.get(), "SHOW FULL PROCESSLIST");
  EXPECT_EQ(full.rows[0][7], sql);
  RecordingSink schema =
      Run(b_.get(), "SELECT ID, COMMAND, INFO FROM information_schema.PROCESSLIST WHERE ID = 1");
  ASSERT_EQ(schema.rows.size(), 1u);
  EXPECT_EQ(schema.rows[0][2], sql);
  Exec(b_.get(), "KILL QUERY 1");
  EXPECT_EQ(running.get().error.code(), 1317);
  RecordingSink idle = Run(b_.get(), "SHOW PROCESSLIST");
  EXPECT_EQ(idle.rows[0][4], "Sleep");
  EXPECT_EQ(idle.rows[0][7], "NULL");
}

}  // namespace
}  // namespace minisql
