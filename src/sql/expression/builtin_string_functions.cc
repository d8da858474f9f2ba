// builtin_string_functions.cc — CONCAT, CONCAT_WS, LENGTH, CHAR_LENGTH, UPPER, LOWER,
// SUBSTRING, TRIM, LTRIM, RTRIM, REPLACE, LEFT, RIGHT, LPAD, RPAD, REPEAT, REVERSE,
// INSTR, LOCATE/POSITION.
//
// Positions and lengths count characters (UTF-8 code points), except LENGTH, which
// counts bytes, as in MySQL. Numbers given to string functions are used in their text
// form (CONCAT(1.50, 'x') = '1.50x'). Searching (INSTR, LOCATE) compares under the
// default collation, so LOCATE('B', 'abc') = 2; REPLACE matches bytes exactly, as
// MySQL's does. The special syntaxes SUBSTRING(s FROM p FOR n), TRIM(LEADING x FROM s)
// and POSITION(x IN s) are rewritten by the parser into the plain calls here
// (TRIM with a side becomes TRIM_LEADING / TRIM_TRAILING / TRIM_BOTH).
#include <algorithm>

#include "sql/expression/collation.h"
#include "sql/expression/conversion.h"
#include "sql/expression/function_registry.h"
#include "sql/expression/result_types.h"
#include "types/charset.h"

namespace minisql::sql {
namespace {

/// Evaluates argument i as text (the null_in_null_out rows never see NULL here).
Result<std::string> TextArg(const FunctionCall& call, size_t i) {
  Result<Value> v = call.Arg(i);
  if (!v.ok()) return v.status();
  return AsString(*v);
}

Result<int64_t> IntArg(const FunctionCall& call, size_t i) {
  Result<Value> v = call.Arg(i);
  if (!v.ok()) return v.status();
  return ToInt(*v, call.what());
}

Result<Value> Concat(const FunctionCall& call) {
  std::string out;
  for (size_t i = 0; i < call.arg_count(); ++i) {
    Result<std::string> s = TextArg(call, i);
    if (!s.ok()) return s.status();
    out += *s;
  }
  return Value::String(std::move(out));
}

/// CONCAT_WS(separator, a, b, ...) skips NULL arguments; a NULL separator gives NULL.
Result<Value> ConcatWs(const FunctionCall& call) {
  Result<Value> sep = call.Arg(0);
  if (!sep.ok() || sep->is_null()) return sep;
  std::string out;
  bool first = true;
  for (size_t i = 1; i < call.arg_count(); ++i) {
    Result<Value> v = call.Arg(i);
    if (!v.ok()) return v;
    if (v->is_null()) continue;
    if (!first) out += AsString(*sep);
    out += AsString(*v);
    first = false;
  }
  return Value::String(std::move(out));
}

Result<Value> Length(const FunctionCall& call) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  return Value::Int(static_cast<int64_t>(s->size()));
}

Result<Value> CharLength(const FunctionCall& call) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  return Value::Int(static_cast<int64_t>(Utf8Length(*s)));
}

Result<Value> Upper(const FunctionCall& call) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  return Value::String(ToUpperUtf8(*s));
}

Result<Value> Lower(const FunctionCall& call) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  return Value::String(ToLowerUtf8(*s));
}

/// The characters [start, start + count) of s (clamped to the string).
std::string CharSlice(const std::string& s, int64_t start, int64_t count) {
  int64_t length = static_cast<int64_t>(Utf8Length(s));
  if (start < 0 || start >= length || count <= 0) return "";
  if (count > length - start) count = length - start;
  size_t from = Utf8Offset(s, static_cast<size_t>(start));
  size_t to = Utf8Offset(s, static_cast<size_t>(start + count));
  return s.substr(from, to - from);
}

