// value.h — one SQL value: what a row holds in each column and an expression yields.
//
// A Value is NULL or one of a few physical kinds. The kinds are deliberately fewer
// than the SQL types: every integer type is an Int (int64), DOUBLE is a Double,
// DECIMAL is a Decimal, and CHAR/VARCHAR/TEXT are a String (UTF-8 bytes). The column's
// ColumnType, not the Value, says which SQL type a value belongs to.
//
//   kind       C++ type        SQL types
//   kNull      —               NULL
//   kInt       int64_t         TINYINT SMALLINT MEDIUMINT INT BIGINT (signed)
//   kUInt      uint64_t        the same types declared UNSIGNED, CAST(.. AS UNSIGNED),
//                              literals 9223372036854775808..18446744073709551615
//   kDouble    double          FLOAT DOUBLE REAL
//   kDecimal   Decimal         DECIMAL(p,s), exact arithmetic results
//   kString    std::string     CHAR VARCHAR TEXT, and BINARY VARBINARY BLOB (flagged binary)
//
// kInt and kUInt are both "integers" to SQL (they compare by mathematical value); the
// kind carries MySQL's unsigned flag at run time, which arithmetic needs: unsigned
// minus unsigned is unsigned and fails below zero (error 1690), where signed does not.
// Values read from an UNSIGNED column are always kUInt, whatever their size.
//
// A String made by Value::Binary carries the `binary` mark: it holds bytes, not text, and
// compares byte by byte (MySQL's binary collation) wherever it meets another string.
// Row decoding marks the values of binary columns; the mark is not part of the kind.
//
// Comparison, casting and arithmetic follow MySQL's rules and live in the SQL layer
// (sql/expression/); storage only serialises Values (storage/table/row_codec).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "types/decimal.h"

namespace minisql {

class Value {
 public:
  enum class Kind : uint8_t { kNull, kInt, kDouble, kDecimal, kString, kUInt };

  Value() = default;  // NULL
  static Value Null() { return Value(); }
  static Value Int(int64_t v) { return Value(std::in_place_index<1>, v); }
  static Value Double(double v) { return Value(std::in_place_index<2>, v); }
  static Value FromDecimal(Decimal v) { return Value(std::in_place_index<3>, v); }
  static Value String(std::string v) { return Value(std::in_place_index<4>, std::move(v)); }
  /// An integer of an UNSIGNED type (0 .. 18446744073709551615).
  static Value UInt(uint64_t v) { return Value(std::in_place_index<5>, v); }
  /// A byte string (BINARY/VARBINARY/BLOB): a String that compares byte by byte.
  static Value Binary(std::string v) {
    Value value(std::in_place_index<4>, std::move(v));
    value.binary_ = true;
    return value;
  }
  /// MySQL has no boolean values: TRUE is the integer 1, FALSE is 0.
  static Value Bool(bool b) { return Int(b ? 1 : 0); }

  Kind kind() const { return static_cast<Kind>(data_.index()); }
  bool is_null() const { return data_.index() == 0; }
  /// True for a String made by Value::Binary.
  bool is_binary() const { return binary_; }

  /// Accessors; the kind must match (checked in debug builds).
  int64_t int_value() const { return std::get<1>(data_); }
  double double_value() const { return std::get<2>(data_); }
  const Decimal& decimal_value() const { return std::get<3>(data_); }
  const std::string& string_value() const { return std::get<4>(data_); }
  uint64_t uint_value() const { return std::get<5>(data_); }

  /// kInt or kUInt.
  bool is_integer() const { return kind() == Kind::kInt || kind() == Kind::kUInt; }
  /// An integer's mathematical value, exact for both kinds (must be is_integer()).
  __int128 wide_int_value() const {
    return kind() == Kind::kUInt ? static_cast<__int128>(uint_value())
                                 : static_cast<__int128>(int_value());
  }

  /// The value as the MySQL text protocol sends it: integers in decimal, DOUBLE in
  /// MySQL's shortest round-trip form ("1.5", "0.30000000000000004", "1e20"), DECIMAL
  /// with exactly its scale, strings as they are. Must not be called on NULL.
  std::string ToText() const;

  /// Same kind and same bits (used by tests and by UPDATE's "changed" count;
  /// SQL equality is in sql/expression/).
  bool IdenticalTo(const Value& other) const;

 private:
  using Storage = std::variant<std::monostate, int64_t, double, Decimal, std::string, uint64_t>;
  // Builds the variant in place: moving a temporary variant into data_ trips GCC 12's
  // -Wmaybe-uninitialized (a false positive) under -fsanitize=address at -O2.
  template <size_t I, typename T>
  Value(std::in_place_index_t<I> index, T&& v) : data_(index, std::forward<T>(v)) {}
  Storage data_;
  bool binary_ = false;
};

/// A table row or an intermediate tuple: one Value per column.
using Row = std::vector<Value>;

/// MySQL's text form of a double (the rendering inside Value::ToText).
std::string FormatDouble(double v);
/// MySQL's text form of a FLOAT column's value: like FormatDouble, but with at most 6
/// significant digits (FLT_DIG), as MariaDB prints them: 0.1, 3.14159, 123457000, 1e20.
std::string FormatFloat(double v);

}  // namespace minisql
