// connection.cc — see connection.h for the threading protocol between loop and worker.
#include "net/connection.h"

#include <cstdlib>

#include "net/server.h"
#include "session/server_context.h"

namespace minisql::net {

namespace {

/// A uv_write in flight: the buffer must live until the callback, and the connection
/// is kept alive by the request itself.
struct WriteRequest {
  uv_write_t request;
  std::string bytes;
  size_t accounted;  // how much of unsent_bytes_ this write settles (plaintext size)
  std::shared_ptr<Connection> connection;
};

}  // namespace

Connection::Connection(Server* server, ServerContext* context, uint32_t id)
    : server_(server), context_(context), id_(id) {
  context_->threads_connected.fetch_add(1);
}

Connection::~Connection() {
  handler_.reset();  // ends the session (rolls back an open transaction) first
  context_->threads_connected.fetch_sub(1);
}

// --- Worker side -------------------------------------------------------------------------

Status Connection::Write(std::string bytes) {
  std::unique_lock lock(mutex_);
  if (peer_gone_) return Status::Error(ErrorCode::kNetErrorOnWrite);
  unsent_bytes_ += bytes.size();
  // Usually the loop has taken everything before: adopt the buffer instead of copying.
  if (pending_output_.empty()) {
    pending_output_ = std::move(bytes);
  } else {
    pending_output_.append(bytes);
  }
  lock.unlock();
  server_->Wake(shared_from_this());
  lock.lock();
  // Back-pressure: one oversized chunk is always accepted, then we wait for the loop.
  output_drained_.wait(lock, [this] { return peer_gone_ || unsent_bytes_ <= kMaxUnsentBytes; });
  if (peer_gone_) return Status::Error(ErrorCode::kNetErrorOnWrite);
  return Status::OK();
}

void Connection::RequestClose() {
  std::lock_guard lock(mutex_);
  close_requested_ = true;
}

SSL_CTX* Connection::tls_context() const {
  return server_->tls_context();
}

AuthServices* Connection::auth_services() const {
  return server_->auth_services();
}

void Connection::StartTls(std::string_view leftover) {
  std::lock_guard lock(mutex_);
  if (tls_phase_ != TlsPhase::kOff) return;
  tls_phase_ = TlsPhase::kStarting;
  // Whatever the handler wrote so far predates TLS and goes out in the clear.
  plain_output_.append(pending_output_);
  pending_output_.clear();
  tls_inbox_.assign(leftover);
  tls_inbox_.append(input_);
  input_.clear();
  // The job's loop ends (input_ is empty); its final Wake lets Sync start the channel.
}

Connection::TlsInfo Connection::tls_info() {
  std::lock_guard lock(mutex_);
  return tls_info_;
}

void Connection::RunJob(bool start) {
  if (start) handler_->Start(over_capacity_);
  bool may_progress = true;  // false after the handler found the buffered request incomplete
  while (true) {
    {
      std::lock_guard lock(mutex_);
      bool new_bytes = !input_.empty();
      if (close_requested_ || input_dropped_ || (!may_progress && !new_bytes)) {
        job_running_ = false;
        break;
      }
      work_.append(input_);
      input_.clear();
    }
    size_t consumed = work_.empty() ? 0 : handler_->HandleInput(work_);
    work_.erase(0, consumed);
    may_progress = consumed > 0;
  }
  // Tell the loop the job ended: it may now resume reading, close, or free us.
  server_->Wake(shared_from_this());
}

// --- Loop side ---------------------------------------------------------------------------

void Connection::Begin(bool over_capacity) {
  over_capacity_ = over_capacity;
  accepted_at_ms_ = uv_now(server_->loop());
  handle_.handle.data = this;
  if (uv_read_start(stream(), AllocCallback, ReadCallback) == 0) reading_ = true;
  std::lock_guard lock(mutex_);
  job_running_ = true;
  auto self = shared_from_this();
  server_->pool()->Submit([self] { self->RunJob(/*start=*/true); });
}

bool Connection::ClaimJobLocked() {
  if (job_running_ || close_requested_) return false;
  job_running_ = true;
  return true;
}

void Connection::SubmitJob() {
  // Called without mutex_: the worker that picks the job up takes mutex_ first thing,
  // and would otherwise wake only to sleep again until we unlock (a futex round trip
  // per statement).
  auto self = shared_from_this();
  server_->pool()->Submit([self] { self->RunJob(/*start=*/false); });
}

void Connection::AllocCallback(uv_handle_t* /*handle*/, size_t suggested, uv_buf_t* buf) {
  buf->base = static_cast<char*>(std::malloc(suggested));
  buf->len = buf->base == nullptr ? 0 : suggested;
}

void Connection::ReadCallback(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* connection = static_cast<Connection*>(stream->data);
  if (nread > 0) {
    connection->OnRead(buf->base, static_cast<size_t>(nread));
  } else if (nread < 0) {
    // UV_EOF or a socket error: the client is gone. Requests it sent before going still
    // run, as in mysqld (an INSERT sent just before closing must not be lost); only
    // their responses go nowhere.
    connection->OnPeerGone(/*drop_input=*/false);
  }
  std::free(buf->base);
}

void Connection::OnRead(const char* data, size_t length) {
  if (tls_) {
    OnCiphertext(std::string_view(data, length));
    return;
  }
  bool start_job = false;
  {
    std::lock_guard lock(mutex_);
    if (tls_phase_ == TlsPhase::kStarting) {  // the loop has not created the channel yet
      tls_inbox_.append(data, length);
      return;
    }
    input_.append(data, length);
    start_job = ClaimJobLocked();
    // Bound what a client can make us buffer while a statement runs.
    if (input_.size() > server_->max_allowed_packet() + kReadSlack && reading_) {
      uv_read_stop(stream());
      reading_ = false;
    }
  }
  if (start_job) SubmitJob();
}

void Connection::OnPeerGone(bool drop_input) {
  {
    std::lock_guard lock(mutex_);
    peer_gone_ = true;
    if (drop_input) {
      input_dropped_ = true;
      input_.clear();
    }
  }
  output_drained_.notify_all();
  if (!closing_) {
    closing_ = true;
    uv_close(handle(), CloseCallback);
  }
}

void Connection::OnCiphertext(std::string_view ciphertext) {
  std::string plaintext;
  Status status = tls_->Receive(ciphertext, &plaintext);
  std::string outgoing = tls_->TakeOutgoing();  // handshake flights, alerts
  if (!outgoing.empty()) SendRaw(std::move(outgoing), 0);
  if (!status.ok()) {
    // A failed handshake or a corrupt record: nothing sensible can follow.
    OnPeerGone(/*drop_input=*/true);
    return;
  }
  bool now_open = false;
  bool start_job = false;
  {
    std::lock_guard lock(mutex_);
    if (tls_->open() && !tls_info_.active) {
      tls_info_ = TlsInfo{true, tls_->cipher(), tls_->version()};
      now_open = true;
    }
    if (!plaintext.empty()) {
      input_.append(plaintext);
      start_job = ClaimJobLocked();
      if (input_.size() > server_->max_allowed_packet() + kReadSlack && reading_) {
        uv_read_stop(stream());
        reading_ = false;
      }
    }
  }
  if (start_job) SubmitJob();
  if (now_open) Sync();  // output held back during the handshake
}

void Connection::SendRaw(std::string bytes, size_t accounted) {
  if (closing_ || bytes.empty()) {
    if (accounted != 0) {
      std::lock_guard lock(mutex_);
      unsent_bytes_ -= accounted;
    }
    output_drained_.notify_all();
    return;
  }
  auto* request = new WriteRequest{{}, std::move(bytes), accounted, shared_from_this()};
  request->request.data = request;
  uv_buf_t buf = uv_buf_init(request->bytes.data(), static_cast<unsigned>(request->bytes.size()));
  if (uv_write(&request->request, stream(), &buf, 1, WriteCallback) != 0) {
    {
      std::lock_guard lock(mutex_);
      unsent_bytes_ -= accounted;
    }
    delete request;
    OnPeerGone(/*drop_input=*/false);
  }
}

void Connection::Sync() {
  if (closing_) return;
  std::string bytes;
  std::string plain_bytes;
  std::string first_ciphertext;
  bool start_tls = false;
  bool close_now = false;
  bool resume_reading = false;
  bool start_job = false;
  {
    std::lock_guard lock(mutex_);
    plain_bytes.swap(plain_output_);
    if (tls_phase_ == TlsPhase::kStarting) {
      tls_phase_ = TlsPhase::kActive;
      start_tls = true;
      first_ciphertext.swap(tls_inbox_);
    }
    // While the TLS handshake runs, output waits in pending_output_.
    bool can_send = tls_phase_ == TlsPhase::kOff || (tls_ && tls_->open());
    if (can_send) bytes.swap(pending_output_);
    close_now = close_requested_ && !job_running_;
    resume_reading = !reading_ && !close_requested_ &&
                     input_.size() <= server_->max_allowed_packet() + kReadSlack;
    // Bytes that arrived while the handler was finishing its previous request.
    if (!peer_gone_ && !input_.empty()) start_job = ClaimJobLocked();
  }
  if (start_job) SubmitJob();
  if (!plain_bytes.empty()) {
    size_t size = plain_bytes.size();
    SendRaw(std::move(plain_bytes), size);
  }
  if (start_tls) {
    Result<std::unique_ptr<TlsChannel>> channel =
        tls_context() ? TlsChannel::Create(tls_context())
                      : Result<std::unique_ptr<TlsChannel>>(
                            Status::WithMessage(ErrorCode::kUnknownError, "TLS is off"));
    if (!channel.ok()) {
      OnPeerGone(/*drop_input=*/true);
      return;
    }
    tls_ = std::move(*channel);
    if (!first_ciphertext.empty()) OnCiphertext(first_ciphertext);
    if (closing_) return;
  }
  if (!bytes.empty()) {
    size_t size = bytes.size();
    if (tls_) {
      if (!tls_->Send(bytes).ok()) {
        {
          std::lock_guard lock(mutex_);
          unsent_bytes_ -= size;
        }
        OnPeerGone(/*drop_input=*/true);
        return;
      }
      SendRaw(tls_->TakeOutgoing(), size);
    } else {
      SendRaw(std::move(bytes), size);
    }
    if (closing_) return;
  }
  if (resume_reading && uv_read_start(stream(), AllocCallback, ReadCallback) == 0) {
    reading_ = true;
  }
  if (close_now) StartClose();
}

void Connection::WriteCallback(uv_write_t* request, int status) {
  auto* write = static_cast<WriteRequest*>(request->data);
  Connection* connection = write->connection.get();
  {
    std::lock_guard lock(connection->mutex_);
    connection->unsent_bytes_ -= write->accounted;
  }
  connection->output_drained_.notify_all();
  if (status < 0 && status != UV_ECANCELED) connection->OnPeerGone(/*drop_input=*/false);
  delete write;
}

void Connection::StartClose() {
  if (closing_) return;
  if (tls_ && tls_->open()) {  // a polite close_notify before the FIN
    tls_->Shutdown();
    SendRaw(tls_->TakeOutgoing(), 0);
    if (closing_) return;  // the write failed: already closing
  }
  closing_ = true;
  if (reading_) uv_read_stop(stream());
  reading_ = false;
  // uv_shutdown waits for queued writes (the final ERR or OK), then we close.
  shutdown_request_.data = this;
  if (uv_shutdown(&shutdown_request_, stream(), ShutdownCallback) != 0) {
    uv_close(handle(), CloseCallback);
  }
}

void Connection::ShutdownCallback(uv_shutdown_t* request, int /*status*/) {
  auto* connection = static_cast<Connection*>(request->data);
  uv_close(connection->handle(), CloseCallback);
}

void Connection::CloseCallback(uv_handle_t* handle) {
  auto* connection = static_cast<Connection*>(handle->data);
  {
    std::lock_guard lock(connection->mutex_);
    connection->peer_gone_ = true;  // nothing can be sent any more
  }
  connection->output_drained_.notify_all();
  connection->server_->OnConnectionClosed(connection);  // may free the connection
}

void Connection::CloseWhenIdle() {
  {
    std::lock_guard lock(mutex_);
    close_requested_ = true;
  }
  Sync();
}

void Connection::ForceClose() {
  OnPeerGone(/*drop_input=*/true);
}

}  // namespace minisql::net