/// SUBSTRING(s, pos [, len]): pos is 1-based, negative counts from the end, 0 gives ''.
Result<Value> Substring(const FunctionCall& call) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  Result<int64_t> pos = IntArg(call, 1);
  if (!pos.ok()) return pos.status();
  int64_t count = INT64_MAX;
  if (call.arg_count() == 3) {
    Result<int64_t> len = IntArg(call, 2);
    if (!len.ok()) return len.status();
    count = *len;
  }
  int64_t length = static_cast<int64_t>(Utf8Length(*s));
  int64_t start;
  if (*pos > 0) {
    start = *pos - 1;
  } else if (*pos < 0 && -*pos <= length) {
    start = length + *pos;
  } else {
    return Value::String("");
  }
  return Value::String(CharSlice(*s, start, count));
}

Result<Value> Left(const FunctionCall& call) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  Result<int64_t> n = IntArg(call, 1);
  if (!n.ok()) return n.status();
  return Value::String(CharSlice(*s, 0, *n));
}

Result<Value> Right(const FunctionCall& call) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  Result<int64_t> n = IntArg(call, 1);
  if (!n.ok()) return n.status();
  int64_t length = static_cast<int64_t>(Utf8Length(*s));
  if (*n <= 0) return Value::String("");
  int64_t start = *n >= length ? 0 : length - *n;
  return Value::String(CharSlice(*s, start, *n));
}

enum class TrimSide { kBoth, kLeading, kTrailing };

Result<Value> TrimSpaces(const FunctionCall& call, TrimSide side) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  size_t begin = 0, end = s->size();
  if (side != TrimSide::kTrailing) {
    while (begin < end && (*s)[begin] == ' ') ++begin;
  }
  if (side != TrimSide::kLeading) {
    while (end > begin && (*s)[end - 1] == ' ') --end;
  }
  return Value::String(s->substr(begin, end - begin));
}

/// TRIM([side] remove FROM s): strips whole repetitions of `remove` (not single
/// characters), as MySQL does: TRIM(BOTH 'xy' FROM 'xyaxy') = 'a'. The parser passes
/// the string first and the remove string second.
Result<Value> TrimString(const FunctionCall& call, TrimSide side) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  Result<std::string> remove = TextArg(call, 1);
  if (!remove.ok()) return remove.status();
  if (remove->empty()) return Value::String(*s);
  size_t begin = 0, end = s->size();
  const size_t n = remove->size();
  if (side != TrimSide::kTrailing) {
    while (end - begin >= n && s->compare(begin, n, *remove) == 0) begin += n;
  }
  if (side != TrimSide::kLeading) {
    while (end - begin >= n && s->compare(end - n, n, *remove) == 0) end -= n;
  }
  return Value::String(s->substr(begin, end - begin));
}

Result<Value> Trim(const FunctionCall& call) {
  if (call.arg_count() == 2) return TrimString(call, TrimSide::kBoth);
  return TrimSpaces(call, TrimSide::kBoth);
}
Result<Value> TrimLeading(const FunctionCall& call) {
  return TrimString(call, TrimSide::kLeading);
}
Result<Value> TrimTrailing(const FunctionCall& call) {
  return TrimString(call, TrimSide::kTrailing);
}
Result<Value> Ltrim(const FunctionCall& call) {
  return TrimSpaces(call, TrimSide::kLeading);
}
Result<Value> Rtrim(const FunctionCall& call) {
  return TrimSpaces(call, TrimSide::kTrailing);
}

/// REPLACE(s, from, to): every occurrence, matched byte for byte (case-sensitive).
Result<Value> Replace(const FunctionCall& call) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  Result<std::string> from = TextArg(call, 1);
  if (!from.ok()) return from.status();
  Result<std::string> to = TextArg(call, 2);
  if (!to.ok()) return to.status();
  if (from->empty()) return Value::String(*s);
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t hit = s->find(*from, pos);
    if (hit == std::string::npos) break;
    out.append(*s, pos, hit - pos);
    out += *to;
    pos = hit + from->size();
  }
  out.append(*s, pos, std::string::npos);
  return Value::String(std::move(out));
}

/// Results longer than max_allowed_packet are NULL in MySQL (with a warning); we use
/// its default, 16 MB, so that LPAD('x', 1e12, 'y') cannot exhaust memory.
constexpr int64_t kMaxResultBytes = 16 * 1024 * 1024;

