// text_protocol.cc — see text_protocol.h for the request/response format.
#include "net/text/text_protocol.h"

#include "net/text/text_result_sink.h"
#include "net/text/text_table.h"
#include "session/server_context.h"

namespace minisql::net {

TextProtocol::TextProtocol(Connection* connection) : connection_(connection) {}

TextProtocol::~TextProtocol() = default;

void TextProtocol::Start(bool over_capacity) {
  if (over_capacity) {
    Respond(RenderError(Status::Error(ErrorCode::kConCountError)));
    connection_->RequestClose();
    return;
  }
  connection_->MarkAuthenticated();  // no login on the text protocol: no connect timeout
  session_ =
      std::make_unique<Session>(connection_->context(), connection_->id(), "root", "localhost");
  session_->SetClientAddress(connection_->peer_address());
}

size_t TextProtocol::HandleInput(std::string_view input) {
  if (!session_) return input.size();  // refused at Start; closing
  size_t max_bytes = connection_->context()->options().max_allowed_packet;
  size_t end = input.find('\0');
  if (end == std::string_view::npos) {
    if (input.size() <= max_bytes) return 0;  // wait for the rest
    Respond(RenderError(Status::Error(ErrorCode::kNetPacketTooLarge)));
    connection_->RequestClose();
    return input.size();
  }
  TextResultSink sink(max_bytes);
  session_->ExecuteQuery(input.substr(0, end), &sink);
  if (sink.text().has_value()) {
    Respond(*sink.text());
  } else {
    Respond(RenderError(Status::Error(ErrorCode::kInternalError, "statement produced no result")));
  }
  if (session_->connection_killed()) {  // KILL CONNECTION: the answer went out; close
    connection_->RequestClose();
    return input.size();
  }
  return end + 1;
}

void TextProtocol::Respond(const std::string& text) {
  std::string bytes = text;
  bytes.push_back('\0');
  (void)connection_->Write(std::move(bytes));  // fails only when the client is gone
}

}  // namespace minisql::net
