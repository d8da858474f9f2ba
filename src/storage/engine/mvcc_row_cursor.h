// mvcc_row_cursor.h — the RowCursor behind Scan (snapshot reads) and LockingScan
// (current reads): it merges three sorted key streams of one table and decides, key
// by key, which version the transaction sees.
//
//   B+ tree cursor     latest committed rows        ─┐
//   VersionStore keys  rows changed after snapshots ─┼─► smallest key not yet returned
//   WriteSet keys      this transaction's changes   ─┘          │
//                                                               ▼
//   snapshot read:  own change ? it : VersionStore.VisibleAt(S) ? that : tree row
//   current read:   lock the key (may wait; latch released), then
//                   own change ? it : the tree's latest row (re-read after the wait)
//   absent ─► skip the key;  present ─► decode, return
//
// The VersionStore stream matters for keys deleted after the snapshot: they are no
// longer in the tree but the snapshot must still see them. Commits change the tree
// while this cursor runs, also in the middle of a step (page latches, not an engine
// latch, keep readers and the writer apart): the tree cursor copes with moving pages
// (btree_cursor.h), and since a commit records every version a key loses BEFORE it
// changes the tree, reading the tree first and the version store second always finds
// what the snapshot needs. The engine's DDL latch is taken (shared) for each step and
// never held while waiting for a row lock. A DDL statement between two calls is detected (the
// engine's DDL epoch) and the table resolved again (1146/1412 if it is gone).
//
// Bounds are encoded key prefixes (key_codec.h: a prefix of the key columns is a
// byte prefix of the key); EncodedKeyRange below lists the four cases.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "storage/btree/btree_cursor.h"
#include "storage/catalog/catalog.h"
#include "storage/storage_engine.h"

namespace minisql::storage {

class BTreeStorageEngine;
class EngineTransaction;

/// A key range as encoded prefixes :
//   lower, inclusive:  keys >= prefix;  exclusive: also skip keys that start with prefix
//   upper, inclusive:  stop at the first key > prefix that does not start with prefix
//   upper, exclusive:  stop at the first key >= prefix.
struct EncodedKeyRange {
  struct Bound {
    std::string prefix;
    bool inclusive = true;
  };
  std::optional<Bound> lower;
  std::optional<Bound> upper;

  /// The key sorts before the range.
  bool BeforeLower(const std::string& key) const;
  /// The key sorts after the range.
  bool BeyondUpper(const std::string& key) const;
};

/// `range` with each bound's values encoded by `encode_prefix`: the clustered key's
/// encoding (EncodeKeyPrefix) for table ranges, an index's (EncodeIndexPrefix) for index
/// ranges.
Result<EncodedKeyRange> EncodeRange(
    const KeyRange& range,
    const std::function<Result<std::string>(const std::vector<Value>&)>& encode_prefix);

class MvccRowCursor : public RowCursor {
 public:
  /// `lock` empty: a snapshot read at `read_ts`; else a current read taking `*lock`.
  MvccRowCursor(BTreeStorageEngine* engine, EngineTransaction* txn, TableEntry table,
                std::unique_ptr<BTreeCursor> tree, EncodedKeyRange range,
                std::optional<RowLockMode> lock, uint64_t read_ts, uint64_t ddl_epoch)
      : engine_(engine),
        txn_(txn),
        table_(std::move(table)),
        tree_(std::move(tree)),
        range_(std::move(range)),
        lock_(lock),
        read_ts_(read_ts),
        ddl_epoch_(ddl_epoch) {}

  Result<bool> Next(Row* row, RowId* id) override;

 private:
  /// The next key to consider, and (snapshot reads) the record the snapshot sees.
  /// The DDL latch is held (shared) by the caller.
  Result<bool> NextCandidate(std::string* key, std::optional<std::string>* record);
  Status AdvanceTree();
  std::optional<std::string> NextOwnKey() const;
  std::optional<std::string> NextVersionedKey() const;

  BTreeStorageEngine* engine_;
  EngineTransaction* txn_;
  TableEntry table_;
  std::unique_ptr<BTreeCursor> tree_;
  EncodedKeyRange range_;
  std::optional<RowLockMode> lock_;
  uint64_t read_ts_;
  uint64_t ddl_epoch_;

  std::optional<std::string> last_;  // the last key considered
  bool tree_done_ = false;
  std::optional<std::string> tree_key_;  // the tree cursor's current head
  std::string tree_value_;
};

}  // namespace minisql::storage
