// session_connection.cc — Session calls about the connection itself rather than SQL:
// its transport security (what SHOW STATUS LIKE 'Ssl%' reports).
#include "session/session.h"
#include "session/session_state.h"

namespace minisql {

void Session::SetTransportSecurity(std::string cipher, std::string version) {
  state_->ssl_cipher = std::move(cipher);
  state_->ssl_version = std::move(version);
}

}  // namespace minisql
