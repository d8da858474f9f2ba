// keywords.cc — the SQL keywords the tokenizer recognises, and their lookup.
//
// A word is a keyword if it is in kKeywords (compared case-insensitively); its token
// type is then the keyword's own TK_ code instead of TK_ID. Whether a keyword is
// *reserved* is not decided here but in grammar.y: non-reserved keywords are listed
// in its `%fallback ID` so that they still work as table, column and alias names
// (a column called `status` or `date`). The table is sorted by name for binary
// search; keywords_test checks the order.
#include <algorithm>
#include <array>
#include <string_view>

#include "sql/parser/grammar.h"
#include "sql/parser/tokenizer.h"

namespace minisql::sql {
namespace {

struct Keyword {
  std::string_view name;  // upper case
  int type;
};

// Sorted by name (ASCII order), upper case.
constexpr std::array kKeywords = {
    Keyword{"ADD", TK_ADD},
    Keyword{"AFTER", TK_AFTER},
    Keyword{"ALGORITHM", TK_ALGORITHM},
    Keyword{"ALL", TK_ALL},
    Keyword{"ALTER", TK_ALTER},
    Keyword{"ANALYZE", TK_ANALYZE},
    Keyword{"AND", TK_AND},
    Keyword{"ANY", TK_ANY},
    Keyword{"AS", TK_AS},
    Keyword{"ASC", TK_ASC},
    Keyword{"AUTO_INCREMENT", TK_AUTO_INCREMENT},
    Keyword{"BEGIN", TK_BEGIN},
    Keyword{"BETWEEN", TK_BETWEEN},
    Keyword{"BIGINT", TK_BIGINT},
    Keyword{"BINARY", TK_BINARY},
    Keyword{"BLOB", TK_BLOB},
    Keyword{"BOOL", TK_BOOL},
    Keyword{"BOOLEAN", TK_BOOLEAN},
    Keyword{"BOTH", TK_BOTH},
    Keyword{"BY", TK_BY},
    Keyword{"CASCADE", TK_CASCADE},
    Keyword{"CASE", TK_CASE},
    Keyword{"CAST", TK_CAST},
    Keyword{"CHANGE", TK_CHANGE},
    Keyword{"CHAR", TK_CHAR},
    Keyword{"CHARACTER", TK_CHARACTER},
    Keyword{"CHARSET", TK_CHARSET},
    Keyword{"CHECK", TK_CHECK},
    Keyword{"COLLATE", TK_COLLATE},
    Keyword{"COLLATION", TK_COLLATION},
    Keyword{"COLUMN", TK_COLUMN},
    Keyword{"COLUMNS", TK_COLUMNS},
    Keyword{"COMMENT", TK_COMMENT},
    Keyword{"COMMIT", TK_COMMIT},
    Keyword{"COMMITTED", TK_COMMITTED},
    Keyword{"CONNECTION", TK_CONNECTION},
    Keyword{"CONSISTENT", TK_CONSISTENT},
    Keyword{"CONSTRAINT", TK_CONSTRAINT},
    Keyword{"CONVERT", TK_CONVERT},
    Keyword{"CREATE", TK_CREATE},
    Keyword{"CROSS", TK_CROSS},
    Keyword{"CURRENT", TK_CURRENT},
    Keyword{"CURRENT_DATE", TK_CURRENT_DATE},
    Keyword{"CURRENT_TIME", TK_CURRENT_TIME},
    Keyword{"CURRENT_TIMESTAMP", TK_CURRENT_TIMESTAMP},
    Keyword{"CURRENT_USER", TK_CURRENT_USER},
    Keyword{"DATABASE", TK_DATABASE},
    Keyword{"DATABASES", TK_DATABASES},
    Keyword{"DATE", TK_DATE},
    Keyword{"DATETIME", TK_DATETIME},
    Keyword{"DEALLOCATE", TK_DEALLOCATE},
    Keyword{"DEC", TK_DEC},
    Keyword{"DECIMAL", TK_DECIMAL},
    Keyword{"DEFAULT", TK_DEFAULT},
    Keyword{"DEFINER", TK_DEFINER},
    Keyword{"DELETE", TK_DELETE},
    Keyword{"DESC", TK_DESC},
    Keyword{"DESCRIBE", TK_DESCRIBE},
    Keyword{"DISABLE", TK_DISABLE},
    Keyword{"DISTINCT", TK_DISTINCT},
    Keyword{"DIV", TK_DIV},
    Keyword{"DOUBLE", TK_DOUBLE},
    Keyword{"DROP", TK_DROP},
    Keyword{"DUAL", TK_DUAL},
    Keyword{"DUPLICATE", TK_DUPLICATE},
    Keyword{"ELSE", TK_ELSE},
    Keyword{"ENABLE", TK_ENABLE},
    Keyword{"END", TK_END},
    Keyword{"ENGINE", TK_ENGINE},
    Keyword{"ENGINES", TK_ENGINES},
    Keyword{"ERRORS", TK_ERRORS},
    Keyword{"ESCAPE", TK_ESCAPE},
    Keyword{"EXCEPT", TK_EXCEPT},
    Keyword{"EXECUTE", TK_EXECUTE},
    Keyword{"EXISTS", TK_EXISTS},
    Keyword{"EXPLAIN", TK_EXPLAIN},
    Keyword{"FALSE", TK_FALSE},
    Keyword{"FIELDS", TK_FIELDS},
    Keyword{"FIRST", TK_FIRST},
    Keyword{"FLOAT", TK_FLOAT},
    Keyword{"FOLLOWING", TK_FOLLOWING},
    Keyword{"FOR", TK_FOR},
    Keyword{"FOREIGN", TK_FOREIGN},
    Keyword{"FROM", TK_FROM},
    Keyword{"FULL", TK_FULL},
    Keyword{"FULLTEXT", TK_FULLTEXT},
    Keyword{"GLOBAL", TK_GLOBAL},
    Keyword{"GRANT", TK_GRANT},
    Keyword{"GRANTS", TK_GRANTS},
    Keyword{"GROUP", TK_GROUP},
    Keyword{"HAVING", TK_HAVING},
    Keyword{"IDENTIFIED", TK_IDENTIFIED},
    Keyword{"IF", TK_IF},
    Keyword{"IGNORE", TK_IGNORE},
    Keyword{"IN", TK_IN},
    Keyword{"INDEX", TK_INDEX},
    Keyword{"INDEXES", TK_INDEXES},
    Keyword{"INNER", TK_INNER},
    Keyword{"INSERT", TK_INSERT},
    Keyword{"INT", TK_INT},
    Keyword{"INTEGER", TK_INTEGER_KW},
    Keyword{"INTERSECT", TK_INTERSECT},
    Keyword{"INTERVAL", TK_INTERVAL},
    Keyword{"INTO", TK_INTO},
    Keyword{"INVOKER", TK_INVOKER},
    Keyword{"IS", TK_IS},
    Keyword{"ISOLATION", TK_ISOLATION},
    Keyword{"JOIN", TK_JOIN},
    Keyword{"KEY", TK_KEY},
    Keyword{"KEYS", TK_KEYS},
    Keyword{"KILL", TK_KILL},
    Keyword{"LEADING", TK_LEADING},
    Keyword{"LEFT", TK_LEFT},
    Keyword{"LEVEL", TK_LEVEL},
    Keyword{"LIKE", TK_LIKE},
    Keyword{"LIMIT", TK_LIMIT},
    Keyword{"LOCAL", TK_LOCAL},
    Keyword{"LOCK", TK_LOCK},
    Keyword{"LONGBLOB", TK_LONGBLOB},
    Keyword{"LONGTEXT", TK_LONGTEXT},
    Keyword{"MEDIUMBLOB", TK_MEDIUMBLOB},
    Keyword{"MEDIUMINT", TK_MEDIUMINT},
    Keyword{"MEDIUMTEXT", TK_MEDIUMTEXT},
    Keyword{"MOD", TK_MOD},
    Keyword{"MODE", TK_MODE},
    Keyword{"MODIFY", TK_MODIFY},
    Keyword{"NAMES", TK_NAMES},
    Keyword{"NATURAL", TK_NATURAL},
    Keyword{"NOT", TK_NOT},
    Keyword{"NULL", TK_NULL},
    Keyword{"NUMERIC", TK_NUMERIC},
    Keyword{"OFFSET", TK_OFFSET},
    Keyword{"ON", TK_ON},
    Keyword{"ONLY", TK_ONLY},
    Keyword{"OR", TK_OR},
    Keyword{"ORDER", TK_ORDER},
    Keyword{"OUTER", TK_OUTER},
    Keyword{"OVER", TK_OVER},
    Keyword{"PARTITION", TK_PARTITION},
    Keyword{"PASSWORD", TK_PASSWORD},
    Keyword{"POSITION", TK_POSITION},
    Keyword{"PRECEDING", TK_PRECEDING},
    Keyword{"PRECISION", TK_PRECISION},
    Keyword{"PREPARE", TK_PREPARE},
    Keyword{"PRIMARY", TK_PRIMARY},
    Keyword{"PROCESSLIST", TK_PROCESSLIST},
    Keyword{"QUERY", TK_QUERY},
    Keyword{"RANGE", TK_RANGE},
    Keyword{"READ", TK_READ},
    Keyword{"REAL", TK_REAL},
    Keyword{"RECURSIVE", TK_RECURSIVE},
    Keyword{"REFERENCES", TK_REFERENCES},
    Keyword{"RELEASE", TK_RELEASE},
    Keyword{"RENAME", TK_RENAME},
    Keyword{"REPEATABLE", TK_REPEATABLE},
    Keyword{"REPLACE", TK_REPLACE},
    Keyword{"RESTRICT", TK_RESTRICT},
    Keyword{"REVOKE", TK_REVOKE},
    Keyword{"RIGHT", TK_RIGHT},
    Keyword{"ROLLBACK", TK_ROLLBACK},
    Keyword{"ROW", TK_ROW},
    Keyword{"ROWS", TK_ROWS},
    Keyword{"ROW_FORMAT", TK_ROW_FORMAT},
    Keyword{"SAVEPOINT", TK_SAVEPOINT},
    Keyword{"SCHEMA", TK_SCHEMA},
    Keyword{"SCHEMAS", TK_SCHEMAS},
    Keyword{"SECURITY", TK_SECURITY},
    Keyword{"SELECT", TK_SELECT},
    Keyword{"SEPARATOR", TK_SEPARATOR},
    Keyword{"SERIAL", TK_SERIAL},
    Keyword{"SERIALIZABLE", TK_SERIALIZABLE},
    Keyword{"SESSION", TK_SESSION},
    Keyword{"SET", TK_SET},
    Keyword{"SHARE", TK_SHARE},
    Keyword{"SHOW", TK_SHOW},
    Keyword{"SIGNED", TK_SIGNED},
    Keyword{"SMALLINT", TK_SMALLINT},
    Keyword{"SNAPSHOT", TK_SNAPSHOT},
    Keyword{"SOME", TK_SOME},
    Keyword{"SQL", TK_SQL},
    Keyword{"SQL_CACHE", TK_SQL_CACHE},
    Keyword{"SQL_CALC_FOUND_ROWS", TK_SQL_CALC_FOUND_ROWS},
    Keyword{"SQL_NO_CACHE", TK_SQL_NO_CACHE},
    Keyword{"START", TK_START},
    Keyword{"STATUS", TK_STATUS},
    Keyword{"STORAGE", TK_STORAGE},
    Keyword{"TABLE", TK_TABLE},
    Keyword{"TABLES", TK_TABLES},
    Keyword{"TEMPORARY", TK_TEMPORARY},
    Keyword{"TEXT", TK_TEXT},
    Keyword{"THEN", TK_THEN},
    Keyword{"TIME", TK_TIME},
    Keyword{"TIMESTAMP", TK_TIMESTAMP},
    Keyword{"TINYBLOB", TK_TINYBLOB},
    Keyword{"TINYINT", TK_TINYINT},
    Keyword{"TINYTEXT", TK_TINYTEXT},
    Keyword{"TO", TK_TO},
    Keyword{"TRAILING", TK_TRAILING},
    Keyword{"TRANSACTION", TK_TRANSACTION},
    Keyword{"TRUE", TK_TRUE},
    Keyword{"TRUNCATE", TK_TRUNCATE},
    Keyword{"UNBOUNDED", TK_UNBOUNDED},
    Keyword{"UNCOMMITTED", TK_UNCOMMITTED},
    Keyword{"UNION", TK_UNION},
    Keyword{"UNIQUE", TK_UNIQUE},
    Keyword{"UNKNOWN", TK_UNKNOWN},
    Keyword{"UNLOCK", TK_UNLOCK},
    Keyword{"UNSIGNED", TK_UNSIGNED},
    Keyword{"UPDATE", TK_UPDATE},
    Keyword{"USE", TK_USE},
    Keyword{"USER", TK_USER},
    Keyword{"USING", TK_USING},
    Keyword{"VALUE", TK_VALUE},
    Keyword{"VALUES", TK_VALUES},
    Keyword{"VARBINARY", TK_VARBINARY},
    Keyword{"VARCHAR", TK_VARCHAR},
    Keyword{"VARIABLES", TK_VARIABLES},
    Keyword{"VIEW", TK_VIEW},
    Keyword{"WARNINGS", TK_WARNINGS},
    Keyword{"WHEN", TK_WHEN},
    Keyword{"WHERE", TK_WHERE},
    Keyword{"WINDOW", TK_WINDOW},
    Keyword{"WITH", TK_WITH},
    Keyword{"WORK", TK_WORK},
    Keyword{"WRITE", TK_WRITE},
    Keyword{"XOR", TK_XOR},
    Keyword{"YEAR", TK_YEAR},
    Keyword{"ZEROFILL", TK_ZEROFILL},
};

/// ASCII upper case. Keywords are ASCII; unlike std::toupper (a library call per
/// character, locale-dependent) this inlines, and every word of every statement passes here.
constexpr int AsciiUpper(unsigned char c) {
  return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/// strcmp-like comparison of an upper-case keyword with a word in any case.
int CompareUpper(std::string_view keyword, std::string_view word) {
  size_t n = std::min(keyword.size(), word.size());
  for (size_t i = 0; i < n; i++) {
    int a = static_cast<unsigned char>(keyword[i]);
    int b = AsciiUpper(static_cast<unsigned char>(word[i]));
    if (a != b) return a < b ? -1 : 1;
  }
  if (keyword.size() == word.size()) return 0;
  return keyword.size() < word.size() ? -1 : 1;
}

constexpr bool IsSorted() {
  for (size_t i = 1; i < kKeywords.size(); i++) {
    if (!(kKeywords[i - 1].name < kKeywords[i].name)) return false;
  }
  return true;
}
static_assert(IsSorted(), "kKeywords must be sorted for binary search");

constexpr size_t LongestKeyword() {
  size_t longest = 0;
  for (const Keyword& k : kKeywords) longest = std::max(longest, k.name.size());
  return longest;
}

}  // namespace

int LookupKeyword(std::string_view word) {
  // Words longer than every keyword cannot match.
  if (word.size() > LongestKeyword()) return TK_ID;
  size_t lo = 0;
  size_t hi = kKeywords.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int cmp = CompareUpper(kKeywords[mid].name, word);
    if (cmp == 0) return kKeywords[mid].type;
    if (cmp < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return TK_ID;
}

bool IsKeywordToken(int type) {
  return std::any_of(kKeywords.begin(), kKeywords.end(),
                     [type](const Keyword& k) { return k.type == type; });
}

}  // namespace minisql::sql
