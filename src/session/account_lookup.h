// account_lookup.h — which account a login uses: MySQL's host matching.
//
// An account is 'user'@'host pattern'. The pattern is a host name or IP address,
// optionally with the LIKE wildcards '%' (any run) and '_' (one character): '%' is any
// host, '192.168.1.%' a subnet. When several accounts match a login, MySQL takes the
// most specific host first and only then looks at the user name:
//
//   1. host without wildcards            'localhost', '127.0.0.1'
//   2. host with wildcards, the longer   '127.0.%' before '127.%'
//      literal prefix first
//   3. '%' alone
//   within one host rank: a named user before the anonymous user ''
//
// A connection over loopback (127.0.0.1, ::1, the Unix socket) is known by the names
// "localhost" and its address, in that order, as MariaDB with name resolution does: a
// TCP login from 127.0.0.1 uses 'u'@'localhost' when it exists, else 'u'@'127.0.0.1',
// else 'u'@'%'. Other clients are known by their address only (no DNS lookups).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/storage_engine.h"

namespace minisql {

/// The names a client connecting from `address` is known by, most specific first.
std::vector<std::string> ClientHostNames(const std::string& address);

/// True if the account host `pattern` ('%', '_' wildcards) matches `host` (ASCII
/// case-insensitive, as host names are).
bool HostPatternMatches(std::string_view pattern, std::string_view host);

/// The index in `accounts` of the account a login as `user` from `address` uses, or
/// nullopt when none matches.
std::optional<size_t> ChooseAccount(const std::vector<storage::UserRecord>& accounts,
                                    const std::string& user, const std::string& address);

}  // namespace minisql
