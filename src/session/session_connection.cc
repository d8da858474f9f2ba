// session_connection.cc — Session calls about the connection itself rather than SQL:
// its transport security (what SHOW STATUS LIKE 'Ssl%' reports), its address and whether
// KILL CONNECTION ended it (SHOW PROCESSLIST, session_registry.h).
#include "session/session.h"
#include "session/session_state.h"

namespace minisql {

void Session::SetTransportSecurity(std::string cipher, std::string version) {
  state_->ssl_cipher = std::move(cipher);
  state_->ssl_version = std::move(version);
}

void Session::SetClientAddress(std::string address) {
  activity_->SetHost(std::move(address));
}

bool Session::connection_killed() const {
  return activity_->interrupt()->connection_killed();
}

}  // namespace minisql
