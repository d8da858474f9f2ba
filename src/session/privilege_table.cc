// privilege_table.cc — AccountPrivileges: grants of one account (see privilege_table.h).
#include "session/privilege_table.h"

#include "storage/table/byte_coding.h"

namespace minisql {

namespace {

constexpr uint8_t kEncodingVersion = 1;

// In the order MySQL prints them in SHOW GRANTS.
constexpr Privilege kDisplayOrder[] = {
    kSelectPrivilege, kInsertPrivilege, kUpdatePrivilege, kDeletePrivilege, kCreatePrivilege,
    kDropPrivilege,   kIndexPrivilege,  kAlterPrivilege,  kSuperPrivilege,  kCreateUserPrivilege,
};

// Privileges MySQL/MariaDB know that minisql does not implement: 1235, not 1064.
constexpr const char* kUnsupportedNames[] = {
    "REFERENCES",
    "RELOAD",
    "SHUTDOWN",
    "PROCESS",
    "FILE",
    "EXECUTE",
    "EVENT",
    "TRIGGER",
    "LOCK TABLES",
    "CREATE VIEW",
    "SHOW VIEW",
    "PROXY",
    "REPLICATION",
    "SHOW DATABASES",
    "CREATE ROUTINE",
    "ALTER ROUTINE",
    "CREATE TABLESPACE",
    "CREATE TEMPORARY",
    "DELETE HISTORY",
};

Status Corrupt() {
  return Status::Error(ErrorCode::kInternalError, "corrupt privilege record in the catalog");
}

// "SELECT, INSERT" / "ALL PRIVILEGES" / "USAGE" for the bits of one level.
std::string PrivilegeList(PrivilegeSet privileges, PrivilegeSet all) {
  privileges &= ~kGrantOptionPrivilege;
  if (privileges == 0) return "USAGE";
  if (privileges == all) return "ALL PRIVILEGES";
  std::string out;
  for (Privilege p : kDisplayOrder) {
    if ((privileges & p) == 0) continue;
    if (!out.empty()) out += ", ";
    out += PrivilegeName(p);
  }
  return out;
}

}  // namespace

const char* PrivilegeName(Privilege privilege) {
  switch (privilege) {
    case kSelectPrivilege:
      return "SELECT";
    case kInsertPrivilege:
      return "INSERT";
    case kUpdatePrivilege:
      return "UPDATE";
    case kDeletePrivilege:
      return "DELETE";
    case kCreatePrivilege:
      return "CREATE";
    case kDropPrivilege:
      return "DROP";
    case kIndexPrivilege:
      return "INDEX";
    case kAlterPrivilege:
      return "ALTER";
    case kCreateUserPrivilege:
      return "CREATE USER";
    case kSuperPrivilege:
      return "SUPER";
    case kGrantOptionPrivilege:
      return "GRANT OPTION";
  }
  return "";
}

std::string QuoteIdentifier(const std::string& name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out.push_back('`');
    out.push_back(c);
  }
  return out + "`";
}

Result<PrivilegeSet> ParsePrivilegeNames(const std::vector<std::string>& names,
                                         const PrivilegeLevel& level) {
  PrivilegeSet set = 0;
  for (const std::string& name : names) {
    if (name == "ALL" || name == "ALL PRIVILEGES") {
      set |= level.all();
      continue;
    }
    if (name == "USAGE") continue;
    PrivilegeSet bit = 0;
    for (Privilege p : kDisplayOrder) {
      if (name == PrivilegeName(p)) bit = p;
    }
    if (name == "GRANT OPTION") bit = kGrantOptionPrivilege;
    if (bit == 0) {
      for (const char* unsupported : kUnsupportedNames) {
        if (name.rfind(unsupported, 0) == 0) {
          return Status::Error(ErrorCode::kNotSupportedYet, "the " + name + " privilege");
        }
      }
      return Status::Error(ErrorCode::kParseError, name, 1);
    }
    // Global-only privileges at a lower level: MySQL's 1221 (database) / 1144 (table).
    if ((bit & (level.all() | kGrantOptionPrivilege)) == 0) {
      if (level.is_table()) return Status::Error(ErrorCode::kIllegalGrantForTable);
      return Status::Error(ErrorCode::kWrongUsage, "DB GRANT", "GLOBAL PRIVILEGES");
    }
    set |= bit;
  }
  return set;
}

AccountPrivileges AccountPrivileges::Superuser() {
  AccountPrivileges all;
  all.global_ = kGlobalLevelPrivileges | kGrantOptionPrivilege;
  return all;
}

