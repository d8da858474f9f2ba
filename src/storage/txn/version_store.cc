// version_store.cc — see version_store.h.
#include "storage/txn/version_store.h"

namespace minisql::storage {

void VersionStore::Add(uint64_t table_id, const std::string& key, uint64_t superseded_at,
                       Record before) {
  std::lock_guard<std::mutex> lock(mu_);
  ChainKey chain{table_id, key};
  chains_[chain].push_back(Version{superseded_at, std::move(before)});
  by_age_.emplace_back(superseded_at, std::move(chain));
}

std::optional<VersionStore::Record> VersionStore::VisibleAt(uint64_t table_id,
                                                            const std::string& key,
                                                            uint64_t read_ts) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = chains_.find(ChainKey{table_id, key});
  if (it == chains_.end()) return std::nullopt;
  for (const Version& version : it->second) {
    if (version.superseded_at > read_ts) return version.record;
  }
  return std::nullopt;
}

std::optional<std::string> VersionStore::NextKey(uint64_t table_id, const std::string& after,
                                                 bool inclusive) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = inclusive ? chains_.lower_bound(ChainKey{table_id, after})
                      : chains_.upper_bound(ChainKey{table_id, after});
  if (it == chains_.end() || it->first.first != table_id) return std::nullopt;
  return it->first.second;
}

void VersionStore::GarbageCollect(uint64_t oldest_read_ts) {
  std::lock_guard<std::mutex> lock(mu_);
  while (!by_age_.empty() && by_age_.front().first <= oldest_read_ts) {
    auto chain = chains_.find(by_age_.front().second);
    // Chains grow in commit order too, so the queue's front is its chain's front.
    if (chain != chains_.end()) {
      chain->second.pop_front();
      if (chain->second.empty()) chains_.erase(chain);
    }
    by_age_.pop_front();
  }
}

size_t VersionStore::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return by_age_.size();
}

}  // namespace minisql::storage
