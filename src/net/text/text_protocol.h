// text_protocol.h — minisql's plain text protocol, for humans, shell scripts and tests.
//
//   client ──► "SELECT 1 AS one\0"
//   server ──► "+-----+\n| one |\n+-----+\n|   1 |\n+-----+\n1 row in set\0"
//
// A request is SQL text terminated by a NUL byte; the response is the outcome rendered
// as text (text_table.h) and terminated by a NUL byte:
//   rows    the mysql --table layout, then "N rows in set" / "1 row in set" / "Empty set"
//   OK      "Query OK, N rows affected" (+ "\n" + info line)
//   error   "ERROR <code> (<sqlstate>): <message>"
// Requests may be pipelined; they are answered in order. There is no greeting and no
// authentication: the session is root@localhost, which is why the listener binds only
// 127.0.0.1 (server.h). A request longer than max_allowed_packet, or a result whose
// rendering would exceed it, is answered with an error (the former also closes).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "net/connection.h"
#include "net/protocol_handler.h"
#include "session/session.h"

namespace minisql::net {

class TextProtocol : public ProtocolHandler {
 public:
  explicit TextProtocol(Connection* connection);
  ~TextProtocol() override;

  void Start(bool over_capacity) override;
  size_t HandleInput(std::string_view input) override;

 private:
  void Respond(const std::string& text);

  Connection* connection_;
  std::unique_ptr<Session> session_;
};

}  // namespace minisql::net
