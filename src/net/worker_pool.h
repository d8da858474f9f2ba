// worker_pool.h — the threads that run statements, off the event loop.
//
// A fixed set of threads takes tasks from one FIFO queue. The event loop thread only
// moves bytes; everything that may take time (authentication, which reads the account
// table, and every command) is a task here, so one slow statement never delays
// another connection's I/O. Per-connection ordering is the connection's business: it
// has at most one task queued or running at a time (see connection.h).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace minisql::net {

class WorkerPool {
 public:
  /// Starts `threads` threads (0 = hardware concurrency; never fewer than 2).
  explicit WorkerPool(unsigned threads);
  /// Finishes every queued task, then joins the threads.
  ~WorkerPool();

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Submit(std::function<void()> task);
  size_t size() const { return threads_.size(); }

 private:
  void RunWorker();

  std::mutex mutex_;
  std::condition_variable wakeup_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace minisql::net
