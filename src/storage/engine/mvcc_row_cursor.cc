// mvcc_row_cursor.cc — see mvcc_row_cursor.h.
#include "storage/engine/mvcc_row_cursor.h"

#include "storage/btree/btree.h"
#include "storage/engine/btree_storage_engine.h"
#include "storage/table/row_codec.h"

namespace minisql::storage {
namespace {

bool StartsWith(const std::string& key, const std::string& prefix) {
  return key.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Result<EncodedKeyRange> EncodeRange(
    const KeyRange& range,
    const std::function<Result<std::string>(const std::vector<Value>&)>& encode_prefix) {
  EncodedKeyRange out;
  for (auto [bound, encoded] :
       {std::pair{&range.lower, &out.lower}, std::pair{&range.upper, &out.upper}}) {
    if (!*bound) continue;
    Result<std::string> prefix = encode_prefix((*bound)->values);
    if (!prefix.ok()) return prefix.status();
    *encoded = EncodedKeyRange::Bound{std::move(*prefix), (*bound)->inclusive};
  }
  return out;
}

bool EncodedKeyRange::BeforeLower(const std::string& key) const {
  if (!lower) return false;
  if (key < lower->prefix) return true;
  return !lower->inclusive && StartsWith(key, lower->prefix);
}

bool EncodedKeyRange::BeyondUpper(const std::string& key) const {
  if (!upper) return false;
  return upper->inclusive ? (key > upper->prefix && !StartsWith(key, upper->prefix))
                          : key >= upper->prefix;
}

Status MvccRowCursor::AdvanceTree() {
  std::string key, value;
  while (!tree_done_ && (!tree_key_ || (last_ && *tree_key_ <= *last_))) {
    tree_key_.reset();
    Result<bool> more = tree_->Next(&key, &value);
    if (!more.ok()) return more.status();
    if (!*more || range_.BeyondUpper(key)) {
      tree_done_ = true;
      break;
    }
    if (range_.BeforeLower(key)) continue;
    tree_key_ = std::move(key);
    tree_value_ = std::move(value);
  }
  return Status::OK();
}

std::optional<std::string> MvccRowCursor::NextOwnKey() const {
  const WriteSet::TableWrites* writes = txn_->writes.Table(table_.schema->table_id);
  if (writes == nullptr) return std::nullopt;
  auto it = last_ ? writes->rows.upper_bound(*last_)
                  : writes->rows.lower_bound(range_.lower ? range_.lower->prefix : "");
  while (it != writes->rows.end() && range_.BeforeLower(it->first)) ++it;
  if (it == writes->rows.end() || range_.BeyondUpper(it->first)) return std::nullopt;
  return it->first;
}

std::optional<std::string> MvccRowCursor::NextVersionedKey() const {
  const VersionStore& versions = engine_->versions_;
  uint64_t table_id = table_.schema->table_id;
  std::optional<std::string> key =
      last_ ? versions.NextKey(table_id, *last_, false)
            : versions.NextKey(table_id, range_.lower ? range_.lower->prefix : "", true);
  while (key && range_.BeforeLower(*key)) key = versions.NextKey(table_id, *key, false);
  if (!key || range_.BeyondUpper(*key)) return std::nullopt;
  return key;
}

Result<bool> MvccRowCursor::NextCandidate(std::string* key, std::optional<std::string>* record) {
  MINISQL_RETURN_IF_ERROR(AdvanceTree());
  std::optional<std::string> candidate = tree_key_;
  auto consider = [&](std::optional<std::string> other) {
    if (other && (!candidate || *other < *candidate)) candidate = std::move(other);
  };
  consider(NextOwnKey());
  if (!lock_) consider(NextVersionedKey());
  if (!candidate) return false;
  last_ = candidate;
  *key = std::move(*candidate);
  if (lock_) return true;  // the record is read after the lock is granted
  uint64_t table_id = table_.schema->table_id;
  if (const WriteSet::Change* own = txn_->writes.Find(table_id, *key)) {
    *record = *own;
    return true;
  }
  // The tree's record is read BEFORE the VersionStore is asked (SnapshotRecord explains
  // why): the tree cursor's head was, a key it does not hold is read now.
  if (tree_key_ && *tree_key_ == *key) {
    *record = tree_value_;
  } else {
    Result<std::optional<std::string>> latest = BTree(engine_->pager_.get(), table_.root).Get(*key);
    if (!latest.ok()) return latest.status();
    *record = std::move(*latest);
  }
  if (std::optional<VersionStore::Record> old =
          engine_->versions_.VisibleAt(table_id, *key, read_ts_)) {
    *record = std::move(*old);
  }
  return true;
}

Result<bool> MvccRowCursor::Next(Row* row, RowId* id) {
  std::string key;
  std::optional<std::string> record;
  while (true) {
    {
      BTreeStorageEngine::ReadLatch latch(engine_, txn_);
      uint64_t epoch = engine_->ddl_epoch_.load();
      if (epoch != ddl_epoch_) {
        Result<TableEntry> again = engine_->Resolve(*table_.schema);
        if (!again.ok()) return again.status();
        if (again->root != table_.root) return Status::Error(ErrorCode::kTableDefChanged);
        ddl_epoch_ = epoch;
      }
      Result<bool> found = NextCandidate(&key, &record);
      if (!found.ok()) return found.status();
      if (!*found) return false;
    }
    if (lock_) {
      MINISQL_RETURN_IF_ERROR(engine_->LockRow(txn_, table_.schema->table_id, key, *lock_));
      BTreeStorageEngine::ReadLatch latch(engine_, txn_);
      Result<std::optional<std::string>> latest = engine_->LatestRecord(txn_, table_, key);
      if (!latest.ok()) return latest.status();
      record = std::move(*latest);
    }
    if (!record) continue;  // absent in this read view
    Result<Row> decoded = DecodeRow(*table_.schema, *record);
    if (!decoded.ok()) return decoded.status();
    *row = std::move(*decoded);
    if (id != nullptr) *id = std::move(key);
    return true;
  }
}

}  // namespace minisql::storage
