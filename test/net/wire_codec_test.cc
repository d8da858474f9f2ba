// wire_codec_test.cc — the MySQL basic data types: encodings and defensive decoding.
#include "net/mysql/wire_codec.h"

#include <gtest/gtest.h>

#include <string>

namespace minisql::net {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string s;
  for (int b : bytes) s.push_back(static_cast<char>(b));
  return s;
}

TEST(WireCodecTest, FixedWidthIntegersAreLittleEndian) {
  std::string out;
  AppendInt1(&out, 0xab);
  AppendInt2(&out, 0x1234);
  AppendInt3(&out, 0x56789a);
  AppendInt4(&out, 0xdeadbeef);
  AppendInt8(&out, 0x0102030405060708ull);
  EXPECT_EQ(out, Bytes({0xab, 0x34, 0x12, 0x9a, 0x78, 0x56, 0xef, 0xbe, 0xad, 0xde, 0x08, 0x07,
                        0x06, 0x05, 0x04, 0x03, 0x02, 0x01}));
  PayloadReader reader(out);
  EXPECT_EQ(reader.ReadInt1(), 0xab);
  EXPECT_EQ(reader.ReadInt2(), 0x1234);
  EXPECT_EQ(reader.ReadInt3(), 0x56789au);
  EXPECT_EQ(reader.ReadInt4(), 0xdeadbeefu);
  EXPECT_EQ(reader.ReadInt8(), 0x0102030405060708ull);
  EXPECT_TRUE(reader.ok());
  EXPECT_TRUE(reader.at_end());
}

TEST(WireCodecTest, LenencIntBoundaries) {
  struct Case {
    uint64_t value;
    std::string bytes;
  } cases[] = {
      {0, Bytes({0x00})},
      {250, Bytes({0xfa})},
      {251, Bytes({0xfc, 0xfb, 0x00})},
      {0xffff, Bytes({0xfc, 0xff, 0xff})},
      {0x10000, Bytes({0xfd, 0x00, 0x00, 0x01})},
      {0xffffff, Bytes({0xfd, 0xff, 0xff, 0xff})},
      {0x1000000, Bytes({0xfe, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00})},
  };
  for (const Case& c : cases) {
    std::string out;
    AppendLenencInt(&out, c.value);
    EXPECT_EQ(out, c.bytes) << c.value;
    EXPECT_EQ(LenencIntSize(c.value), c.bytes.size());
    PayloadReader reader(out);
    EXPECT_EQ(reader.ReadLenencInt(), c.value);
    EXPECT_TRUE(reader.ok());
  }
}

TEST(WireCodecTest, Strings) {
  std::string out;
  AppendLenencString(&out, "abc");
  AppendNulString(&out, "root");
  out.append("tail");
  EXPECT_EQ(out, std::string("\x03"
                             "abc"
                             "root\0tail",
                             13));
  PayloadReader reader(out);
  EXPECT_EQ(reader.ReadLenencString(), "abc");
  EXPECT_EQ(reader.ReadNulString(), "root");
  EXPECT_EQ(reader.ReadRest(), "tail");
  EXPECT_TRUE(reader.ok());
}

TEST(WireCodecTest, TruncatedInputFailsInsteadOfOverreading) {
  {
    std::string reader_bytes = Bytes({0x01, 0x02, 0x03});
    PayloadReader reader(reader_bytes);
    EXPECT_EQ(reader.ReadInt4(), 0u);
    EXPECT_FALSE(reader.ok());
  }
  {
    std::string reader_bytes = Bytes({0xfd, 0x01});
    PayloadReader reader(reader_bytes);  // int<3> announced, 1 byte present
    reader.ReadLenencInt();
    EXPECT_FALSE(reader.ok());
  }
  {
    std::string reader_bytes = Bytes({0x05, 'a', 'b'});
    PayloadReader reader(reader_bytes);  // string of 5, 2 present
    EXPECT_EQ(reader.ReadLenencString(), "");
    EXPECT_FALSE(reader.ok());
  }
  {
    PayloadReader reader("no terminator");
    EXPECT_EQ(reader.ReadNulString(), "");
    EXPECT_FALSE(reader.ok());
  }
  {
    // A huge announced length must not wrap around the bounds check.
    std::string reader_bytes = Bytes({0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 'x'});
    PayloadReader reader(reader_bytes);
    EXPECT_EQ(reader.ReadLenencString(), "");
    EXPECT_FALSE(reader.ok());
  }
}

TEST(WireCodecTest, NullAndErrMarkersAreNotIntegers) {
  std::string null_marker_bytes = Bytes({0xfb});
  PayloadReader null_marker(null_marker_bytes);
  null_marker.ReadLenencInt();
  EXPECT_FALSE(null_marker.ok());
  std::string err_marker_bytes = Bytes({0xff});
  PayloadReader err_marker(err_marker_bytes);
  err_marker.ReadLenencInt();
  EXPECT_FALSE(err_marker.ok());
}

TEST(WireCodecTest, FailureIsSticky) {
  std::string reader_bytes = Bytes({0x01});
  PayloadReader reader(reader_bytes);
  reader.ReadInt2();
  EXPECT_FALSE(reader.ok());
  EXPECT_EQ(reader.ReadInt1(), 0);  // the byte is still there, but the reader has failed
  EXPECT_FALSE(reader.ok());
}

}  // namespace
}  // namespace minisql::net
