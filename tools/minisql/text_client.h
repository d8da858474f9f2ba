// text_client.h — the client side of minisqld's text protocol.
//
// The text protocol (default port 6789) is deliberately trivial, so that a student
// can talk to the server with a few lines of any language:
//
//   client → server   one SQL statement, UTF-8 text, then one 0x00 byte
//   server → client   the rendered outcome (a table, "Query OK, ..." or an
//                     "ERROR <errno> (<sqlstate>): <message>" line), then one 0x00 byte
//
//   +----------------------+----+        +---------------------------+----+
//   | statement text (N B) | 00 |  ───►  | reply text (M bytes)      | 00 |
//   +----------------------+----+  ◄───  +---------------------------+----+
//
// One connection is one session: USE and other session state carry over between
// statements. TextClient sends a request and reads the reply up to the 0x00.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace minisql::cli {

class TextClient {
 public:
  /// Connects over TCP. Returns nullptr and sets *error when it cannot.
  static std::unique_ptr<TextClient> Connect(const std::string& host, uint16_t port,
                                             std::string* error);
  ~TextClient();
  TextClient(const TextClient&) = delete;
  TextClient& operator=(const TextClient&) = delete;

  /// Sends one statement and stores the server's reply (without the 0x00) in *reply.
  /// Returns false and sets *error when the connection failed; the client is then
  /// unusable.
  bool Execute(std::string_view statement, std::string* reply, std::string* error);

 private:
  explicit TextClient(int fd) : fd_(fd) {}

  int fd_;
  std::string buffer_;  // bytes received after the last reply's 0x00
};

}  // namespace minisql::cli
