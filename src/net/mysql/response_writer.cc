// response_writer.cc — see response_writer.h for the packet layouts.
#include "net/mysql/response_writer.h"

#include "net/mysql/binary_row.h"
#include "net/mysql/packet.h"
#include "net/mysql/protocol_constants.h"
#include "net/mysql/result_charset.h"
#include "net/mysql/wire_codec.h"

namespace minisql::net {

std::string EncodeOkPacket(const OkResult& ok, uint16_t status_flags, uint8_t header,
                           bool session_track) {
  std::string out;
  AppendInt1(&out, header);
  AppendLenencInt(&out, ok.affected_rows);
  AppendLenencInt(&out, ok.last_insert_id);
  AppendInt2(&out, status_flags);
  AppendInt2(&out, ok.warnings);
  // With CLIENT_SESSION_TRACK the info is string<lenenc> (libmariadb, which always asks
  // for SESSION_TRACK, rejects anything else as a malformed packet); without it,
  // string<EOF> (mysql2 and PyMySQL read it to the end of the packet). We never set
  // SERVER_SESSION_STATE_CHANGED, so no session-state block follows.
  if (!ok.info.empty()) {
    if (session_track) {
      AppendLenencString(&out, ok.info);
    } else {
      out.append(ok.info);
    }
  }
  return out;
}

std::string EncodeErrPacket(const Status& error) {
  std::string out;
  AppendInt1(&out, kErrHeader);
  AppendInt2(&out, error.code());
  out.push_back('#');
  out.append(error.sqlstate(), 5);
  out.append(error.message());
  return out;
}

std::string EncodeEofPacket(uint16_t warnings, uint16_t status_flags) {
  std::string out;
  AppendInt1(&out, kEofHeader);
  AppendInt2(&out, warnings);
  AppendInt2(&out, status_flags);
  return out;
}

std::string EncodeColumnDefinition41(const ResultColumn& column, bool with_default) {
  std::string out;
  AppendLenencString(&out, "def");
  AppendLenencString(&out, column.schema);
  AppendLenencString(&out, column.table);
  AppendLenencString(&out, column.org_table);
  AppendLenencString(&out, column.name);
  AppendLenencString(&out, column.org_name);
  AppendLenencInt(&out, 0x0c);  // length of the fixed-size fields that follow
  AppendInt2(&out, column.charset);
  AppendInt4(&out, column.length);
  AppendInt1(&out, static_cast<uint8_t>(column.type));
  AppendInt2(&out, column.flags);
  AppendInt1(&out, column.decimals);
  AppendInt2(&out, 0);
  // COM_FIELD_LIST adds the column default; clients only need it to be present.
  if (with_default) AppendInt1(&out, kNullColumn);
  return out;
}

std::string EncodeTextRow(const Row& row) {
  std::string out;
  for (const Value& value : row) {
    if (value.is_null()) {
      AppendInt1(&out, kNullColumn);
    } else {
      AppendLenencString(&out, value.ToText());
    }
  }
  return out;
}

std::string EncodeTextRow(const std::vector<ResultColumn>& columns, const Row& row) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) {
    const Value& value = row[i];
    if (value.is_null()) {
      AppendInt1(&out, kNullColumn);
    } else if (i < columns.size() && columns[i].type == FieldType::kFloat &&
               value.kind() == Value::Kind::kDouble) {
      AppendLenencString(&out, FormatFloat(value.double_value()));
    } else {
      AppendLenencString(&out, value.ToText());
    }
  }
  return out;
}

std::string EncodeStmtPrepareOk(uint32_t statement_id, uint16_t num_columns, uint16_t num_params,
                                uint16_t warnings) {
  std::string out;
  AppendInt1(&out, kOkHeader);
  AppendInt4(&out, statement_id);
  AppendInt2(&out, num_columns);
  AppendInt2(&out, num_params);
  AppendInt1(&out, 0);  // filler
  AppendInt2(&out, warnings);
  return out;
}

ResultColumn ParameterDefinition() {
  ResultColumn column;
  // Constructed rather than assigned: GCC 12 -O2 warns (-Wrestrict, a false positive)
  // about assigning a one-character literal to the string here.
  column.name = std::string(1, '?');
  column.type = FieldType::kNull;
  column.charset = kCharsetBinary;
  column.flags = kBinaryFlag;
  return column;
}

void PacketWriter::WritePacket(std::string_view payload) {
  AppendPacket(&buffer_, payload, &sequence_id_);
}

Status PacketWriter::Flush() {
  if (buffer_.empty()) return Status::OK();
  if (on_flush_) on_flush_(buffer_);
  std::string bytes;
  bytes.swap(buffer_);
  return channel_->Write(std::move(bytes));
}

Status PacketWriter::FlushIfFull() {
  return buffer_.size() >= kFlushThreshold ? Flush() : Status::OK();
}

void MysqlResultSink::SendOk(const OkResult& ok) {
  responded_ = true;
  writer_->WritePacket(EncodeOkPacket(ok, status_flags_(), 0x00, session_track_));
}

void MysqlResultSink::SendError(const Status& error) {
  responded_ = true;
  failed_ = true;
  writer_->WritePacket(EncodeErrPacket(ErrorForClient(error, results_)));
}

void MysqlResultSink::BeginResultSet(const std::vector<ResultColumn>& columns) {
  responded_ = true;
  columns_ = ColumnsForClient(columns, results_);
  convert_rows_ = RowsNeedConversion(columns_);
  std::string count;
  AppendLenencInt(&count, columns_.size());
  writer_->WritePacket(count);
  for (const ResultColumn& column : columns_) {
    writer_->WritePacket(EncodeColumnDefinition41(column));
  }
  if (!deprecate_eof_) writer_->WritePacket(EncodeEofPacket(0, status_flags_()));
}

Status MysqlResultSink::SendRow(const Row& row) {
  // The session stops calling us after a failed SendRow, so the ERR is ours to send.
  if (row.size() != columns_.size()) {
    Status error = Status::Error(ErrorCode::kInternalError, "row width differs from column count");
    SendError(error);
    return error;
  }
  if (convert_rows_) return WriteRow(RowForClient(columns_, row));
  return WriteRow(row);
}

Status MysqlResultSink::WriteRow(const Row& row) {
  if (row_format_ == RowFormat::kText) {
    writer_->WritePacket(EncodeTextRow(columns_, row));
  } else {
    Result<std::string> encoded = EncodeBinaryRow(columns_, row);
    if (!encoded.ok()) {
      SendError(encoded.status());
      return encoded.status();
    }
    writer_->WritePacket(*encoded);
  }
  return writer_->FlushIfFull();
}

void MysqlResultSink::EndResultSet(uint16_t warnings) {
  if (deprecate_eof_) {
    OkResult ok;
    ok.warnings = warnings;
    writer_->WritePacket(EncodeOkPacket(ok, status_flags_(), kEofHeader));
  } else {
    writer_->WritePacket(EncodeEofPacket(warnings, status_flags_()));
  }
}

}  // namespace minisql::net
