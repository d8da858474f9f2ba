// client_charset.h — which character sets a connection speaks, decided by the session.
//
// minisql stores and computes in UTF-8 only. A MySQL client may speak another character
// set (types/charset.h); three session variables say which, as in MySQL:
//
//   variable                   set by                               used for
//   character_set_client       handshake byte, SET NAMES,           the bytes of queries,
//                              SET CHARACTER SET, SET ...=x         names and parameters
//   character_set_results      the same; NULL = no conversion       result text, column
//                                                                   names, error messages
//   character_set_connection,  handshake byte, SET NAMES            reported only: literals
//   collation_connection                                            are UTF-8 inside
//
// The session decides; the MySQL front end (net/mysql/) converts where it reads and
// writes bytes. The result metadata the session builds already names the results set
// (ResultsCollationId), so the front end converts each value to the set of its column
// definition. The text protocol (net/text/) is UTF-8 only and never converts.
//
// Query text is converted as a whole, except the string literal after a `_binary`
// introducer, whose bytes are kept as sent (`_binary'\xE9'` stays one byte E9): a driver
// sends byte arrays that way whatever its character set.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "types/charset.h"

namespace minisql {

class SessionState;

/// @@character_set_client (utf8mb4 if unset or unknown).
CharacterSet ClientCharacterSet(const SessionState& state);
/// @@character_set_results; nullopt when it is NULL (results go out as stored, UTF-8).
std::optional<CharacterSet> ResultsCharacterSet(const SessionState& state);
/// The collation id that result column definitions carry for text: the default
/// collation of character_set_results (utf8mb4_general_ci when it is NULL).
uint16_t ResultsCollationId(const SessionState& state);

/// Sets character_set_client, _connection, _results and collation_connection to `set`
/// (`collation` names the collation; "" = the set's default), as SET NAMES does.
Status SetNames(SessionState* state, CharacterSet set, std::string_view collation = "");

/// `sql` (bytes in `client`) as UTF-8, the `_binary` literals kept as sent. 1300
/// ER_INVALID_CHARACTER_STRING if it holds a byte that is no character of `client`.
Result<std::string> QueryTextToUtf8(CharacterSet client, std::string_view sql);
/// A name or value in `client` (COM_INIT_DB, COM_FIELD_LIST, string parameters) as
/// UTF-8; 1300 as above.
Result<std::string> ClientTextToUtf8(CharacterSet client, std::string_view text);

}  // namespace minisql
