// packet_test.cc — packet framing: headers, 16 MiB splitting, reassembly, sequence ids, limits.
#include "net/mysql/packet.h"

#include <gtest/gtest.h>

#include <string>

namespace minisql::net {
namespace {

using Kind = PacketReadResult::Kind;

TEST(PacketTest, SmallPayloadGoldenBytes) {
  std::string out;
  uint8_t seq = 0;
  AppendPacket(&out, std::string("\x03select 1", 9), &seq);
  EXPECT_EQ(out, std::string("\x09\x00\x00\x00\x03select 1", 13));
  EXPECT_EQ(seq, 1);
}

TEST(PacketTest, EmptyPayloadIsOneEmptyPacket) {
  std::string out;
  uint8_t seq = 7;
  AppendPacket(&out, "", &seq);
  EXPECT_EQ(out, std::string("\x00\x00\x00\x07", 4));
  EXPECT_EQ(seq, 8);
}

TEST(PacketTest, SequenceIdWrapsAt256) {
  std::string out;
  uint8_t seq = 255;
  AppendPacket(&out, "a", &seq);
  AppendPacket(&out, "b", &seq);
  EXPECT_EQ(static_cast<uint8_t>(out[3]), 255);
  EXPECT_EQ(static_cast<uint8_t>(out[8]), 0);
  EXPECT_EQ(seq, 1);
}

TEST(PacketTest, PayloadOver16MiBIsSplit) {
  std::string payload(kMaxPacketPayload + 10, 'x');
  payload[kMaxPacketPayload] = 'y';
  std::string out;
  uint8_t seq = 0;
  AppendPacket(&out, payload, &seq);
  ASSERT_EQ(out.size(), payload.size() + 2 * kPacketHeaderSize);
  EXPECT_EQ(out.substr(0, 4), std::string("\xff\xff\xff\x00", 4));
  EXPECT_EQ(out.substr(4 + kMaxPacketPayload, 5), std::string("\x0a\x00\x00\x01y", 5));
  EXPECT_EQ(seq, 2);

  PacketReadResult read = ReadPacket(out, 0, 64u << 20);
  ASSERT_EQ(read.kind, Kind::kPayload);
  EXPECT_EQ(read.payload, payload);
  EXPECT_EQ(read.consumed, out.size());
  EXPECT_EQ(read.next_sequence_id, 2);
}

TEST(PacketTest, ExactMultipleOf16MiBEndsWithEmptyPacket) {
  std::string payload(kMaxPacketPayload, 'z');
  std::string out;
  uint8_t seq = 3;
  AppendPacket(&out, payload, &seq);
  ASSERT_EQ(out.size(), payload.size() + 2 * kPacketHeaderSize);
  EXPECT_EQ(out.substr(out.size() - 4), std::string("\x00\x00\x00\x04", 4));
  EXPECT_EQ(seq, 5);

  PacketReadResult read = ReadPacket(out, 3, 64u << 20);
  ASSERT_EQ(read.kind, Kind::kPayload);
  EXPECT_EQ(read.payload.size(), payload.size());
  EXPECT_EQ(read.next_sequence_id, 5);
  // Without the trailing empty packet the payload is not complete yet.
  EXPECT_EQ(ReadPacket(out.substr(0, out.size() - 4), 3, 64u << 20).kind, Kind::kNeedMore);
}

TEST(PacketTest, ReassemblyWaitsForEveryByte) {
  std::string out;
  uint8_t seq = 0;
  AppendPacket(&out, "\x0ehello", &seq);
  for (size_t n = 0; n < out.size(); ++n) {
    EXPECT_EQ(ReadPacket(out.substr(0, n), 0, 1024).kind, Kind::kNeedMore) << n;
  }
  PacketReadResult read = ReadPacket(out, 0, 1024);
  ASSERT_EQ(read.kind, Kind::kPayload);
  EXPECT_EQ(read.payload, "\x0ehello");
}

TEST(PacketTest, PipelinedPacketsAreReadOneAtATime) {
  std::string out;
  uint8_t seq = 0;
  AppendPacket(&out, "first", &seq);
  seq = 0;
  AppendPacket(&out, "second", &seq);
  PacketReadResult first = ReadPacket(out, 0, 1024);
  ASSERT_EQ(first.kind, Kind::kPayload);
  EXPECT_EQ(first.payload, "first");
  PacketReadResult second = ReadPacket(std::string_view(out).substr(first.consumed), 0, 1024);
  ASSERT_EQ(second.kind, Kind::kPayload);
  EXPECT_EQ(second.payload, "second");
}

TEST(PacketTest, WrongSequenceIdIsOutOfOrder) {
  std::string out;
  uint8_t seq = 1;
  AppendPacket(&out, "x", &seq);
  EXPECT_EQ(ReadPacket(out, 0, 1024).kind, Kind::kOutOfOrder);
}

TEST(PacketTest, WrongSequenceIdInContinuationIsOutOfOrder) {
  std::string payload(kMaxPacketPayload + 1, 'x');
  std::string out;
  uint8_t seq = 0;
  AppendPacket(&out, payload, &seq);
  out[4 + kMaxPacketPayload + 3] = 9;  // the second packet should be 1
  EXPECT_EQ(ReadPacket(out, 0, 64u << 20).kind, Kind::kOutOfOrder);
}

TEST(PacketTest, OversizedPayloadIsRefusedFromTheHeaderAlone) {
  // Only the header has arrived, announcing 2000 bytes; the limit is 1000.
  std::string header("\xd0\x07\x00\x00", 4);
  EXPECT_EQ(ReadPacket(header, 0, 1000).kind, Kind::kTooLarge);
  EXPECT_EQ(ReadPacket(header, 0, 2000).kind, Kind::kNeedMore);
}

}  // namespace
}  // namespace minisql::net
