// protocol_handler.h — what a front end (MySQL protocol, text protocol) plugs into a Connection.
//
// A Connection moves bytes; a ProtocolHandler gives them meaning. Both methods run on
// a worker thread, one call at a time per connection, so a handler needs no locking of
// its own. A handler writes through Connection::Write (an OutputChannel) and ends the
// conversation with Connection::RequestClose.
#pragma once

#include <cstddef>
#include <string_view>

namespace minisql::net {

class ProtocolHandler {
 public:
  virtual ~ProtocolHandler() = default;

  /// Right after accept: send the greeting, or — when the server already has
  /// max_connections clients — an error, then request close.
  virtual void Start(bool over_capacity) = 0;

  /// Handles the request at the start of `input` if it is complete and returns the
  /// number of bytes it used; 0 means "incomplete, call again when more bytes came".
  virtual size_t HandleInput(std::string_view input) = 0;
};

}  // namespace minisql::net
