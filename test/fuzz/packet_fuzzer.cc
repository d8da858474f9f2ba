// packet_fuzzer.cc — fuzzes MySQL packet framing (net/mysql/packet.h) and the basic
// wire types (net/mysql/wire_codec.h), the first code every byte from a client meets.
//
// Input layout (what the seed files in corpus/packet/ hold):
//
//   offset  size  field
//   0       1     expected sequence id of the first packet
//   1       1     max_allowed_packet selector: limit = 16 << (byte % 21) bytes
//   2       n     raw bytes as they arrive on the socket (headers + payloads)
//
// The target reads payloads off the stream exactly as MysqlProtocol::HandleInput does,
// then checks what must always hold: a payload is never longer than the limit, the
// reader never claims more bytes than it was given, and framing the payload again
// (AppendPacket) and reading it back gives the same bytes. Each payload is also walked
// with PayloadReader, driven by its own bytes, so every reader function sees hostile
// lengths (lenenc prefixes of 0xFE + 8 bytes, missing NUL terminators ...).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "net/mysql/packet.h"
#include "net/mysql/wire_codec.h"

namespace {

using minisql::net::PacketReadResult;

// Stops the fuzzer on a broken invariant (libFuzzer reports a deadly signal).
void Require(bool condition) {
  if (!condition) __builtin_trap();
}

// Walks `payload` with PayloadReader; each step's kind is chosen by a byte of the
// payload itself, so the fuzzer controls both the operations and their inputs.
void WalkWithReader(std::string_view payload) {
  minisql::net::PayloadReader reader(payload);
  size_t steps = 0;
  while (reader.ok() && !reader.at_end() && steps++ < 64) {
    size_t before = reader.remaining();
    switch (reader.ReadInt1() % 9) {
      case 0:
        (void)reader.ReadInt2();
        break;
      case 1:
        (void)reader.ReadInt3();
        break;
      case 2:
        (void)reader.ReadInt4();
        break;
      case 3:
        (void)reader.ReadInt8();
        break;
      case 4:
        (void)reader.ReadLenencInt();
        break;
      case 5:
        Require(reader.ReadLenencString().size() <= payload.size());
        break;
      case 6:
        Require(reader.ReadNulString().size() <= payload.size());
        break;
      case 7:
        reader.Skip(reader.ReadInt1());
        break;
      default:
        Require(reader.ReadRest().size() < before);
        break;
    }
    Require(reader.remaining() <= before);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  uint8_t sequence_id = data[0];
  size_t limit = size_t{16} << (data[1] % 21);
  std::string_view stream(reinterpret_cast<const char*>(data) + 2, size - 2);

  while (!stream.empty()) {
    PacketReadResult packet = minisql::net::ReadPacket(stream, sequence_id, limit);
    if (packet.kind != PacketReadResult::Kind::kPayload) break;
    Require(packet.payload.size() <= limit);
    Require(packet.consumed >= minisql::net::kPacketHeaderSize);
    Require(packet.consumed <= stream.size());

    // Round trip: the same payload framed again must read back identically.
    std::string framed;
    uint8_t write_id = sequence_id;
    minisql::net::AppendPacket(&framed, packet.payload, &write_id);
    Require(write_id == packet.next_sequence_id);
    PacketReadResult again = minisql::net::ReadPacket(framed, sequence_id, limit);
    Require(again.kind == PacketReadResult::Kind::kPayload);
    Require(again.payload == packet.payload && again.consumed == framed.size());

    WalkWithReader(packet.payload);
    sequence_id = packet.next_sequence_id;
    stream.remove_prefix(packet.consumed);
  }
  return 0;
}
