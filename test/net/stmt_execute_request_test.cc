// stmt_execute_request_test.cc — COM_STMT_EXECUTE decoding from golden bytes: every
// parameter type, NULLs, reused types (new_params_bound = 0), and malformed or
// truncated payloads, which must give an error, never a crash.
#include "net/mysql/stmt_execute_request.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace minisql::net {
namespace {

std::string B(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

// statement_id 7, flags 0, iteration_count 1.
const std::string kHeader = B({7, 0, 0, 0, 0, 1, 0, 0, 0});

Result<StmtExecuteRequest> Decode(const std::string& params, uint16_t count,
                                  const std::vector<uint16_t>& previous = {}) {
  return DecodeStmtExecute(kHeader + params, count, previous);
}

// One non-NULL parameter of `type` whose value bytes are `value`.
Value DecodeOne(int type, const std::string& value, int type_flags = 0) {
  Result<StmtExecuteRequest> r = Decode(B({0x00, 0x01, type, type_flags}) + value, 1);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return Value::String("<error>");
  EXPECT_EQ(r->params.size(), 1u);
  return r->params[0];
}

TEST(StmtExecuteRequestTest, HeaderWithoutParameters) {
  Result<StmtExecuteRequest> r = DecodeStmtExecute(kHeader, 0, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->statement_id, 7u);
  EXPECT_EQ(r->flags, 0);
  EXPECT_EQ(r->iteration_count, 1u);
  EXPECT_TRUE(r->params.empty());
}

TEST(StmtExecuteRequestTest, ReadStatementId) {
  Result<uint32_t> id = ReadStatementId(B({0x01, 0x02, 0x00, 0x00, 0x99}));
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, 0x0201u);
  EXPECT_EQ(ReadStatementId(B({1, 2, 3})).status().code(), 1835);
}

TEST(StmtExecuteRequestTest, IntegerTypes) {
  EXPECT_EQ(DecodeOne(0x01, B({0xff})).int_value(), -1);         // TINY
  EXPECT_EQ(DecodeOne(0x01, B({0xff}), 0x80).int_value(), 255);  // TINY UNSIGNED
  EXPECT_EQ(DecodeOne(0x02, B({0xfe, 0xff})).int_value(), -2);   // SHORT
  EXPECT_EQ(DecodeOne(0x02, B({0xfe, 0xff}), 0x80).int_value(), 65534);
  EXPECT_EQ(DecodeOne(0x03, B({0x00, 0x00, 0x00, 0x80})).int_value(), INT32_MIN);  // LONG
  EXPECT_EQ(DecodeOne(0x03, B({0xff, 0xff, 0xff, 0xff}), 0x80).int_value(), 4294967295);
  EXPECT_EQ(DecodeOne(0x08, B({0x2a, 0, 0, 0, 0, 0, 0, 0})).int_value(), 42);  // LONGLONG
  EXPECT_EQ(DecodeOne(0x08, B({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})).int_value(), -1);
  Value big = DecodeOne(0x08, B({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}), 0x80);
  ASSERT_EQ(big.kind(), Value::Kind::kUInt);
  EXPECT_EQ(big.ToText(), "18446744073709551615");
}

TEST(StmtExecuteRequestTest, FloatingPointAndDecimal) {
  // DOUBLE 2.0, as mysql2 sends every JavaScript number.
  Value d = DecodeOne(0x05, B({0, 0, 0, 0, 0, 0, 0, 0x40}));
  ASSERT_EQ(d.kind(), Value::Kind::kDouble);
  EXPECT_EQ(d.double_value(), 2.0);
  Value f = DecodeOne(0x04, B({0x00, 0x00, 0x20, 0x40}));  // FLOAT 2.5
  EXPECT_EQ(f.double_value(), 2.5);
  Value dec = DecodeOne(0xf6, B({5, '-', '1', '.', '5', '0'}));  // NEWDECIMAL "-1.50"
  ASSERT_EQ(dec.kind(), Value::Kind::kDecimal);
  EXPECT_EQ(dec.ToText(), "-1.50");
  Value not_a_number = DecodeOne(0xf6, B({3, 'a', 'b', 'c'}));
  ASSERT_EQ(not_a_number.kind(), Value::Kind::kString);
  EXPECT_EQ(not_a_number.string_value(), "abc");
}

TEST(StmtExecuteRequestTest, StringTypes) {
  for (int type : {0x0f, 0xfd, 0xfe, 0xfc, 0xf9}) {  // VARCHAR VAR_STRING STRING BLOB TINY_BLOB
    Value v = DecodeOne(type, B({3, 'a', 0, 'c'}));
    ASSERT_EQ(v.kind(), Value::Kind::kString) << type;
    EXPECT_EQ(v.string_value(), std::string("a\0c", 3));
  }
  EXPECT_EQ(DecodeOne(0xfd, B({0})).string_value(), "");
  // A 300-byte string: length 0xfc + int<2>.
  std::string long_value(300, 'x');
  EXPECT_EQ(DecodeOne(0xfd, B({0xfc, 0x2c, 0x01}) + long_value).string_value(), long_value);
}

TEST(StmtExecuteRequestTest, TemporalTypesBecomeText) {
  EXPECT_EQ(DecodeOne(0x0a, B({4, 0xe8, 0x07, 1, 31})).string_value(), "2024-01-31");  // DATE
  EXPECT_EQ(DecodeOne(0x0c, B({7, 0xe8, 0x07, 1, 31, 13, 5, 9})).string_value(),
            "2024-01-31 13:05:09");  // DATETIME
  EXPECT_EQ(
      DecodeOne(0x0c, B({11, 0xe8, 0x07, 1, 31, 13, 5, 9, 0x20, 0xa1, 0x07, 0})).string_value(),
      "2024-01-31 13:05:09.500000");
  EXPECT_EQ(DecodeOne(0x07, B({4, 0xe8, 0x07, 2, 1})).string_value(),
            "2024-02-01 00:00:00");  // TIMESTAMP, date only
  EXPECT_EQ(DecodeOne(0x0c, B({0})).string_value(), "0000-00-00 00:00:00");
  EXPECT_EQ(DecodeOne(0x0b, B({8, 1, 1, 0, 0, 0, 2, 3, 4})).string_value(), "-26:03:04");  // TIME
  EXPECT_EQ(DecodeOne(0x0b, B({12, 0, 0, 0, 0, 0, 10, 0, 0, 1, 0, 0, 0})).string_value(),
            "10:00:00.000001");
  EXPECT_EQ(DecodeOne(0x0b, B({0})).string_value(), "00:00:00");
}

TEST(StmtExecuteRequestTest, NullBitmapAndNullType) {
  // Three parameters: LONGLONG 5, NULL (bitmap bit 1), VAR_STRING "ab".
  std::string params = B({0x02, 0x01, 0x08, 0x00, 0x08, 0x00, 0xfd, 0x00}) +
                       B({5, 0, 0, 0, 0, 0, 0, 0}) + B({2, 'a', 'b'});
  Result<StmtExecuteRequest> r = Decode(params, 3);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->params.size(), 3u);
  EXPECT_EQ(r->params[0].int_value(), 5);
  EXPECT_TRUE(r->params[1].is_null());
  EXPECT_EQ(r->params[2].string_value(), "ab");
  EXPECT_TRUE(r->new_params_bound);
  EXPECT_EQ(r->param_types, (std::vector<uint16_t>{0x08, 0x08, 0xfd}));
  // Type NULL with the bitmap bit clear carries no bytes either.
  Result<StmtExecuteRequest> n = Decode(B({0x00, 0x01, 0x06, 0x00}), 1);
  ASSERT_TRUE(n.ok());
  EXPECT_TRUE(n->params[0].is_null());
}

