// log.h — the server's error log: timestamped lines on stderr, as mysqld writes them.
//
//   LogInfo("ready for connections on %s:%d", host, port);
//   2026-11-25 14:03:11 [Note] ready for connections on 127.0.0.1:3306
//
// Thread-safe (one fprintf per line). Logging is not an error channel: errors are Status values.
#pragma once

#include <string_view>

namespace minisql {

void LogInfo(const char* format, ...) __attribute__((format(printf, 1, 2)));
void LogWarning(const char* format, ...) __attribute__((format(printf, 1, 2)));
void LogError(const char* format, ...) __attribute__((format(printf, 1, 2)));
/// A [Note] of any length, possibly several lines, written in one piece so that other
/// threads' lines never land inside it (the protocol trace, net/mysql/packet_trace.h).
void LogInfoText(std::string_view text);

}  // namespace minisql
