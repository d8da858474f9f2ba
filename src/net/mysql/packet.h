// packet.h — MySQL packet framing: payloads cut into packets and put back together.
//
// On the wire every payload travels in packets with a 4-byte header:
//
//   offset  size  field
//   0       3     payload_length   int<3>, at most 0xFFFFFF
//   3       1     sequence_id      int<1>, wraps at 256
//   4       n     payload
//
// A payload of 0xFFFFFF bytes or more is split into 0xFFFFFF-byte packets followed by
// a shorter one; when the length is an exact multiple of 0xFFFFFF the last packet is
// empty, so the reader always knows where the payload ends. The sequence id counts
// packets within one exchange: it restarts at 0 with each command the client sends and
// every packet (in either direction) takes the next number.
//
// Both functions are pure (bytes in, bytes out), so they are tested without sockets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace minisql::net {

inline constexpr size_t kPacketHeaderSize = 4;
inline constexpr uint32_t kMaxPacketPayload = 0xffffff;

/// Appends `payload` to `out` as one or more packets; `*sequence_id` is the id of the
/// first packet and is advanced past the last one.
void AppendPacket(std::string* out, std::string_view payload, uint8_t* sequence_id);

/// The outcome of looking for one complete payload at the start of a byte buffer.
struct PacketReadResult {
  enum class Kind {
    kNeedMore,    // the buffer holds only part of the payload
    kPayload,     // `payload` is complete; `consumed` bytes may be dropped
    kTooLarge,    // the payload would exceed max_allowed_packet
    kOutOfOrder,  // a packet carried an unexpected sequence id
  };
  Kind kind = Kind::kNeedMore;
  std::string payload;
  size_t consumed = 0;
  /// The sequence id following the last packet read (what the reply starts with).
  uint8_t next_sequence_id = 0;
};

/// Reads one payload from the start of `buffer`. The first packet must carry
/// `expected_sequence_id`. Sizes are checked from the headers alone, so an oversized
/// payload is refused before it has been received.
PacketReadResult ReadPacket(std::string_view buffer, uint8_t expected_sequence_id,
                            size_t max_payload_size);

}  // namespace minisql::net
