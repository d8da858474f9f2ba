// server_context.cc — opening the server's shared state (see server_context.h).
#include "session/server_context.h"

#include "common/log.h"
#include "session/account_lookup.h"
#include "session/privilege_table.h"
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
// root@localhost without a password and with ALL PRIVILEGES ON *.* WITH GRANT OPTION,
// as `mysql_install_db` would. A data directory from before GRANT existed has accounts
// but no grants at all: its root@localhost gets the same privileges, so that someone
// can still administer the server (the other accounts are left with USAGE).
Status CreateInitialAccount(storage::StorageEngine* storage) {
  Result<std::unique_ptr<storage::Transaction>> txn =
      storage->Begin(storage::AccessMode::kReadWrite);
  if (!txn.ok()) return txn.status();
  Result<std::vector<storage::UserRecord>> users = storage->ListUsers(txn->get());
  if (!users.ok()) {
    storage->Rollback(txn->get());
    return users.status();
  }
  std::string superuser = AccountPrivileges::Superuser().Encode();
  bool any_grants = false;
  std::optional<storage::UserRecord> root;
  for (const storage::UserRecord& user : *users) {
    if (!user.privileges.empty()) any_grants = true;
    if (user.user == "root" && user.host == "localhost") root = user;
  }
  if (!users->empty() && (any_grants || !root)) {
    storage->Rollback(txn->get());
    return Status::OK();
  }
  Status created;
  if (root) {
    root->privileges = superuser;
    created = storage->UpdateUser(txn->get(), *root).status();
  } else {
    created = storage->CreateUser(
        txn->get(),
        storage::UserRecord{"root", "localhost", "mysql_native_password", "", superuser});
  }
  if (!created.ok()) {
    storage->Rollback(txn->get());
    return created;
  }
  MINISQL_RETURN_IF_ERROR(storage->Commit(txn->get()));
  if (root) {
    LogWarning(
        "root@localhost has been given ALL PRIVILEGES ON *.* (data directory from before "
        "privileges existed)");
    return Status::OK();
  }
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
  // MySQL's choice among the matching accounts (session/account_lookup.h).
  Result<std::vector<storage::UserRecord>> accounts = storage_->ListUsers(txn->get());
  storage_->Rollback(txn->get());
  if (!accounts.ok()) return accounts.status();
  std::optional<size_t> chosen = ChooseAccount(*accounts, user, host);
  if (!chosen) return std::optional<storage::UserRecord>();
  return std::optional<storage::UserRecord>((*accounts)[*chosen]);
}

uint64_t ServerContext::UptimeSeconds() const {
  auto elapsed = std::chrono::steady_clock::now() - start_time_;
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count());
}

}  // namespace minisql
