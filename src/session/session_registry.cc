// session_registry.cc — see session_registry.h.
#include "session/session_registry.h"

namespace minisql {

SessionActivity::SessionActivity(uint32_t id, std::string user, std::string host)
    : id_(id), user_(std::move(user)), host_(std::move(host)) {}

void SessionActivity::SetHost(std::string host) {
  std::lock_guard lock(mutex_);
  host_ = std::move(host);
}

void SessionActivity::BeginCommand(const char* command, std::string info, std::string db) {
  interrupt_.ClearQuery();  // a KILL QUERY that came while idle is forgotten, as in MySQL
  std::lock_guard lock(mutex_);
  command_ = command;
  state_ = "";
  info_ = std::move(info);
  db_ = std::move(db);
  since_ = std::chrono::steady_clock::now();
}

void SessionActivity::EndCommand(std::string db) {
  std::lock_guard lock(mutex_);
  command_ = "Sleep";
  state_ = "";
  info_.reset();
  db_ = std::move(db);
  since_ = std::chrono::steady_clock::now();
}

void SessionActivity::SetState(const char* state) {
  std::lock_guard lock(mutex_);
  state_ = state;
}

ProcessInfo SessionActivity::Snapshot(std::chrono::steady_clock::time_point now) const {
  std::lock_guard lock(mutex_);
  ProcessInfo info;
  info.id = id_;
  info.user = user_;
  info.host = host_;
  if (!db_.empty()) info.db = db_;
  info.command = interrupt_.connection_killed() ? "Killed" : command_;
  info.seconds = std::chrono::duration_cast<std::chrono::seconds>(now - since_).count();
  info.state = state_;
  info.info = info_;
  return info;
}

void SessionRegistry::Add(std::shared_ptr<SessionActivity> activity) {
  std::lock_guard lock(mutex_);
  uint32_t id = activity->id();
  sessions_[id] = std::move(activity);
}

void SessionRegistry::Remove(const SessionActivity* activity) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(activity->id());
  if (it != sessions_.end() && it->second.get() == activity) sessions_.erase(it);
}

std::shared_ptr<SessionActivity> SessionRegistry::Find(uint32_t id) const {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  return it == sessions_.end() ? nullptr : it->second;
}

std::vector<ProcessInfo> SessionRegistry::List() const {
  std::vector<std::shared_ptr<SessionActivity>> all;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, activity] : sessions_) all.push_back(activity);
  }
  auto now = std::chrono::steady_clock::now();
  std::vector<ProcessInfo> rows;
  rows.reserve(all.size());
  for (const auto& activity : all) rows.push_back(activity->Snapshot(now));
  return rows;
}

size_t SessionRegistry::size() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

void SessionRegistry::Kill(SessionActivity* target, InterruptFlag::Kind kind) {
  target->interrupt()->Raise(kind);
  if (kind != InterruptFlag::Kind::kConnection) return;
  DisconnectHandler handler;
  {
    std::lock_guard lock(mutex_);
    handler = disconnect_;
  }
  if (handler) handler(target->id());
}

void SessionRegistry::SetDisconnectHandler(DisconnectHandler handler) {
  std::lock_guard lock(mutex_);
  disconnect_ = std::move(handler);
}

}  // namespace minisql
