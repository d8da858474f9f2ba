// builtin_binary_functions.cc — HEX and UNHEX, the bridge between byte strings and text.
//
// HEX(s) spells each byte of a string as two upper-case hex digits ('AB' -> '4142'); a
// number is spelled as the hex of its integer value (HEX(255) = 'FF'), as in MySQL.
// UNHEX(s) reads pairs of hex digits back into bytes, gives a binary string (VARBINARY,
// compared byte by byte) and is NULL when the text is not hex. An odd count of digits
// reads as if a leading '0' were there (UNHEX('141') = 0x0141).
#include "sql/expression/conversion.h"
#include "sql/expression/function_registry.h"

namespace minisql::sql {
namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<Value> Hex(const FunctionCall& call) {
  Result<Value> v = call.Arg(0);
  if (!v.ok()) return v;
  std::string out;
  if (v->kind() == Value::Kind::kString) {
    for (unsigned char byte : v->string_value()) {
      out.push_back(kHexDigits[byte >> 4]);
      out.push_back(kHexDigits[byte & 0x0f]);
    }
    return Value::String(std::move(out));
  }
  uint64_t bits = 0;
  if (v->kind() == Value::Kind::kUInt) {
    bits = v->uint_value();
  } else {
    Result<int64_t> number = ToInt(*v, call.what());
    if (!number.ok()) return number.status();
    // Negative numbers print as their 64-bit two's complement (HEX(-1) = 'FFFFFFFFFFFFFFFF').
    bits = static_cast<uint64_t>(*number);
  }
  do {
    out.insert(out.begin(), kHexDigits[bits & 0x0f]);
    bits >>= 4;
  } while (bits != 0);
  return Value::String(std::move(out));
}

Result<Value> Unhex(const FunctionCall& call) {
  Result<Value> v = call.Arg(0);
  if (!v.ok()) return v;
  std::string digits = AsString(*v);
  if (digits.size() % 2 != 0) digits.insert(digits.begin(), '0');
  std::string bytes;
  bytes.reserve(digits.size() / 2);
  for (size_t i = 0; i < digits.size(); i += 2) {
    int high = HexDigitValue(digits[i]);
    int low = HexDigitValue(digits[i + 1]);
    if (high < 0 || low < 0) return Value::Null();
    bytes.push_back(static_cast<char>(high * 16 + low));
  }
  return Value::Binary(std::move(bytes));
}

uint32_t ArgLength(const std::vector<ExpressionPtr>& args) {
  const ColumnType& t = args[0]->type();
  return t.IsString() ? t.length : t.ColumnLength(0);
}

ColumnType HexResult(const std::vector<ExpressionPtr>& args) {
  return MakeType(TypeId::kVarchar, ArgLength(args) * 2);
}

ColumnType UnhexResult(const std::vector<ExpressionPtr>& args) {
  return MakeType(TypeId::kVarbinary, (ArgLength(args) + 1) / 2);
}

constexpr FunctionDef kBinaryStringFunctions[] = {
    {"HEX", 1, 1, true, Nullability::kFromArgs, HexResult, Hex},
    {"UNHEX", 1, 1, true, Nullability::kAlways, UnhexResult, Unhex},
};

}  // namespace

std::span<const FunctionDef> BinaryStringFunctions() {
  return kBinaryStringFunctions;
}

}  // namespace minisql::sql
