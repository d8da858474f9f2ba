// privilege_table_test.cc — AccountPrivileges (grant/revoke/encode/SHOW GRANTS), the
// privilege names of GRANT, host matching and the account choice of a login, and the
// requirements the privilege check derives from statements.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "session/account_lookup.h"
#include "session/privilege_check.h"
#include "session/privilege_table.h"
#include "sql/parser/parser.h"

namespace minisql {
namespace {

PrivilegeLevel Global() {
  return PrivilegeLevel{};
}
PrivilegeLevel Db(const std::string& db) {
  return PrivilegeLevel{db, "*"};
}
PrivilegeLevel Table(const std::string& db, const std::string& t) {
  return PrivilegeLevel{db, t};
}

TEST(AccountPrivilegesTest, LevelsCombine) {
  AccountPrivileges p;
  p.Grant(Db("shop"), kSelectPrivilege | kInsertPrivilege);
  p.Grant(Table("shop", "items"), kUpdatePrivilege);
  p.Grant(Global(), kDeletePrivilege);
  EXPECT_EQ(p.OnTable("shop", "items"),
            kSelectPrivilege | kInsertPrivilege | kUpdatePrivilege | kDeletePrivilege);
  EXPECT_EQ(p.OnTable("shop", "other"), kSelectPrivilege | kInsertPrivilege | kDeletePrivilege);
  EXPECT_EQ(p.OnTable("Shop", "items"), kDeletePrivilege);  // names are case-sensitive
  EXPECT_TRUE(p.AnyInDatabase("shop"));
  EXPECT_TRUE(p.AnyInDatabase("elsewhere"));  // the global DELETE applies everywhere
}

TEST(AccountPrivilegesTest, AnyInDatabaseSeesTableGrants) {
  AccountPrivileges p;
  p.Grant(Table("shop", "items"), kSelectPrivilege);
  EXPECT_TRUE(p.AnyInDatabase("shop"));
  EXPECT_FALSE(p.AnyInDatabase("sho"));
  EXPECT_FALSE(p.AnyInDatabase("shopx"));
  AccountPrivileges grant_option_only;
  grant_option_only.Grant(Db("shop"), kGrantOptionPrivilege);
  EXPECT_FALSE(grant_option_only.AnyInDatabase("shop"));
}

TEST(AccountPrivilegesTest, RevokeReportsMissingLevels) {
  AccountPrivileges p;
  EXPECT_TRUE(p.Revoke(Global(), kSelectPrivilege));  // global: always fine (MySQL)
  EXPECT_FALSE(p.Revoke(Db("shop"), kSelectPrivilege));
  EXPECT_FALSE(p.Revoke(Table("shop", "t"), kSelectPrivilege));
  p.Grant(Db("shop"), kSelectPrivilege | kInsertPrivilege);
  EXPECT_TRUE(p.Revoke(Db("shop"), kSelectPrivilege));
  EXPECT_EQ(p.OnDatabase("shop"), kInsertPrivilege);
  EXPECT_TRUE(p.Revoke(Db("shop"), kInsertPrivilege));
  EXPECT_FALSE(p.Revoke(Db("shop"), kInsertPrivilege));  // the level is gone
}

TEST(AccountPrivilegesTest, EncodeDecodeRoundTrip) {
  AccountPrivileges p;
  EXPECT_EQ(p.Encode(), "");
  p.Grant(Global(), kCreateUserPrivilege | kGrantOptionPrivilege);
  p.Grant(Db("a`b"), kSelectPrivilege);
  p.Grant(Table("db", std::string("t\0x", 3)), kAlterPrivilege);
  Result<AccountPrivileges> back = AccountPrivileges::Decode(p.Encode());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->Encode(), p.Encode());
  EXPECT_EQ(back->OnTable("db", std::string("t\0x", 3)),
            kCreateUserPrivilege | kGrantOptionPrivilege | kAlterPrivilege);
}

TEST(AccountPrivilegesTest, DecodeRejectsGarbage) {
  EXPECT_FALSE(AccountPrivileges::Decode("x").ok());
  EXPECT_FALSE(AccountPrivileges::Decode(std::string("\x01Z", 2)).ok());
  std::string truncated = AccountPrivileges::Superuser().Encode();
  truncated.pop_back();
  EXPECT_FALSE(AccountPrivileges::Decode(truncated).ok());
}

TEST(AccountPrivilegesTest, ShowGrantsLinesAsMariaDb) {
  AccountPrivileges p;
  EXPECT_EQ(p.ShowGrants("u", "%", ""), std::vector<std::string>{"GRANT USAGE ON *.* TO `u`@`%`"});
  p.Grant(Db("shop"), kInsertPrivilege | kSelectPrivilege);
  p.Grant(Table("shop", "t"), kTableLevelPrivileges | kGrantOptionPrivilege);
  p.Grant(Global(), kGrantOptionPrivilege);
  EXPECT_EQ(p.ShowGrants("u", "localhost", " IDENTIFIED BY PASSWORD '*AB'"),
            (std::vector<std::string>{
                "GRANT USAGE ON *.* TO `u`@`localhost` IDENTIFIED BY PASSWORD '*AB' WITH GRANT "
                "OPTION",
                "GRANT SELECT, INSERT ON `shop`.* TO `u`@`localhost`",
                "GRANT ALL PRIVILEGES ON `shop`.`t` TO `u`@`localhost` WITH GRANT OPTION"}));
  EXPECT_EQ(AccountPrivileges::Superuser().ShowGrants("root", "localhost", "")[0],
            "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION");
}

TEST(PrivilegeNamesTest, ParsesAndRejects) {
  EXPECT_EQ(*ParsePrivilegeNames({"SELECT", "DELETE"}, Db("d")),
            kSelectPrivilege | kDeletePrivilege);
  EXPECT_EQ(*ParsePrivilegeNames({"ALL PRIVILEGES"}, Global()), kGlobalLevelPrivileges);
  EXPECT_EQ(*ParsePrivilegeNames({"ALL"}, Table("d", "t")), kTableLevelPrivileges);
  EXPECT_EQ(*ParsePrivilegeNames({"USAGE"}, Global()), 0u);
  EXPECT_EQ(*ParsePrivilegeNames({"GRANT OPTION"}, Db("d")), kGrantOptionPrivilege);
  EXPECT_EQ(ParsePrivilegeNames({"SUPER"}, Db("d")).status().code(), 1221);
  EXPECT_EQ(ParsePrivilegeNames({"CREATE USER"}, Table("d", "t")).status().code(), 1144);
  EXPECT_EQ(ParsePrivilegeNames({"EXECUTE"}, Global()).status().code(), 1235);
  EXPECT_EQ(ParsePrivilegeNames({"SELECT INSERT"}, Global()).status().code(), 1064);
}

TEST(HostMatchTest, Wildcards) {
  EXPECT_TRUE(HostPatternMatches("%", "10.0.0.1"));
  EXPECT_TRUE(HostPatternMatches("10.0.0.%", "10.0.0.1"));
  EXPECT_FALSE(HostPatternMatches("10.0.0.%", "10.0.1.1"));
  EXPECT_TRUE(HostPatternMatches("10.0.0._", "10.0.0.7"));
  EXPECT_FALSE(HostPatternMatches("10.0.0._", "10.0.0.17"));
  EXPECT_TRUE(HostPatternMatches("LocalHost", "localhost"));
  EXPECT_FALSE(HostPatternMatches("localhost", "127.0.0.1"));
  EXPECT_TRUE(HostPatternMatches("%.%", "a.b"));
  EXPECT_FALSE(HostPatternMatches("", "a"));
}

storage::UserRecord Account(const std::string& user, const std::string& host) {
  return storage::UserRecord{user, host, "mysql_native_password", "", ""};
}

std::string Chosen(const std::vector<storage::UserRecord>& accounts, const std::string& user,
                   const std::string& address) {
  std::optional<size_t> i = ChooseAccount(accounts, user, address);
  return i ? accounts[*i].user + "@" + accounts[*i].host : "none";
}

TEST(ChooseAccountTest, MostSpecificHostFirst) {
  std::vector<storage::UserRecord> accounts = {Account("u", "%"), Account("u", "127.0.0.1"),
                                               Account("u", "localhost"), Account("u", "10.%"),
                                               Account("u", "10.1.%")};
  EXPECT_EQ(Chosen(accounts, "u", "127.0.0.1"), "u@localhost");  // as MariaDB
  accounts.erase(accounts.begin() + 2);
  EXPECT_EQ(Chosen(accounts, "u", "127.0.0.1"), "u@127.0.0.1");
  EXPECT_EQ(Chosen(accounts, "u", "10.1.2.3"), "u@10.1.%");
  EXPECT_EQ(Chosen(accounts, "u", "10.2.2.3"), "u@10.%");
  EXPECT_EQ(Chosen(accounts, "u", "192.168.0.1"), "u@%");
  EXPECT_EQ(Chosen(accounts, "v", "192.168.0.1"), "none");
}

TEST(ChooseAccountTest, HostBeforeUserAnonymousLast) {
  std::vector<storage::UserRecord> accounts = {Account("u", "%"), Account("", "localhost"),
                                               Account("", "%")};
  // MySQL: the anonymous ''@localhost is more specific than 'u'@'%'.
  EXPECT_EQ(Chosen(accounts, "u", "127.0.0.1"), "@localhost");
  EXPECT_EQ(Chosen(accounts, "u", "10.0.0.1"), "u@%");
  EXPECT_EQ(Chosen(accounts, "w", "10.0.0.1"), "@%");
}

std::vector<std::string> Needs(const std::string& sql, const std::string& db = "shop") {
  Result<sql::ast::StmtPtr> stmt = sql::Parse(sql);
  EXPECT_TRUE(stmt.ok()) << sql;
  if (!stmt.ok()) return {};
  std::vector<std::string> out;
  for (const PrivilegeRequirement& r : RequiredPrivileges(**stmt, db, StatementIssuer{"u", "%"})) {
    out.push_back(std::string(PrivilegeName(r.privilege)) + " " + r.database +
                  (r.table.empty() ? "" : "." + r.table));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(RequiredPrivilegesTest, QueriesReadEveryTable) {
  EXPECT_EQ(Needs("SELECT 1"), Strings{});
  EXPECT_EQ(Needs("SELECT * FROM a JOIN other.b ON a.x = (SELECT MAX(y) FROM c)"),
            (Strings{"SELECT shop.a", "SELECT other.b", "SELECT shop.c"}));
  EXPECT_EQ(Needs("WITH w AS (SELECT * FROM a) SELECT * FROM w, (SELECT 1 FROM b) d"),
            (Strings{"SELECT shop.a", "SELECT shop.b"}));
  EXPECT_EQ(Needs("SELECT * FROM a WHERE EXISTS (SELECT 1 FROM b) UNION SELECT * FROM c"),
            (Strings{"SELECT shop.a", "SELECT shop.b", "SELECT shop.c"}));
  EXPECT_EQ(Needs("SELECT * FROM a", ""), Strings{});  // no database: 1046 later
}

TEST(RequiredPrivilegesTest, Modifications) {
  EXPECT_EQ(Needs("INSERT INTO t SELECT * FROM s"), (Strings{"INSERT shop.t", "SELECT shop.s"}));
  EXPECT_EQ(Needs("REPLACE INTO t VALUES (1)"), (Strings{"INSERT shop.t", "DELETE shop.t"}));
  EXPECT_EQ(Needs("INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 2"),
            (Strings{"INSERT shop.t", "UPDATE shop.t"}));
  EXPECT_EQ(Needs("UPDATE t SET a = (SELECT 1 FROM s)"),
            (Strings{"SELECT shop.s", "UPDATE shop.t"}));
  EXPECT_EQ(Needs("DELETE FROM t WHERE a IN (SELECT a FROM s)"),
            (Strings{"DELETE shop.t", "SELECT shop.s"}));
}

TEST(RequiredPrivilegesTest, DdlAndAdministration) {
  EXPECT_EQ(Needs("CREATE DATABASE x"), Strings{"CREATE x"});
  EXPECT_EQ(Needs("DROP TABLE a, b"), (Strings{"DROP shop.a", "DROP shop.b"}));
  EXPECT_EQ(Needs("CREATE INDEX i ON t (a)"), Strings{"INDEX shop.t"});
  EXPECT_EQ(Needs("CREATE USER v"), Strings{"CREATE USER "});
  EXPECT_EQ(Needs("SET GLOBAL max_connections = 5"), Strings{"SUPER "});
  EXPECT_EQ(Needs("SET PASSWORD = 'x'"), Strings{});
  EXPECT_EQ(Needs("ALTER USER u@'%' IDENTIFIED BY 'x'"), Strings{});  // one's own password
  EXPECT_EQ(Needs("GRANT SELECT ON t TO v"), (Strings{"SELECT shop.t", "GRANT OPTION shop.t"}));
  EXPECT_EQ(Needs("SHOW GRANTS"), Strings{});
  EXPECT_EQ(Needs("SHOW GRANTS FOR v"), Strings{"CREATE USER mysql"});
}

TEST(CheckRequirementsTest, ErrorsNameTheObject) {
  StatementIssuer issuer{"u", "%"};
  AccountPrivileges p;
  p.Grant(Table("shop", "t"), kSelectPrivilege);
  using Scope = PrivilegeRequirement::Scope;
  Status table = CheckRequirements(p, {{Scope::kTable, kInsertPrivilege, "shop", "t"}}, issuer);
  EXPECT_EQ(table.code(), 1142);
  EXPECT_EQ(table.message(), "INSERT command denied to user 'u'@'%' for table `shop`.`t`");
  Status db = CheckRequirements(p, {{Scope::kDatabase, kCreatePrivilege, "x", ""}}, issuer);
  EXPECT_EQ(db.code(), 1044);
  EXPECT_EQ(db.message(), "Access denied for user 'u'@'%' to database 'x'");
  Status global = CheckRequirements(p, {{Scope::kGlobal, kCreateUserPrivilege, "", ""}}, issuer);
  EXPECT_EQ(global.code(), 1227);
  EXPECT_TRUE(CheckRequirements(p,
                                {{Scope::kTable, kSelectPrivilege, "shop", "t"},
                                 {Scope::kAnyInDatabase, kSelectPrivilege, "shop", ""}},
                                issuer)
                  .ok());
  EXPECT_TRUE(CheckRequirements(AccountPrivileges::Superuser(),
                                {{Scope::kGlobal, kSuperPrivilege, "", ""}}, issuer)
                  .ok());
}

}  // namespace
}  // namespace minisql
