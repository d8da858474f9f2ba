// Tests for the memcomparable primary key encoding: memcmp order of encodings must be
// the SQL order of the values, for every kind, composite keys and key prefixes.
#include "storage/table/key_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace minisql::storage {
namespace {

ColumnType IntType() {
  return ColumnType{TypeId::kBigInt};
}
ColumnType DoubleType() {
  return ColumnType{TypeId::kDouble};
}
ColumnType VarcharType() {
  return ColumnType{TypeId::kVarchar, false, 40};
}

std::string Encode(const ColumnType& type, const Value& v) {
  std::string key;
  Status s = AppendKeyComponent(type, v, &key);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return key;
}

ColumnDef Column(const std::string& name, ColumnType type) {
  ColumnDef column;
  column.name = name;
  column.type = type;
  return column;
}

int Sign(int c) {
  return (c > 0) - (c < 0);
}

TEST(KeyCodecTest, IntOrderMatchesValueOrder) {
  std::mt19937_64 rng(42);
  std::vector<int64_t> values = {INT64_MIN, INT64_MIN + 1, -1, 0, 1, INT64_MAX - 1, INT64_MAX};
  for (int i = 0; i < 2000; ++i) values.push_back(static_cast<int64_t>(rng()) >> (rng() % 64));
  for (size_t i = 0; i < values.size(); ++i) {
    size_t j = rng() % values.size();
    int64_t a = values[i], b = values[j];
    int expected = Sign(a < b ? -1 : a > b ? 1 : 0);
    EXPECT_EQ(Sign(Encode(IntType(), Value::Int(a)).compare(Encode(IntType(), Value::Int(b)))),
              expected)
        << a << " vs " << b;
  }
}

TEST(KeyCodecTest, DoubleOrderMatchesValueOrder) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> dist(-1e6, 1e6);
  std::vector<double> values = {-INFINITY, -1e300, -1.5,  -1e-300, 0.0,
                                1e-300,    2.5,    1e300, INFINITY};
  for (int i = 0; i < 2000; ++i) values.push_back(dist(rng));
  std::vector<std::pair<double, std::string>> encoded;
  for (double v : values) encoded.emplace_back(v, Encode(DoubleType(), Value::Double(v)));
  std::sort(encoded.begin(), encoded.end(),
            [](const auto& x, const auto& y) { return x.second < y.second; });
  for (size_t i = 1; i < encoded.size(); ++i) EXPECT_LE(encoded[i - 1].first, encoded[i].first);
  EXPECT_EQ(Encode(DoubleType(), Value::Double(-0.0)), Encode(DoubleType(), Value::Double(0.0)));
}

TEST(KeyCodecTest, StringsCompareCaseInsensitivelyAndIgnoreTrailingSpaces) {
  auto enc = [](const std::string& s) { return Encode(VarcharType(), Value::String(s)); };
  EXPECT_EQ(enc("abc"), enc("ABC"));
  EXPECT_EQ(enc("abc"), enc("aBc  "));
  EXPECT_LT(enc("ab"), enc("abc"));  // a prefix sorts first
  EXPECT_LT(enc(""), enc("a"));
  EXPECT_LT(enc("a"), enc("B"));
  EXPECT_LT(enc("Z"), enc("\xc3\xa9"));  // non-ASCII bytes are kept: above ASCII
  EXPECT_LT(enc(std::string("a\0", 2)), enc("a\x01"));
  EXPECT_LT(enc("a"), enc(std::string("a\0", 2)));
}

TEST(KeyCodecTest, RandomStringsSortLikeTheirWeights) {
  std::mt19937 rng(3);
  const std::string alphabet = std::string("aAbB \x00\x01\xff", 9);
  std::vector<std::string> values;
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    int len = rng() % 6;
    for (int k = 0; k < len; ++k) s.push_back(alphabet[rng() % alphabet.size()]);
    values.push_back(s);
  }
  for (size_t i = 0; i + 1 < values.size(); ++i) {
    const std::string& a = values[i];
    const std::string& b = values[i + 1];
    std::string wa = CollationWeight(a), wb = CollationWeight(b);
    EXPECT_EQ(Sign(Encode(VarcharType(), Value::String(a))
                       .compare(Encode(VarcharType(), Value::String(b)))),
              Sign(wa.compare(wb)));
  }
}

TEST(KeyCodecTest, CompositeKeysOrderByFirstThenSecondColumn) {
  TableSchema table;
  table.columns = {Column("name", VarcharType()), Column("n", IntType())};
  table.primary_key = {0, 1};
  std::mt19937 rng(5);
  std::vector<std::pair<std::pair<std::string, int64_t>, std::string>> rows;
  for (int i = 0; i < 1000; ++i) {
    std::string name(rng() % 3, static_cast<char>('a' + rng() % 3));
    int64_t n = static_cast<int64_t>(rng() % 20) - 10;
    auto key = EncodePrimaryKey(table, Row{Value::String(name), Value::Int(n)});
    ASSERT_TRUE(key.ok());
    rows.push_back({{name, n}, *key});
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& x, const auto& y) { return x.second < y.second; });
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_LE(rows[i - 1].first, rows[i].first);

  // A prefix of the key columns encodes to a byte prefix of the full key.
  auto full = EncodePrimaryKey(table, Row{Value::String("ab"), Value::Int(3)});
  auto prefix = EncodeKeyPrefix(table, {Value::String("AB")});
  ASSERT_TRUE(full.ok() && prefix.ok());
  EXPECT_EQ(full->compare(0, prefix->size(), *prefix), 0);
}

TEST(KeyCodecTest, RejectsNullAndMismatchedKinds) {
  std::string key;
  EXPECT_FALSE(AppendKeyComponent(IntType(), Value::Null(), &key).ok());
  EXPECT_FALSE(AppendKeyComponent(IntType(), Value::String("x"), &key).ok());
  EXPECT_FALSE(AppendKeyComponent(VarcharType(), Value::Int(1), &key).ok());
  TableSchema table;
  table.columns = {Column("a", IntType())};
  table.primary_key = {0};
  EXPECT_FALSE(EncodeKeyPrefix(table, {Value::Int(1), Value::Int(2)}).ok());
}

TEST(KeyCodecTest, DecimalKeysOrderByValue) {
  ColumnType type{TypeId::kDecimal, false, 10, 2};
  EXPECT_LT(Encode(type, Value::FromDecimal(Decimal(-150, 2))),
            Encode(type, Value::FromDecimal(Decimal(-1, 2))));
  EXPECT_LT(Encode(type, Value::FromDecimal(Decimal(-1, 2))), Encode(type, Value::Int(0)));
  EXPECT_EQ(Encode(type, Value::FromDecimal(Decimal(15, 1))),
            Encode(type, Value::FromDecimal(Decimal(150, 2))));
}

TEST(KeyCodecTest, RowIdKeysAreBigEndian) {
  EXPECT_LT(EncodeRowIdKey(255), EncodeRowIdKey(256));
  EXPECT_EQ(EncodeRowIdKey(1).size(), 8u);
}

TEST(KeyCodecTest, DescribesKeysLikeMysqlDuplicateEntry) {
  TableSchema table;
  table.columns = {Column("a", IntType()), Column("b", VarcharType())};
  table.primary_key = {0, 1};
  EXPECT_EQ(DescribePrimaryKey(table, Row{Value::Int(1), Value::String("x")}), "1-x");
}

}  // namespace
}  // namespace minisql::storage
