// mysql_protocol_auth.cc — the connection phase of MysqlProtocol: SSLRequest, the
// HandshakeResponse41, the authentication exchange (authenticator.h), and the two
// commands that start a new session on a live connection, COM_CHANGE_USER and
// COM_RESET_CONNECTION.
//
// Sequence ids: each server packet of the exchange continues the sequence; after an
// AuthMoreData or AuthSwitchRequest the client's answer carries the next id, so the
// expected id is simply the writer's next one.
#include "net/mysql/mysql_protocol.h"
#include "net/mysql/packet.h"
#include "session/client_charset.h"
#include "session/server_context.h"

namespace minisql::net {

void MysqlProtocol::OnSslRequest(std::string_view leftover) {
  if (tls_requested_ || connection_->tls_context() == nullptr) {
    // TLS was not offered, or this is a second SSLRequest inside TLS.
    SendErrorAndClose(Status::Error(ErrorCode::kHandshakeError));
    return;
  }
  tls_requested_ = true;
  connection_->StartTls(leftover);
}

void MysqlProtocol::OnHandshakeResponse(std::string_view payload) {
  Result<HandshakeResponse41> response = ParseHandshakeResponse41(payload);
  if (!response.ok()) {
    SendErrorAndClose(response.status());
    return;
  }
  client_ = std::move(*response);
  capabilities_ = client_.capabilities & server_capabilities_;
  multi_statements_ = (capabilities_ & kClientMultiStatements) != 0;
  BeginAuthentication();
}

void MysqlProtocol::BeginAuthentication() {
  ServerContext* context = connection_->context();
  bool secure = connection_->tls_info().active ||
                connection_->transport() == Connection::Transport::kUnixSocket;
  if (context->options().require_secure_transport && !secure) {
    SendErrorAndClose(Status::Error(ErrorCode::kSecureTransportRequired));
    return;
  }
  Result<std::optional<storage::UserRecord>> account = context->FindAccount(client_.user, host_);
  if (!account.ok()) {
    SendErrorAndClose(account.status());
    return;
  }
  std::string account_key = client_.user + "@" + (account->has_value() ? (*account)->host : "");
  authenticator_ = std::make_unique<Authenticator>(
      connection_->auth_services(), std::move(*account), account_key, secure, scramble_);
  OnAuthenticationStep(authenticator_->Start(client_.auth_plugin, client_.auth_response));
}

void MysqlProtocol::OnAuthenticationPacket(std::string_view payload) {
  OnAuthenticationStep(authenticator_->Continue(payload));
}

void MysqlProtocol::OnAuthenticationStep(const Authenticator::Step& step) {
  if (!step.reply.empty()) writer_.WritePacket(step.reply);
  switch (step.outcome) {
    case Authenticator::Outcome::kContinue:
      state_ = State::kAuthenticating;
      expected_sequence_id_ = writer_.sequence_id();
      return;
    case Authenticator::Outcome::kDenied: {
      // Unknown user and wrong password answer alike, so the error reveals nothing.
      bool used = authenticator_->password_used();
      authenticator_.reset();
      connection_->auth_services()->throttle.RecordFailure(host_);
      session_.reset();  // a failed COM_CHANGE_USER leaves no session behind either
      SendErrorAndClose(
          Status::Error(ErrorCode::kAccessDenied, client_.user, host_, used ? "YES" : "NO"));
      return;
    }
    case Authenticator::Outcome::kGranted:
      authenticator_.reset();
      OnAuthenticated();
      return;
  }
}

void MysqlProtocol::OnAuthenticated() {
  StartSession();
  // The character set byte of the handshake (or COM_CHANGE_USER) is the client's
  // SET NAMES (session/client_charset.h); COM_RESET_CONNECTION does not come here: it
  // returns to the server default, as in MySQL.
  session_->SetClientCollation(client_.charset);
  if (!client_.database.empty()) {
    Result<std::string> database = ClientTextToUtf8(session_->client_charset(), client_.database);
    Status status = database.ok() ? session_->SetCurrentDatabase(*database) : database.status();
    if (!status.ok()) {
      SendErrorAndClose(status);
      return;
    }
  }
  state_ = State::kCommand;
  expected_sequence_id_ = 0;
  connection_->MarkAuthenticated();
  connection_->auth_services()->throttle.RecordSuccess(host_);
  SendOk();
}

void MysqlProtocol::StartSession() {
  statements_.clear();  // prepared statements belong to the old session
  session_ =
      std::make_unique<Session>(connection_->context(), connection_->id(), client_.user, host_);
  session_->set_client_found_rows((capabilities_ & kClientFoundRows) != 0);
  session_->SetClientAddress(connection_->peer_address());
  Connection::TlsInfo tls = connection_->tls_info();
  if (tls.active) session_->SetTransportSecurity(tls.cipher, tls.version);
}

void MysqlProtocol::ComChangeUser(std::string_view arguments) {
  Result<HandshakeResponse41> request = ParseChangeUser(arguments, capabilities_);
  if (!request.ok()) {
    SendErrorAndClose(request.status());
    return;
  }
  // The old session ends now (its transaction rolls back), whatever the outcome.
  session_.reset();
  statements_.clear();
  uint32_t capabilities = client_.capabilities;
  uint16_t charset = client_.charset;
  client_ = std::move(*request);
  client_.capabilities = capabilities;
  if (client_.charset == 0) client_.charset = charset;  // none sent: the login's stays
  // The client computed its token with the scramble of the original greeting.
  BeginAuthentication();
}

void MysqlProtocol::ComResetConnection() {
  std::string database = session_->current_database();
  StartSession();
  if (!database.empty()) (void)session_->SetCurrentDatabase(database);  // dropped: none
  SendOk();
}

}  // namespace minisql::net
