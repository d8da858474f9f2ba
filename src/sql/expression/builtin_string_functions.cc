// builtin_string_functions.cc — CONCAT, CONCAT_WS, LENGTH, CHAR_LENGTH, UPPER, LOWER,
// SUBSTRING, TRIM, LTRIM, RTRIM, REPLACE, LEFT, RIGHT.
//
// Positions and lengths count characters (UTF-8 code points), except LENGTH, which
// counts bytes, as in MySQL. Numbers given to string functions are used in their text
// form (CONCAT(1.50, 'x') = '1.50x').
#include "sql/expression/collation.h"
#include "sql/expression/conversion.h"
#include "sql/expression/function_registry.h"

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

Result<Value> Trim(const FunctionCall& call) {
  return TrimSpaces(call, TrimSide::kBoth);
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
    {"TRIM", 1, 1, true, Nullability::kFromArgs, FirstStringResult, Trim},
    {"LTRIM", 1, 1, true, Nullability::kFromArgs, FirstStringResult, Ltrim},
    {"RTRIM", 1, 1, true, Nullability::kFromArgs, FirstStringResult, Rtrim},
    {"REPLACE", 3, 3, true, Nullability::kFromArgs, ConcatResult, Replace},
};

}  // namespace

std::span<const FunctionDef> StringFunctions() {
  return kStringFunctions;
}

}  // namespace minisql::sql
