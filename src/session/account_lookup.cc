// account_lookup.cc — MySQL's host matching and account choice (see account_lookup.h).
#include "session/account_lookup.h"

#include <cctype>
#include <tuple>

namespace minisql {

namespace {

bool IsLoopback(const std::string& address) {
  return address == "127.0.0.1" || address == "::1" || address == "localhost";
}

// Smaller is more specific: (wildcard?, -literal prefix length). '%' alone is last.
std::tuple<int, int> HostRank(std::string_view pattern) {
  size_t wildcard = pattern.find_first_of("%_");
  if (wildcard == std::string_view::npos) return {0, 0};
  return {1, -static_cast<int>(wildcard)};
}

}  // namespace

std::vector<std::string> ClientHostNames(const std::string& address) {
  if (IsLoopback(address)) {
    std::vector<std::string> names{"localhost"};
    if (address != "localhost") names.push_back(address);
    return names;
  }
  return {address};
}

bool HostPatternMatches(std::string_view pattern, std::string_view host) {
  // Iterative LIKE matching with backtracking to the last '%'.
  size_t p = 0, h = 0, star = std::string_view::npos, mark = 0;
  while (h < host.size()) {
    if (p < pattern.size() &&
        (pattern[p] == '_' || std::tolower(static_cast<unsigned char>(pattern[p])) ==
                                  std::tolower(static_cast<unsigned char>(host[h])))) {
      ++p;
      ++h;
    } else if (p < pattern.size() && pattern[p] == '%') {
      star = p++;
      mark = h;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      h = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '%') ++p;
  return p == pattern.size();
}

std::optional<size_t> ChooseAccount(const std::vector<storage::UserRecord>& accounts,
                                    const std::string& user, const std::string& address) {
  std::vector<std::string> names = ClientHostNames(address);
  std::optional<size_t> best;
  // (host rank, which client name matched exactly, anonymous?) — smallest wins.
  std::tuple<int, int, size_t, int> best_key;
  for (size_t i = 0; i < accounts.size(); ++i) {
    const storage::UserRecord& account = accounts[i];
    if (account.user != user && !account.user.empty()) continue;
    for (size_t n = 0; n < names.size(); ++n) {
      if (!HostPatternMatches(account.host, names[n])) continue;
      auto [wildcard, prefix] = HostRank(account.host);
      std::tuple<int, int, size_t, int> key{wildcard, prefix, wildcard == 0 ? n : 0,
                                            account.user.empty() ? 1 : 0};
      if (!best || key < best_key) {
        best = i;
        best_key = key;
      }
      break;
    }
  }
  return best;
}

}  // namespace minisql