TEST(StmtExecuteRequestTest, NineParametersUseTwoBitmapBytes) {
  std::string params = B({0xff, 0x00, 0x01});  // parameters 0-7 NULL, 8 not
  for (int i = 0; i < 9; ++i) params += B({0x01, 0x00});
  params += B({0x07});
  Result<StmtExecuteRequest> r = Decode(params, 9);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (int i = 0; i < 8; ++i) EXPECT_TRUE(r->params[i].is_null());
  EXPECT_EQ(r->params[8].int_value(), 7);
}

TEST(StmtExecuteRequestTest, NewParamsBoundZeroReusesPreviousTypes) {
  Result<StmtExecuteRequest> r = Decode(B({0x00, 0x00, 0x03, 0, 0, 0}), 1, {0x03});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->new_params_bound);
  EXPECT_EQ(r->params[0].int_value(), 3);
  // A first execution without types cannot be decoded.
  EXPECT_EQ(Decode(B({0x00, 0x00, 0x03, 0, 0, 0}), 1, {}).status().code(), 1210);
}

TEST(StmtExecuteRequestTest, MalformedPayloads) {
  // Header truncated.
  EXPECT_EQ(DecodeStmtExecute(B({7, 0, 0, 0, 0}), 0, {}).status().code(), 1835);
  // Parameters expected but none sent (as MariaDB: 1210).
  EXPECT_EQ(Decode("", 1).status().code(), 1210);
  // new_params_bound missing (1210), types truncated (1835), values truncated (1210):
  // MariaDB's answers.
  EXPECT_EQ(Decode(B({0x00}), 1).status().code(), 1210);
  EXPECT_EQ(Decode(B({0x00, 0x01, 0x08}), 1).status().code(), 1835);
  EXPECT_EQ(Decode(B({0x00, 0x01, 0x08, 0x00, 1, 2, 3}), 1).status().code(), 1210);
  EXPECT_EQ(Decode(B({0x00, 0x01, 0xfd, 0x00, 5, 'a'}), 1).status().code(), 1210);
  EXPECT_EQ(Decode(B({0x00, 0x01, 0xfd, 0x00, 0xfe, 1}), 1).status().code(), 1210);
  EXPECT_EQ(Decode(B({0x00, 0x01, 0x0c, 0x00, 7, 0xe8, 0x07}), 1).status().code(), 1210);
  // Unknown type, impossible temporal lengths, microseconds out of range.
  EXPECT_EQ(Decode(B({0x00, 0x01, 0xee, 0x00, 0}), 1).status().code(), 1210);
  EXPECT_EQ(Decode(B({0x00, 0x01, 0x0c, 0x00, 5, 0, 0, 0, 0, 0}), 1).status().code(), 1210);
  EXPECT_EQ(Decode(B({0x00, 0x01, 0x0b, 0x00, 3, 0, 0, 0}), 1).status().code(), 1210);
  EXPECT_EQ(Decode(B({0x00, 0x01, 0x0b, 0x00, 12, 0, 0, 0, 0, 0, 1, 0, 0, 0xff, 0xff, 0xff, 0}), 1)
                .status()
                .code(),
            1210);
  // Every prefix of a valid payload fails cleanly.
  std::string full = B({0x02, 0x01, 0x08, 0x00, 0x08, 0x00, 0x0c, 0x00}) +
                     B({5, 0, 0, 0, 0, 0, 0, 0}) + B({4, 0xe8, 0x07, 1, 31});
  ASSERT_TRUE(Decode(full, 3).ok());
  for (size_t n = 0; n < full.size(); ++n) {
    EXPECT_FALSE(Decode(full.substr(0, n), 3).ok()) << "prefix of " << n << " bytes";
  }
}

