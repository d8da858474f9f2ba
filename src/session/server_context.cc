// server_context.cc — opening the server's shared state (see server_context.h).
#include "session/server_context.h"

#include "common/log.h"
#include "session/system_variables.h"

namespace minisql {

ServerContext::ServerContext(ServerOptions options, std::unique_ptr<storage::StorageEngine> storage)
    : options_(std::move(options)),
      storage_(std::move(storage)),
      variables_(std::make_unique<SystemVariables>(options_)),
      start_time_(std::chrono::steady_clock::now()) {}

ServerContext::~ServerContext() = default;

namespace {

// First start: with no account at all nobody could ever log in, so create
// root@localhost without a password, as `mysql_install_db --auth-root-...` would.
Status CreateInitialAccount(storage::StorageEngine* storage) {
  Result<std::unique_ptr<storage::Transaction>> txn =
      storage->Begin(storage::AccessMode::kReadWrite);
  if (!txn.ok()) return txn.status();
  Result<std::vector<storage::UserRecord>> users = storage->ListUsers(txn->get());
  if (!users.ok()) {
    storage->Rollback(txn->get());
    return users.status();
  }
  if (!users->empty()) {
    storage->Rollback(txn->get());
    return Status::OK();
  }
  storage::UserRecord root{"root", "localhost", "mysql_native_password", ""};
  Status created = storage->CreateUser(txn->get(), root);
  if (!created.ok()) {
    storage->Rollback(txn->get());
    return created;
  }
  MINISQL_RETURN_IF_ERROR(storage->Commit(txn->get()));
  LogWarning(
      "root@localhost has been created with an empty password: anyone who can reach this "
      "server as localhost can log in as root. Set a password before exposing the server.");
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<ServerContext>> ServerContext::Open(const ServerOptions& options) {
  storage::EngineOptions engine_options;
  engine_options.datadir = options.datadir;
  engine_options.buffer_pool_bytes = options.buffer_pool_size;
  Result<std::unique_ptr<storage::StorageEngine>> storage =
      storage::OpenStorageEngine(engine_options);
  if (!storage.ok()) return storage.status();
  MINISQL_RETURN_IF_ERROR(CreateInitialAccount(storage->get()));
  return std::unique_ptr<ServerContext>(new ServerContext(options, std::move(*storage)));
}

Result<std::optional<storage::UserRecord>> ServerContext::FindAccount(const std::string& user,
                                                                      const std::string& host) {
  Result<std::unique_ptr<storage::Transaction>> txn =
      storage_->Begin(storage::AccessMode::kReadOnly);
  if (!txn.ok()) return txn.status();
  // A loopback connection is 'localhost'; then the exact host; then the '%' wildcard.
  std::vector<std::string> candidates;
  if (host == "127.0.0.1" || host == "::1" || host == "localhost")
    candidates.push_back("localhost");
  candidates.push_back(host);
  candidates.push_back("%");
  Result<std::optional<storage::UserRecord>> found = std::optional<storage::UserRecord>();
  for (const std::string& candidate : candidates) {
    found = storage_->FindUser(txn->get(), user, candidate);
    if (!found.ok() || found->has_value()) break;
  }
  storage_->Rollback(txn->get());
  return found;
}

uint64_t ServerContext::UptimeSeconds() const {
  auto elapsed = std::chrono::steady_clock::now() - start_time_;
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count());
}

}  // namespace minisql
