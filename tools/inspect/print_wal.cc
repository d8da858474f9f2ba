// print_wal.cc — the `wal` command of minisql-inspect: the log's records in order.
//
//     offset       LSN  type          txn   page    length
//          0        12  PAGE_IMAGE      7      3      8204
//       8221        13  COMMIT          7      -         8
//   end of log after 8246 bytes (clean)
//
// "length" is the payload length (record header: 17 bytes more). Reading stops at the
// first record that is short, has a bad CRC or an LSN not above the previous one: a
// torn tail left by a crash, which recovery ignores too (wal/log_format.h).
#include <cstdio>

#include "inspect/commands.h"
#include "storage/wal/log_format.h"
#include "storage/wal/log_reader.h"

namespace minisql::inspect {

Status PrintWal(DataDir* dir, std::ostream& out) {
  out << "log " << dir->wal_file()->path() << ": " << dir->wal_bytes() << " bytes\n";
  storage::LogReader reader(dir->wal_file());
  storage::LogRecord record;
  out << "    offset       LSN  type             txn    page    length\n";
  size_t records = 0;
  while (true) {
    uint64_t offset = reader.valid_bytes();
    Result<bool> more = reader.Next(&record);
    if (!more.ok()) return more.status();
    if (!*more) break;
    ++records;
    uint64_t length = reader.valid_bytes() - offset - storage::kLogRecordHeaderSize;
    bool image = record.type == storage::LogRecordType::kPageImage;
    char line[128];
    std::snprintf(line, sizeof(line), "%10llu %9llu  %-12s %7llu %7s %9llu\n",
                  static_cast<unsigned long long>(offset),
                  static_cast<unsigned long long>(record.lsn), image ? "PAGE_IMAGE" : "COMMIT",
                  static_cast<unsigned long long>(record.txn_id),
                  image ? std::to_string(record.page_id).c_str() : "-",
                  static_cast<unsigned long long>(length));
    out << line;
  }
  out << records << " records; end of log after " << reader.valid_bytes() << " bytes"
      << (reader.torn_tail()
              ? " (then a torn tail: " + std::to_string(dir->wal_bytes() - reader.valid_bytes()) +
                    " bytes recovery ignores)"
              : " (clean)")
      << "\n";
  return Status::OK();
}

}  // namespace minisql::inspect
