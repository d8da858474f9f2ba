// client_charset.cc — see client_charset.h. Also the Session methods that expose the
// connection's character sets to the front end (declared in session.h).
#include "session/client_charset.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "session/session.h"
#include "session/session_state.h"
#include "sql/parser/grammar.h"
#include "sql/parser/tokenizer.h"

namespace minisql {
namespace {

std::optional<CharacterSet> VariableCharacterSet(const SessionState& state, const char* name) {
  Result<Value> value = state.SystemVariable(name, "");
  if (!value.ok() || value->is_null()) return std::nullopt;
  return CharacterSetByName(value->ToText());
}

/// 1300 for a byte of `text` at `offset` that `set` does not have: the bytes from there
/// in hex, as MySQL shows them ("Invalid ascii character string: 'E962'").
Status InvalidCharacters(CharacterSet set, std::string_view text, size_t offset) {
  std::string hex;
  for (size_t i = offset; i < text.size() && i < offset + 16; ++i) {
    char digits[3];
    std::snprintf(digits, sizeof(digits), "%02X", static_cast<unsigned char>(text[i]));
    hex += digits;
  }
  std::string name(CharacterSetName(set));
  return Status::Error(ErrorCode::kInvalidCharacterString, name.c_str(), hex.c_str());
}

bool IsBinaryIntroducer(std::string_view word) {
  if (word.size() != 7) return false;
  static constexpr std::string_view kBinary = "_binary";
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) != kBinary[i]) return false;
  }
  return true;
}

}  // namespace

CharacterSet ClientCharacterSet(const SessionState& state) {
  return VariableCharacterSet(state, "character_set_client").value_or(kServerCharacterSet);
}

std::optional<CharacterSet> ResultsCharacterSet(const SessionState& state) {
  return VariableCharacterSet(state, "character_set_results");
}

uint16_t ResultsCollationId(const SessionState& state) {
  return DefaultCollationId(ResultsCharacterSet(state).value_or(kServerCharacterSet));
}

Status SetNames(SessionState* state, CharacterSet set, std::string_view collation) {
  Value name = Value::String(std::string(CharacterSetName(set)));
  MINISQL_RETURN_IF_ERROR(state->SetSystemVariable("character_set_client", "", &name));
  MINISQL_RETURN_IF_ERROR(state->SetSystemVariable("character_set_connection", "", &name));
  MINISQL_RETURN_IF_ERROR(state->SetSystemVariable("character_set_results", "", &name));
  Value collation_name =
      Value::String(std::string(collation.empty() ? DefaultCollationName(set) : collation));
  return state->SetSystemVariable("collation_connection", "", &collation_name);
}

Result<std::string> ClientTextToUtf8(CharacterSet client, std::string_view text) {
  size_t bad = 0;
  std::optional<std::string> utf8 = ToUtf8(client, text, &bad);
  if (!utf8) return InvalidCharacters(client, text, bad);
  return std::move(*utf8);
}

Result<std::string> QueryTextToUtf8(CharacterSet client, std::string_view sql) {
  if (client != CharacterSet::kLatin1 && client != CharacterSet::kAscii) return std::string(sql);
  // Token by token: the tokenizer only looks at ASCII bytes to find token boundaries,
  // and latin1/ascii share ASCII, so the boundaries are those of the converted text.
  std::string out;
  out.reserve(sql.size() + sql.size() / 8);
  bool after_binary_introducer = false;
  size_t pos = 0;
  while (pos < sql.size()) {
    int type = 0;
    size_t length = std::max<size_t>(1, sql::GetToken(sql.substr(pos), &type));
    std::string_view token = sql.substr(pos, length);
    if (type == TK_STRING && after_binary_introducer) {
      out.append(token);  // bytes, not text: kept as sent
    } else {
      size_t bad = 0;
      std::optional<std::string> utf8 = ToUtf8(client, token, &bad);
      if (!utf8) return InvalidCharacters(client, sql, pos + bad);
      out += *utf8;
    }
    if (type == TK_ID) {
      after_binary_introducer = IsBinaryIntroducer(token);
    } else if (type != TK_SPACE && type != TK_SKIPPED_COMMENT) {
      after_binary_introducer = false;
    }
    pos += length;
  }
  return out;
}

// --- Session ---------------------------------------------------------------------------

CharacterSet Session::client_charset() const {
  return ClientCharacterSet(*state_);
}

std::optional<CharacterSet> Session::results_charset() const {
  return ResultsCharacterSet(*state_);
}

void Session::SetClientCollation(uint16_t collation_id) {
  std::optional<CharacterSet> set = CharacterSetOfCollation(collation_id);
  // An id minisql does not know selects the server default, as in MySQL.
  std::string_view name = set ? CollationName(collation_id) : "";
  (void)SetNames(state_.get(), set.value_or(kServerCharacterSet), name);
}

}  // namespace minisql
