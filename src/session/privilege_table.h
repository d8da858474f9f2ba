// privilege_table.h — what one account may do: its GRANTs, how they are stored, and the
// questions the privilege check asks of them.
//
// MySQL keeps privileges at three levels; a statement is allowed if the privilege it
// needs is granted at any level that covers the object:
//
//   *.*      global      ON *.*        every database and table   (GRANT ... ON *.*)
//   db.*     database    ON `db`.*     every table of `db`        (GRANT ... ON db.*)
//   db.t     table       ON `db`.`t`   that table (or view) only  (GRANT ... ON db.t)
//
// The privileges (a bit set):
//
//   SELECT INSERT UPDATE DELETE CREATE DROP INDEX ALTER   any level
//   CREATE USER  SUPER                                     global only
//   GRANT OPTION                                           any level: may pass on the
//                                                          privileges held at that level
//
// ALL [PRIVILEGES] is every privilege of the level except GRANT OPTION; USAGE is none
// (it only says that the account exists). Names are compared exactly (minisql's database
// and table names are case-sensitive, as MySQL's are on Linux).
//
// Storage: the grants travel inside the account's catalog record
// (storage::UserRecord::privileges), so they are as durable as the account and are
// created, renamed and dropped with it in the same transaction. The encoding:
//
//   ┌──────────┬──────────── one entry per level with privileges ─────────────┐
//   │ version  │ level 'G'|'D'|'T' │ database  │ table     │ privilege bits     │ ...
//   │ 1 byte=1 │ 1 byte            │ len+bytes │ len+bytes │ varint             │
//   └──────────┴───────────────────┴───────────┴───────────┴────────────────────┘
//   (database and table are "" where the level has none). An empty string = no grants.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace minisql {

/// One bit per privilege; a PrivilegeSet is any combination.
enum Privilege : uint32_t {
  kSelectPrivilege = 1u << 0,
  kInsertPrivilege = 1u << 1,
  kUpdatePrivilege = 1u << 2,
  kDeletePrivilege = 1u << 3,
  kCreatePrivilege = 1u << 4,
  kDropPrivilege = 1u << 5,
  kIndexPrivilege = 1u << 6,
  kAlterPrivilege = 1u << 7,
  kCreateUserPrivilege = 1u << 8,
  kSuperPrivilege = 1u << 9,
  kGrantOptionPrivilege = 1u << 10,
};
using PrivilegeSet = uint32_t;

/// What ALL [PRIVILEGES] means at each level (GRANT OPTION is never part of ALL).
inline constexpr PrivilegeSet kTableLevelPrivileges =
    kSelectPrivilege | kInsertPrivilege | kUpdatePrivilege | kDeletePrivilege | kCreatePrivilege |
    kDropPrivilege | kIndexPrivilege | kAlterPrivilege;
inline constexpr PrivilegeSet kDatabaseLevelPrivileges = kTableLevelPrivileges;
inline constexpr PrivilegeSet kGlobalLevelPrivileges =
    kTableLevelPrivileges | kCreateUserPrivilege | kSuperPrivilege;

/// The MySQL name of one privilege bit ("SELECT", "CREATE USER", "GRANT OPTION").
const char* PrivilegeName(Privilege privilege);

/// Where a grant applies. database "*" = global (table is then "*" too); table "*" =
/// the whole database.
struct PrivilegeLevel {
  std::string database = "*";
  std::string table = "*";
  bool is_global() const { return database == "*"; }
  bool is_database() const { return database != "*" && table == "*"; }
  bool is_table() const { return table != "*"; }
  /// ALL [PRIVILEGES] at this level.
  PrivilegeSet all() const {
    return is_global() ? kGlobalLevelPrivileges
                       : (is_database() ? kDatabaseLevelPrivileges : kTableLevelPrivileges);
  }
};

/// The privileges named in a GRANT/REVOKE (upper-case names as the parser gives them)
/// at `level`: 1235 for MySQL privileges minisql does not have, 1144/1221 for
/// global-only privileges at a lower level (as MySQL).
Result<PrivilegeSet> ParsePrivilegeNames(const std::vector<std::string>& names,
                                         const PrivilegeLevel& level);

/// All grants of one account.
class AccountPrivileges {
 public:
  /// The account that may do everything (root on first start): ALL ON *.* WITH GRANT OPTION.
  static AccountPrivileges Superuser();
  /// Decodes UserRecord::privileges ("" = none); 1105-style corruption error if malformed.
  static Result<AccountPrivileges> Decode(std::string_view encoded);
  std::string Encode() const;

  /// Adds `privileges` at `level`.
  void Grant(const PrivilegeLevel& level, PrivilegeSet privileges);
  /// Removes `privileges` at `level`. False (and nothing changes) if the account has no
  /// grant at all at a database or table level — MySQL's 1141/1147; revoking at the
  /// global level always succeeds.
  bool Revoke(const PrivilegeLevel& level, PrivilegeSet privileges);
  /// REVOKE ALL PRIVILEGES, GRANT OPTION: back to USAGE.
  void RevokeEverything();

  /// The privileges that apply to table `table` of `database` (global | database | table).
  PrivilegeSet OnTable(const std::string& database, const std::string& table) const;
  /// The privileges that apply to all of `database` (global | database level).
  PrivilegeSet OnDatabase(const std::string& database) const;
  PrivilegeSet Global() const { return global_; }
  /// True if the account holds any privilege in `database` (at any level, or on any of
  /// its tables): what USE and SHOW DATABASES ask.
  bool AnyInDatabase(const std::string& database) const;

  /// SHOW GRANTS lines in MariaDB's form, global first, then databases and tables in
  /// name order. `identified` is the " IDENTIFIED BY PASSWORD '...'" part of the
  /// global line ("" for none).
  std::vector<std::string> ShowGrants(const std::string& user, const std::string& host,
                                      const std::string& identified) const;

 private:
  PrivilegeSet global_ = 0;
  std::map<std::string, PrivilegeSet> databases_;
  std::map<std::pair<std::string, std::string>, PrivilegeSet> tables_;
};

/// `name` quoted as MySQL prints identifiers: `a``b` for a`b.
std::string QuoteIdentifier(const std::string& name);

}  // namespace minisql
