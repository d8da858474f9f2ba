// response_writer.cc — see response_writer.h for the packet layouts.
#include "net/mysql/response_writer.h"

#include "net/mysql/packet.h"
#include "net/mysql/protocol_constants.h"
#include "net/mysql/wire_codec.h"

namespace minisql::net {

std::string EncodeOkPacket(const OkResult& ok, uint16_t status_flags, uint8_t header) {
  std::string out;
  AppendInt1(&out, header);
  AppendLenencInt(&out, ok.affected_rows);
  AppendLenencInt(&out, ok.last_insert_id);
  AppendInt2(&out, status_flags);
  AppendInt2(&out, ok.warnings);
  // The docs call info string<EOF> without SESSION_TRACK, but MySQL and MariaDB send it
  // length-prefixed, and libmariadb parses it that way (else: "malformed packet").
  if (!ok.info.empty()) AppendLenencString(&out, ok.info);
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

void PacketWriter::WritePacket(std::string_view payload) {
  AppendPacket(&buffer_, payload, &sequence_id_);
}

Status PacketWriter::Flush() {
  if (buffer_.empty()) return Status::OK();
  std::string bytes;
  bytes.swap(buffer_);
  return channel_->Write(std::move(bytes));
}

Status PacketWriter::FlushIfFull() {
  return buffer_.size() >= kFlushThreshold ? Flush() : Status::OK();
}

void MysqlResultSink::SendOk(const OkResult& ok) {
  responded_ = true;
  writer_->WritePacket(EncodeOkPacket(ok, status_flags_()));
}

void MysqlResultSink::SendError(const Status& error) {
  responded_ = true;
  writer_->WritePacket(EncodeErrPacket(error));
}

void MysqlResultSink::BeginResultSet(const std::vector<ResultColumn>& columns) {
  responded_ = true;
  column_count_ = columns.size();
  std::string count;
  AppendLenencInt(&count, columns.size());
  writer_->WritePacket(count);
  for (const ResultColumn& column : columns) {
    writer_->WritePacket(EncodeColumnDefinition41(column));
  }
  if (!deprecate_eof_) writer_->WritePacket(EncodeEofPacket(0, status_flags_()));
}

Status MysqlResultSink::SendRow(const Row& row) {
  if (row.size() != column_count_) {
    // The session stops calling us after a failed SendRow, so the ERR is ours to send.
    Status error = Status::Error(ErrorCode::kInternalError, "row width differs from column count");
    SendError(error);
    return error;
  }
  writer_->WritePacket(EncodeTextRow(row));
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
