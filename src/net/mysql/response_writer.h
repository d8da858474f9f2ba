// response_writer.h — server responses of the MySQL protocol, encoded as packets.
//
// Payload layouts (names from the MySQL docs):
//
//   OK_Packet          0x00 | affected_rows int<lenenc> | last_insert_id int<lenenc> |
//                      status_flags int<2> | warnings int<2> | info string<lenenc>
//                      (info omitted when empty; lenenc although the docs say string<EOF>,
//                      because that is what MySQL/MariaDB send and libmariadb expects)
//   ERR_Packet         0xFF | error_code int<2> | '#' | sql_state string[5] | message string<EOF>
//   EOF_Packet         0xFE | warnings int<2> | status_flags int<2>
//   ColumnDefinition41 catalog "def" | schema | table | org_table | name | org_name
//                      (all string<lenenc>) | 0x0C int<lenenc> | character_set int<2> |
//                      column_length int<4> | type int<1> | flags int<2> | decimals int<1> |
//                      0x0000 filler   (+ default value string<lenenc> for COM_FIELD_LIST)
//   text row           per column: value as string<lenenc>, or 0xFB for NULL
//   binary row         0x00 | NULL bitmap | values by column type (binary_row.h)
//   COM_STMT_PREPARE_OK 0x00 | statement_id int<4> | num_columns int<2> |
//                      num_params int<2> | 0x00 filler | warning_count int<2>
//
// A text result set is
//
//   column_count int<lenenc> | ColumnDefinition41 × n | EOF | row* | EOF   (classic)
//   column_count int<lenenc> | ColumnDefinition41 × n |       row* | OK    (CLIENT_DEPRECATE_EOF)
//
// where the closing OK carries the 0xFE header (so old parsers still see an end marker).
// COM_STMT_EXECUTE answers with the same sequence, its rows in the binary format.
// An error after rows were sent replaces the closing EOF/OK by an ERR_Packet.
//
// PacketWriter frames payloads into a buffer and hands the bytes to an OutputChannel
// (the connection) in batches; MysqlResultSink is the ResultSink of the MySQL front end.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "session/result_sink.h"
#include "types/charset.h"

namespace minisql::net {

// --- Payload encoders ----------------------------------------------------------------

/// OK_Packet. `session_track`: CLIENT_SESSION_TRACK was negotiated, so the info string
/// is string<lenenc>; without it the protocol makes it string<EOF>.
std::string EncodeOkPacket(const OkResult& ok, uint16_t status_flags, uint8_t header = 0x00,
                           bool session_track = true);
std::string EncodeErrPacket(const Status& error);
std::string EncodeEofPacket(uint16_t warnings, uint16_t status_flags);
std::string EncodeColumnDefinition41(const ResultColumn& column, bool with_default = false);
std::string EncodeTextRow(const Row& row);
/// The same, with each value printed as its column's type prints it (a FLOAT column
/// shows 6 significant digits, types/value.h FormatFloat).
std::string EncodeTextRow(const std::vector<ResultColumn>& columns, const Row& row);
std::string EncodeStmtPrepareOk(uint32_t statement_id, uint16_t num_columns, uint16_t num_params,
                                uint16_t warnings);
/// The definition PREPARE_OK sends for each `?` (as MariaDB: name "?", type NULL, binary).
ResultColumn ParameterDefinition();

/// How MysqlResultSink encodes rows: text for COM_QUERY, binary for COM_STMT_EXECUTE.
enum class RowFormat { kText, kBinary };

// --- Output --------------------------------------------------------------------------

/// Where encoded bytes go. The connection implements it (Write may block while the
/// client is slow to read, and fails once the client has gone); tests collect bytes.
class OutputChannel {
 public:
  virtual ~OutputChannel() = default;
  virtual Status Write(std::string bytes) = 0;
};

/// Frames payloads with sequence ids and batches them for an OutputChannel.
class PacketWriter {
 public:
  explicit PacketWriter(OutputChannel* channel) : channel_(channel) {}

  void set_sequence_id(uint8_t id) { sequence_id_ = id; }
  uint8_t sequence_id() const { return sequence_id_; }

  /// Frames `payload` into the buffer (nothing is sent until Flush).
  void WritePacket(std::string_view payload);
  /// Sends the buffered bytes.
  Status Flush();
  /// Sends the buffered bytes once enough have accumulated (streaming rows).
  Status FlushIfFull();
  /// Called with every batch of framed packets just before it is sent (the protocol
  /// tracer, packet_trace.h); empty = none.
  void set_on_flush(std::function<void(std::string_view)> on_flush) {
    on_flush_ = std::move(on_flush);
  }

 private:
  static constexpr size_t kFlushThreshold = 64 * 1024;
  OutputChannel* channel_;
  std::function<void(std::string_view)> on_flush_;
  std::string buffer_;
  uint8_t sequence_id_ = 0;
};

/// ResultSink for the MySQL protocol: turns a statement's outcome into packets.
class MysqlResultSink : public ResultSink {
 public:
  /// `status_flags` supplies SERVER_STATUS_* for OK/EOF packets (Session::StatusFlags,
  /// read when the packet is written: a COMMIT changes them).
  MysqlResultSink(PacketWriter* writer, bool deprecate_eof, std::function<uint16_t()> status_flags,
                  RowFormat row_format = RowFormat::kText, bool session_track = true)
      : writer_(writer),
        deprecate_eof_(deprecate_eof),
        status_flags_(std::move(status_flags)),
        row_format_(row_format),
        session_track_(session_track) {}

  void SendOk(const OkResult& ok) override;
  void SendError(const Status& error) override;
  void BeginResultSet(const std::vector<ResultColumn>& columns) override;
  Status SendRow(const Row& row) override;
  void EndResultSet(uint16_t warnings) override;

  /// The client's character_set_results (session/client_charset.h): column names and
  /// error messages go out in it, text values in their column's set (result_charset.h).
  /// nullopt (the default) sends everything as stored, UTF-8.
  void set_results_charset(std::optional<CharacterSet> results) { results_ = results; }

  /// True once the statement reported its outcome (any of the calls above).
  bool responded() const { return responded_; }
  /// True if the outcome was an ERR packet (a multi-statement batch stops there).
  bool failed() const { return failed_; }

 private:
  /// Encodes a row already in the client's character sets.
  Status WriteRow(const Row& row);

  PacketWriter* writer_;
  bool deprecate_eof_;
  std::function<uint16_t()> status_flags_;
  RowFormat row_format_;
  bool session_track_;
  std::optional<CharacterSet> results_;
  std::vector<ResultColumn> columns_;  // binary rows are encoded by column type
  bool convert_rows_ = false;          // some text column is not sent in UTF-8
  bool responded_ = false;
  bool failed_ = false;
};

}  // namespace minisql::net
