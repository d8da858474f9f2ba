// like_matcher.h — the LIKE operator's pattern matching.
//
// '%' matches any run of characters (also none), '_' exactly one character, and the
// escape character (default '\') makes the next pattern character literal. Matching
// is per character (UTF-8 code point), case- and accent-insensitive under
// utf8mb4_general_ci; unlike '=', trailing spaces DO count.
#pragma once

#include <optional>
#include <string_view>

namespace minisql::sql {

/// True if `text` matches `pattern`. `escape` is the escape character, or nullopt for
/// none (ESCAPE ''). `binary` (either side a binary string, as MySQL decides): match
/// byte by byte, case-sensitively, '_' standing for one byte.
bool LikeMatch(std::string_view text, std::string_view pattern, std::optional<char32_t> escape,
               bool binary = false);

}  // namespace minisql::sql
