// commands.h — minisql-inspect's commands; each prints to `out` and returns OK or the
// error to report (see main.cc for the command line, docs/storage.md for the output).
#pragma once

#include <ostream>
#include <string>

#include "common/status.h"
#include "inspect/data_dir.h"

namespace minisql::inspect {

/// `tables`: every tree (catalog and tables) with root page, levels, pages, entries.
Status PrintTables(DataDir* dir, std::ostream& out);
/// `tree DB.TABLE` (or `tree catalog`): the tree level by level.
Status PrintTree(DataDir* dir, const std::string& name, std::ostream& out);
/// `page N`: one page decoded field by field.
Status PrintPage(DataDir* dir, PageId id, std::ostream& out);
/// `wal`: the log's records in order.
Status PrintWal(DataDir* dir, std::ostream& out);

/// `check`: crash recovery on an in-memory copy of the files, then BTree::CheckIntegrity
/// on every tree (catalog, tables, indexes). An error names the first damaged tree.
Status CheckTrees(DataDir* dir, std::ostream& out);
/// "note: ..." when the log is not empty (the data file may lag behind it).
void PrintLogNote(DataDir* dir, std::ostream& out);

}  // namespace minisql::inspect
