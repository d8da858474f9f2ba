// packet_trace_fuzzer.cc — fuzzes the protocol tracer (net/mysql/packet_trace.h), which
// decodes both directions of a conversation for the server log: a client can make the
// server trace anything it sends, and a decoder bug must not turn tracing into a crash.
//
// Input layout (the seeds in corpus/packet_trace/ are whole captured conversations of
// the mysql client, PyMySQL and sysbench with minisqld):
//
//   repeated:  int<1> direction (bit 0: 0 = client to server, 1 = server to client)
//              int<3> payload length | int<1> sequence id | payload   (one packet)
//
// A record cut short is handed over as it is (the tracer must describe partial
// headers and truncated packets too). What must hold: no crash, leak or UB, and every
// packet produces at least one line of text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "net/mysql/packet.h"
#include "net/mysql/packet_trace.h"
#include "net/mysql/wire_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using minisql::net::PacketTracer;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  PacketTracer tracer;
  while (!input.empty()) {
    auto direction = (static_cast<uint8_t>(input[0]) & 1)
                         ? PacketTracer::Direction::kServerToClient
                         : PacketTracer::Direction::kClientToServer;
    input.remove_prefix(1);
    size_t packet_size = input.size();
    if (input.size() >= minisql::net::kPacketHeaderSize) {
      minisql::net::PayloadReader header(input.substr(0, 3));
      packet_size = minisql::net::kPacketHeaderSize + header.ReadInt3();
      if (packet_size > input.size()) packet_size = input.size();
    }
    if (packet_size == 0) break;
    std::string text = tracer.Describe(direction, input.substr(0, packet_size));
    if (text.empty() || text.back() != '\n') __builtin_trap();
    input.remove_prefix(packet_size);
  }
  return 0;
}
