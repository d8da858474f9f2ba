// error_reply.h — recognising and re-labelling error replies of the text protocol.
//
// minisqld answers a failed statement with one line in the mysql client's format:
//
//   ERROR 1146 (42S02): Table 'shop.nope' doesn't exist
//
// In batch mode the CLI prints it to stderr with the script line added, exactly as
// `mysql` does, so that a failing line in a long script is easy to find:
//
//   ERROR 1146 (42S02) at line 12: Table 'shop.nope' doesn't exist
#pragma once

#include <string>
#include <string_view>

namespace minisql::cli {

/// True when the reply reports an error.
bool IsErrorReply(std::string_view reply);

/// The error reply with " at line N" inserted before the colon. A reply that does not
/// have the "ERROR <errno> (<sqlstate>):" shape is returned unchanged.
std::string WithLineNumber(std::string_view reply, int line);

/// True for the client commands that end the session: quit, exit, \q (optionally
/// followed by ';', surrounded by blanks, any letter case).
bool IsQuitCommand(std::string_view line);

}  // namespace minisql::cli
