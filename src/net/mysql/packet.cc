// packet.cc — see packet.h for the packet layout.
#include "net/mysql/packet.h"

#include <algorithm>

#include "net/mysql/wire_codec.h"

namespace minisql::net {

void AppendPacket(std::string* out, std::string_view payload, uint8_t* sequence_id) {
  // A full-size chunk is always followed by another one, possibly empty.
  while (true) {
    size_t chunk = std::min<size_t>(payload.size(), kMaxPacketPayload);
    AppendInt3(out, static_cast<uint32_t>(chunk));
    AppendInt1(out, (*sequence_id)++);
    out->append(payload.substr(0, chunk));
    payload.remove_prefix(chunk);
    if (chunk < kMaxPacketPayload) return;
  }
}

PacketReadResult ReadPacket(std::string_view buffer, uint8_t expected_sequence_id,
                            size_t max_payload_size) {
  PacketReadResult result;
  size_t pos = 0;
  size_t total = 0;
  uint8_t sequence_id = expected_sequence_id;
  // First pass: walk the headers only, so nothing is copied until the payload is whole.
  while (true) {
    if (buffer.size() - pos < kPacketHeaderSize) return result;  // kNeedMore
    PayloadReader header(buffer.substr(pos, kPacketHeaderSize));
    uint32_t length = header.ReadInt3();
    uint8_t id = header.ReadInt1();
    if (id != sequence_id) {
      result.kind = PacketReadResult::Kind::kOutOfOrder;
      return result;
    }
    ++sequence_id;
    total += length;
    if (total > max_payload_size) {
      result.kind = PacketReadResult::Kind::kTooLarge;
      return result;
    }
    if (buffer.size() - pos - kPacketHeaderSize < length) return result;  // kNeedMore
    pos += kPacketHeaderSize + length;
    if (length < kMaxPacketPayload) break;
  }
  // Second pass: concatenate the chunks.
  result.payload.reserve(total);
  size_t copy_pos = 0;
  while (copy_pos < pos) {
    PayloadReader header(buffer.substr(copy_pos, 3));
    uint32_t length = header.ReadInt3();
    result.payload.append(buffer.substr(copy_pos + kPacketHeaderSize, length));
    copy_pos += kPacketHeaderSize + length;
  }
  result.kind = PacketReadResult::Kind::kPayload;
  result.consumed = pos;
  result.next_sequence_id = sequence_id;
  return result;
}

}  // namespace minisql::net
