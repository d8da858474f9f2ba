#!/usr/bin/env python3
"""capture_seeds.py — turns real client traffic into seed files for the fuzz targets.

Runs the shared sniffing proxy (mysql_sniff.py, which decodes the protocol and keeps
the per-connection state: phase, prepared statements and their parameter counts) with
one hook added: every packet a client sends is also written, whole, as a seed file in
the input layout of the fuzz target that parses it (see each *_fuzzer.cc):

  corpus/packet/        <seq> <limit selector> <header + payload>   every client packet
  corpus/handshake/     00 <payload>              HandshakeResponse41 / SSLRequest
                        01 <payload>              COM_CHANGE_USER arguments
                        02 <account> <flags> <header + payload>   auth-exchange packet
  corpus/stmt_execute/  <param count int<2>> 00 <COM_STMT_EXECUTE payload>
  corpus/packet_trace/  the connection's first MAX_CONVERSATION packets, both ways:
                        <direction: 0 client, 1 server> <header + payload> ...

Usage (the proxy runs until killed; point clients at LISTEN_PORT):
  capture_seeds.py PATH/TO/mysql_sniff.py LISTEN_PORT UPSTREAM_PORT OUTDIR LOGFILE [NAME]
Files are named NAME-<kind>-<sha1 prefix>, so identical packets are stored once.
"""
import hashlib
import importlib.util
import os
import struct
import sys

MAX_CONVERSATION = 40


def main():
    sniff_path, listen_port, upstream_port, outdir, logfile = sys.argv[1:6]
    name = sys.argv[6] if len(sys.argv) > 6 else "capture"
    spec = importlib.util.spec_from_file_location("mysql_sniff", sniff_path)
    sniff = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sniff)

    def save(target, kind, data):
        directory = os.path.join(outdir, target)
        os.makedirs(directory, exist_ok=True)
        digest = hashlib.sha1(data).hexdigest()[:10]
        with open(os.path.join(directory, "%s-%s-%s" % (name, kind, digest)), "wb") as f:
            f.write(data)

    def record(conn, direction, seq, p):
        # Appends one packet to the connection's conversation seed (first packets only).
        count = getattr(conn, "seed_packets", 0)
        if count >= MAX_CONVERSATION:
            return
        conn.seed_packets = count + 1
        directory = os.path.join(outdir, "packet_trace")
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, "%s-conversation-%d" % (name, conn.cid))
        with open(path, "ab") as f:
            f.write(bytes([direction]) + len(p).to_bytes(3, "little") + bytes([seq]) + p)

    original_server_packets = sniff.Conn.server_packets

    def server_packets(conn):
        inner = original_server_packets(conn)
        next(inner)
        while True:
            seq, p = yield
            record(conn, 1, seq, p)
            inner.send((seq, p))

    sniff.Conn.server_packets = server_packets
    original = sniff.Conn.client_packet

    def client_packet(conn, seq, p):
        framed = len(p).to_bytes(3, "little") + bytes([seq]) + p
        record(conn, 0, seq, p)
        save("packet", "client", bytes([seq, 20]) + framed)
        if conn.phase == "handshake":
            save("handshake", "response", b"\x00" + p)
        elif conn.phase == "auth":
            # The account kind is unknown to the proxy: caching_sha2 with a password
            # (2) over a secure transport exercises the most code.
            save("handshake", "auth", b"\x02\x03" + framed)
        elif p[:1] == b"\x11":
            save("handshake", "change-user", b"\x01" + p[1:])
        elif p[:1] == b"\x17" and len(p) >= 5:
            stmt_id = struct.unpack_from("<I", p, 1)[0]
            params = conn.stmts.get(stmt_id, (0, 0))[0] or 0
            save("stmt_execute", "execute", struct.pack("<HB", params, 0) + p)
        return original(conn, seq, p)

    sniff.Conn.client_packet = client_packet
    sys.argv = [sniff_path, listen_port, "127.0.0.1", upstream_port, logfile]
    sniff.main()


if __name__ == "__main__":
    main()