/// LPAD(s, n, pad) / RPAD: s cut or padded (by repeating pad) to n characters; an
/// empty pad that would be needed gives NULL, a negative n gives NULL.
Result<Value> Pad(const FunctionCall& call, bool left) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  Result<int64_t> n = IntArg(call, 1);
  if (!n.ok()) return n.status();
  Result<std::string> pad = TextArg(call, 2);
  if (!pad.ok()) return pad.status();
  if (*n < 0 || *n > kMaxResultBytes) return Value::Null();
  int64_t length = static_cast<int64_t>(Utf8Length(*s));
  if (*n <= length) return Value::String(CharSlice(*s, 0, *n));
  if (pad->empty()) return Value::Null();
  int64_t missing = *n - length;
  int64_t pad_chars = static_cast<int64_t>(Utf8Length(*pad));
  std::string fill;
  while (missing >= pad_chars) {
    fill += *pad;
    missing -= pad_chars;
  }
  fill += CharSlice(*pad, 0, missing);
  return Value::String(left ? fill + *s : *s + fill);
}
Result<Value> Lpad(const FunctionCall& call) {
  return Pad(call, true);
}
Result<Value> Rpad(const FunctionCall& call) {
  return Pad(call, false);
}

/// REPEAT(s, n): s n times; n <= 0 gives ''.
Result<Value> Repeat(const FunctionCall& call) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  Result<int64_t> n = IntArg(call, 1);
  if (!n.ok()) return n.status();
  if (*n <= 0 || s->empty()) return Value::String("");
  if (static_cast<uint64_t>(*n) > static_cast<uint64_t>(kMaxResultBytes) / s->size()) {
    return Value::Null();
  }
  std::string out;
  out.reserve(s->size() * static_cast<size_t>(*n));
  for (int64_t i = 0; i < *n; ++i) out += *s;
  return Value::String(std::move(out));
}

/// REVERSE(s): the characters in reverse order (not the bytes).
Result<Value> Reverse(const FunctionCall& call) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  std::vector<char32_t> chars = DecodeUtf8(*s);
  std::reverse(chars.begin(), chars.end());
  std::string out;
  for (char32_t c : chars) AppendUtf8(c, &out);
  return Value::String(std::move(out));
}

/// The 1-based character position of `needle` in `haystack` at or after character
/// `from` (0-based), comparing collation weights; 0 if absent.
int64_t FindCharacters(const std::string& haystack, const std::string& needle, int64_t from) {
  std::vector<char32_t> h = DecodeUtf8(haystack);
  std::vector<char32_t> n = DecodeUtf8(needle);
  for (char32_t& c : h) c = CollationWeight(c);
  for (char32_t& c : n) c = CollationWeight(c);
  if (from < 0 || from > static_cast<int64_t>(h.size())) return 0;
  auto hit = std::search(h.begin() + from, h.end(), n.begin(), n.end());
  if (hit == h.end() && !n.empty()) return 0;
  return (hit - h.begin()) + 1;
}

/// INSTR(s, sub).
Result<Value> Instr(const FunctionCall& call) {
  Result<std::string> s = TextArg(call, 0);
  if (!s.ok()) return s.status();
  Result<std::string> sub = TextArg(call, 1);
  if (!sub.ok()) return sub.status();
  return Value::Int(FindCharacters(*s, *sub, 0));
}

/// LOCATE(sub, s [, pos]) and POSITION(sub IN s): note the argument order is the
/// reverse of INSTR's. A start position below 1 finds nothing.
Result<Value> Locate(const FunctionCall& call) {
  Result<std::string> sub = TextArg(call, 0);
  if (!sub.ok()) return sub.status();
  Result<std::string> s = TextArg(call, 1);
  if (!s.ok()) return s.status();
  int64_t from = 0;
  if (call.arg_count() == 3) {
    Result<int64_t> pos = IntArg(call, 2);
    if (!pos.ok()) return pos.status();
    if (*pos < 1) return Value::Int(0);
    from = *pos - 1;
  }
  return Value::Int(FindCharacters(*s, *sub, from));
}