Result<AccountPrivileges> AccountPrivileges::Decode(std::string_view encoded) {
  AccountPrivileges out;
  if (encoded.empty()) return out;
  storage::ByteReader reader(encoded);
  uint8_t version = 0;
  if (!reader.ReadByte(&version) || version != kEncodingVersion) return Corrupt();
  while (!reader.at_end()) {
    uint8_t level = 0;
    std::string database, table;
    uint64_t bits = 0;
    if (!reader.ReadByte(&level) || !reader.ReadString(&database) || !reader.ReadString(&table) ||
        !reader.ReadVarint(&bits)) {
      return Corrupt();
    }
    PrivilegeSet privileges = static_cast<PrivilegeSet>(bits);
    switch (level) {
      case 'G':
        out.global_ = privileges;
        break;
      case 'D':
        out.databases_[database] = privileges;
        break;
      case 'T':
        out.tables_[{database, table}] = privileges;
        break;
      default:
        return Corrupt();
    }
  }
  return out;
}

std::string AccountPrivileges::Encode() const {
  if (global_ == 0 && databases_.empty() && tables_.empty()) return "";
  std::string out(1, static_cast<char>(kEncodingVersion));
  auto put = [&out](char level, const std::string& database, const std::string& table,
                    PrivilegeSet bits) {
    out.push_back(level);
    storage::PutLengthPrefixed(&out, database);
    storage::PutLengthPrefixed(&out, table);
    storage::PutVarint(&out, bits);
  };
  if (global_ != 0) put('G', "", "", global_);
  for (const auto& [database, bits] : databases_) put('D', database, "", bits);
  for (const auto& [name, bits] : tables_) put('T', name.first, name.second, bits);
  return out;
}

void AccountPrivileges::Grant(const PrivilegeLevel& level, PrivilegeSet privileges) {
  if (level.is_global()) {
    global_ |= privileges;
  } else if (level.is_database()) {
    databases_[level.database] |= privileges;
  } else {
    tables_[{level.database, level.table}] |= privileges;
  }
}

bool AccountPrivileges::Revoke(const PrivilegeLevel& level, PrivilegeSet privileges) {
  if (level.is_global()) {
    global_ &= ~privileges;
    return true;
  }
  // A level whose last privilege goes is forgotten, as MySQL deletes the row.
  auto revoke = [privileges](auto& map, const auto& key) {
    auto it = map.find(key);
    if (it == map.end()) return false;
    it->second &= ~privileges;
    if (it->second == 0) map.erase(it);
    return true;
  };
  if (level.is_database()) return revoke(databases_, level.database);
  return revoke(tables_, std::make_pair(level.database, level.table));
}

void AccountPrivileges::RevokeEverything() {
  global_ = 0;
  databases_.clear();
  tables_.clear();
}

PrivilegeSet AccountPrivileges::OnDatabase(const std::string& database) const {
  auto it = databases_.find(database);
  return global_ | (it == databases_.end() ? 0 : it->second);
}

PrivilegeSet AccountPrivileges::OnTable(const std::string& database,
                                        const std::string& table) const {
  auto it = tables_.find({database, table});
  return OnDatabase(database) | (it == tables_.end() ? 0 : it->second);
}

bool AccountPrivileges::AnyInDatabase(const std::string& database) const {
  if ((OnDatabase(database) & ~kGrantOptionPrivilege) != 0) return true;
  auto it = tables_.lower_bound({database, ""});
  return it != tables_.end() && it->first.first == database;
}

std::vector<std::string> AccountPrivileges::ShowGrants(const std::string& user,
                                                       const std::string& host,
                                                       const std::string& identified) const {
  std::string grantee = QuoteIdentifier(user) + "@" + QuoteIdentifier(host);
  auto line = [&grantee](PrivilegeSet bits, PrivilegeSet all, const std::string& on,
                         const std::string& extra) {
    std::string text = "GRANT " + PrivilegeList(bits, all) + " ON " + on + " TO " + grantee + extra;
    if ((bits & kGrantOptionPrivilege) != 0) text += " WITH GRANT OPTION";
    return text;
  };
  std::vector<std::string> lines;
  lines.push_back(line(global_, kGlobalLevelPrivileges, "*.*", identified));
  for (const auto& [database, bits] : databases_) {
    lines.push_back(line(bits, kDatabaseLevelPrivileges, QuoteIdentifier(database) + ".*", ""));
  }
  for (const auto& [name, bits] : tables_) {
    lines.push_back(line(bits, kTableLevelPrivileges,
                         QuoteIdentifier(name.first) + "." + QuoteIdentifier(name.second), ""));
  }
  return lines;
}

}  // namespace minisql
