// worker_pool.h — the threads that run statements, off the event loop.
//
// Threads take tasks from one FIFO queue. The event loop thread only moves bytes;
// everything that may take time (authentication, which reads the account table, and
// every command) is a task here, so one slow statement never delays another
// connection's I/O. Per-connection ordering is the connection's business: it has at
// most one task queued or running at a time (see connection.h).
//
// The pool starts with `base_threads` (one per core) and grows when a task arrives
// while every thread is busy, up to `max_threads`. Growing is what keeps a slow
// statement — a long join, or a write waiting for the engine latch while that join
// holds it — from starving everyone else: with a fixed pool of one thread per core,
// two such statements on a 2-core machine would leave no thread even for a COM_PING.
// Since each connection has at most one task at a time, max_threads = the connection
// limit means no command ever waits for a thread. Threads, once started, stay.
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
  /// Starts `base_threads` threads (0 = hardware concurrency; never fewer than 2) and
  /// allows growth to `max_threads` (at least base_threads).
  WorkerPool(unsigned base_threads, unsigned max_threads);
  /// Finishes every queued task, then joins the threads.
  ~WorkerPool();

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Submit(std::function<void()> task);
  size_t size() {
    std::lock_guard lock(mutex_);
    return threads_.size();
  }

 private:
  void RunWorker();

  std::mutex mutex_;
  std::condition_variable wakeup_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  size_t idle_threads_ = 0;  // threads waiting for a task
  size_t max_threads_;
  std::vector<std::thread> threads_;
};

}  // namespace minisql::net