/// LPAD/RPAD: as long as the constant target length, else as long as MySQL allows.
ColumnType PadResult(const std::vector<ExpressionPtr>& args) {
  std::optional<int64_t> n = ConstantInt(*args[1]);
  if (!n) return VarcharType(static_cast<uint32_t>(kMaxResultBytes));
  return VarcharType(static_cast<uint32_t>(std::clamp<int64_t>(*n, 0, kMaxResultBytes)));
}

/// REPEAT: the first argument's length times a constant count.
ColumnType RepeatResult(const std::vector<ExpressionPtr>& args) {
  std::optional<int64_t> n = ConstantInt(*args[1]);
  if (!n) return VarcharType(static_cast<uint32_t>(kMaxResultBytes));
  int64_t chars = static_cast<int64_t>(FirstStringResult(args).length) * std::max<int64_t>(*n, 0);
  return VarcharType(static_cast<uint32_t>(std::min<int64_t>(chars, kMaxResultBytes)));
}

/// INSTR and LOCATE answer INT(11), as in MySQL.
ColumnType PositionResult(const std::vector<ExpressionPtr>&) {
  return MakeType(TypeId::kInt, 11);
}

constexpr FunctionDef kStringFunctions[] = {
    {"CONCAT", 1, kVariadic, true, Nullability::kFromArgs, ConcatResult, Concat},
    {"CONCAT_WS", 2, kVariadic, false, Nullability::kAlways, ConcatResult, ConcatWs},
    {"LENGTH", 1, 1, true, Nullability::kFromArgs, BigIntResult, Length},
    {"OCTET_LENGTH", 1, 1, true, Nullability::kFromArgs, BigIntResult, Length},
    {"CHAR_LENGTH", 1, 1, true, Nullability::kFromArgs, BigIntResult, CharLength},
    {"CHARACTER_LENGTH", 1, 1, true, Nullability::kFromArgs, BigIntResult, CharLength},
    {"UPPER", 1, 1, true, Nullability::kFromArgs, FirstStringResult, Upper},
    {"UCASE", 1, 1, true, Nullability::kFromArgs, FirstStringResult, Upper},
    {"LOWER", 1, 1, true, Nullability::kFromArgs, FirstStringResult, Lower},
    {"LCASE", 1, 1, true, Nullability::kFromArgs, FirstStringResult, Lower},
    {"SUBSTRING", 2, 3, true, Nullability::kFromArgs, FirstStringResult, Substring},
    {"SUBSTR", 2, 3, true, Nullability::kFromArgs, FirstStringResult, Substring},
    {"MID", 3, 3, true, Nullability::kFromArgs, FirstStringResult, Substring},
    {"LEFT", 2, 2, true, Nullability::kFromArgs, FirstStringResult, Left},
    {"RIGHT", 2, 2, true, Nullability::kFromArgs, FirstStringResult, Right},
    {"TRIM", 1, 2, true, Nullability::kFromArgs, FirstStringResult, Trim},
    {"TRIM_LEADING", 2, 2, true, Nullability::kFromArgs, FirstStringResult, TrimLeading},
    {"TRIM_TRAILING", 2, 2, true, Nullability::kFromArgs, FirstStringResult, TrimTrailing},
    {"LTRIM", 1, 1, true, Nullability::kFromArgs, FirstStringResult, Ltrim},
    {"RTRIM", 1, 1, true, Nullability::kFromArgs, FirstStringResult, Rtrim},
    {"REPLACE", 3, 3, true, Nullability::kFromArgs, ConcatResult, Replace},
    {"LPAD", 3, 3, true, Nullability::kAlways, PadResult, Lpad},
    {"RPAD", 3, 3, true, Nullability::kAlways, PadResult, Rpad},
    {"REPEAT", 2, 2, true, Nullability::kAlways, RepeatResult, Repeat},
    {"REVERSE", 1, 1, true, Nullability::kFromArgs, FirstStringResult, Reverse},
    {"INSTR", 2, 2, true, Nullability::kFromArgs, PositionResult, Instr},
    {"LOCATE", 2, 3, true, Nullability::kFromArgs, PositionResult, Locate},
};

}  // namespace

std::span<const FunctionDef> StringFunctions() {
  return kStringFunctions;
}

}  // namespace minisql::sql