TEST(StmtExecuteRequestTest, TrailingBytesAreIgnored) {
  Result<StmtExecuteRequest> r = Decode(B({0x00, 0x01, 0x01, 0x00, 9, 0xaa, 0xbb}), 1);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->params[0].int_value(), 9);
}

// Parameters sent with COM_STMT_SEND_LONG_DATA are absent from the payload, whatever
// their NULL bit says; the others are decoded around them.
TEST(StmtExecuteRequestTest, LongDataParametersAreNotInThePayload) {
  std::map<uint16_t, std::string> long_data{{0, std::string("long\0data", 9)}};
  // bitmap: parameter 0 marked NULL (ignored); types VAR_STRING, TINY; one TINY value.
  Result<StmtExecuteRequest> r =
      DecodeStmtExecute(kHeader + B({0x01, 0x01, 0xfd, 0x00, 0x01, 0x00, 0x05}), 2, {}, long_data);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->params.size(), 2u);
  EXPECT_EQ(r->params[0].string_value(), std::string("long\0data", 9));
  EXPECT_EQ(r->params[1].int_value(), 5);
}

}  // namespace
}  // namespace minisql::net

namespace minisql::net {
namespace {

// COM_STMT_SEND_LONG_DATA: a parameter with long data has no value in the payload,
// whatever its NULL bit says, and becomes a String of the data.
TEST(StmtExecuteRequestLongDataTest, LongDataReplacesTheValue) {
  std::map<uint16_t, std::string> long_data{{0, "abcdef"}};
  // Two parameters: 0 (long data, NULL bit set, no value), 1 LONGLONG 5.
  std::string params = B({0x01, 0x01, 0xfc, 0x00, 0x08, 0x00, 5, 0, 0, 0, 0, 0, 0, 0});
  Result<StmtExecuteRequest> r = DecodeStmtExecute(kHeader + params, 2, {}, long_data);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->params.size(), 2u);
  EXPECT_EQ(r->params[0].ToText(), "abcdef");
  EXPECT_EQ(r->params[1].int_value(), 5);
  // Without the long data the same payload reads parameter 0 as NULL and 1 as 5.
  r = DecodeStmtExecute(kHeader + params, 2, {});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->params[0].is_null());
}

}  // namespace
}  // namespace minisql::net
