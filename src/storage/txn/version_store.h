// version_store.h — older committed versions of rows, for snapshot reads (MVCC).
//
// The B+ tree always holds the LATEST committed version of every row. When a commit
// with timestamp C changes a key, the key's previous state (the old encoded row, or
// "absent" if the commit inserted it) is pushed on the key's chain here, tagged
// "superseded at C":
//
//   commit 12 inserts K = "v1", commit 15 updates it to "v2":
//
//   (table 7, key K) ──► [ {superseded_at 12, absent} , {superseded_at 15, "v1"} ]
//                            oldest                        newest
//   tree: K = "v2"        snapshot 11 sees no row, 13 sees "v1", 15 and later "v2"
//
// Visibility rule. A snapshot with read timestamp S sees every commit with timestamp
// <= S and none after. For a key, walk its chain from the oldest entry: the first entry
// with superseded_at > S holds what S sees (that state was still current at S). If no
// entry is newer than S, S sees the tree's latest version.
//
// Garbage collection. An entry superseded at C is needed only by snapshots with
// S < C. Entries are also queued in commit order, so GarbageCollect(oldest) pops
// from the front of that queue while superseded_at <= oldest, the smallest read
// timestamp of any open snapshot.
//
// Memory only: snapshots do not survive a restart, so neither need their versions.
// Thread-safe (one mutex); a commit records a key's old state here BEFORE it changes
// the tree, because readers run concurrently with it (engine_commit.cc).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace minisql::storage {

class VersionStore {
 public:
  using Record = std::optional<std::string>;  // nullopt: the row did not exist

  /// The commit at `superseded_at` replaced `before` under (table_id, key). Calls come
  /// in non-decreasing superseded_at order.
  void Add(uint64_t table_id, const std::string& key, uint64_t superseded_at, Record before);

  /// What a snapshot at `read_ts` sees for the key: nullopt if it sees the tree's
  /// latest version, else the older state (a row or absent).
  std::optional<Record> VisibleAt(uint64_t table_id, const std::string& key,
                                  uint64_t read_ts) const;

  /// The smallest key of `table_id` that has versions and is > `after` (>= when
  /// `inclusive`): scans use it to find rows deleted after their snapshot.
  std::optional<std::string> NextKey(uint64_t table_id, const std::string& after,
                                     bool inclusive) const;

  /// Drops every version no snapshot with read timestamp >= `oldest_read_ts` needs.
  void GarbageCollect(uint64_t oldest_read_ts);

  size_t size() const;

 private:
  struct Version {
    uint64_t superseded_at;
    Record record;
  };
  using ChainKey = std::pair<uint64_t, std::string>;
  mutable std::mutex mu_;
  std::map<ChainKey, std::deque<Version>> chains_;
  std::deque<std::pair<uint64_t, ChainKey>> by_age_;  // (superseded_at, chain), oldest first
};

}  // namespace minisql::storage
