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
  pending_output_.append(bytes);
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

void Connection::RunJob(bool start) {
  if (start) handler_->Start(over_capacity_);
  bool may_progress = true;  // false after the handler found the buffered request incomplete
  while (true) {
    {
      std::lock_guard lock(mutex_);
      bool new_bytes = !input_.empty();
      if (close_requested_ || peer_gone_ || (!may_progress && !new_bytes)) {
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
  handle_.handle.data = this;
  if (uv_read_start(stream(), AllocCallback, ReadCallback) == 0) reading_ = true;
  std::lock_guard lock(mutex_);
  job_running_ = true;
  auto self = shared_from_this();
  server_->pool()->Submit([self] { self->RunJob(/*start=*/true); });
}

void Connection::ScheduleJobLocked() {
  job_running_ = true;
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
  } else if (nread < 0) {  // UV_EOF or a socket error: the client is gone
    connection->OnPeerGone();
  }
  std::free(buf->base);
}

void Connection::OnRead(const char* data, size_t length) {
  std::lock_guard lock(mutex_);
  input_.append(data, length);
  if (!job_running_ && !close_requested_) ScheduleJobLocked();
  // Bound what a client can make us buffer while a statement runs.
  if (input_.size() > server_->max_allowed_packet() + kReadSlack && reading_) {
    uv_read_stop(stream());
    reading_ = false;
  }
}

void Connection::OnPeerGone() {
  {
    std::lock_guard lock(mutex_);
    peer_gone_ = true;
  }
  output_drained_.notify_all();
  if (!closing_) {
    closing_ = true;
    uv_close(handle(), CloseCallback);
  }
}

void Connection::Sync() {
  if (closing_) return;
  std::string bytes;
  bool close_now = false;
  bool resume_reading = false;
  {
    std::lock_guard lock(mutex_);
    bytes.swap(pending_output_);
    close_now = close_requested_ && !job_running_;
    resume_reading = !reading_ && !close_requested_ &&
                     input_.size() <= server_->max_allowed_packet() + kReadSlack;
    // Bytes that arrived while the handler was finishing its previous request.
    if (!job_running_ && !close_requested_ && !peer_gone_ && !input_.empty()) {
      ScheduleJobLocked();
    }
  }
  if (!bytes.empty()) {
    auto* request = new WriteRequest{{}, std::move(bytes), shared_from_this()};
    request->request.data = request;
    uv_buf_t buf = uv_buf_init(request->bytes.data(), static_cast<unsigned>(request->bytes.size()));
    if (uv_write(&request->request, stream(), &buf, 1, WriteCallback) != 0) {
      delete request;
      OnPeerGone();
      return;
    }
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
    connection->unsent_bytes_ -= write->bytes.size();
  }
  connection->output_drained_.notify_all();
  if (status < 0 && status != UV_ECANCELED) connection->OnPeerGone();
  delete write;
}

void Connection::StartClose() {
  if (closing_) return;
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
  OnPeerGone();
}

}  // namespace minisql::net
