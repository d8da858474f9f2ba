// worker_pool.cc — see worker_pool.h.
#include "net/worker_pool.h"

#include <algorithm>

namespace minisql::net {

WorkerPool::WorkerPool(unsigned base_threads, unsigned max_threads) {
  if (base_threads == 0) base_threads = std::thread::hardware_concurrency();
  base_threads = std::max(base_threads, 2u);
  max_threads_ = std::max(base_threads, max_threads);
  std::lock_guard lock(mutex_);
  for (unsigned i = 0; i < base_threads; ++i) threads_.emplace_back([this] { RunWorker(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeup_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void WorkerPool::Submit(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
    // Every thread busy (e.g. in a long statement or a lock wait): add one rather
    // than let this task wait behind them.
    if (idle_threads_ < tasks_.size() && threads_.size() < max_threads_) {
      threads_.emplace_back([this] { RunWorker(); });
    }
  }
  wakeup_.notify_one();
}

void WorkerPool::RunWorker() {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ++idle_threads_;
      wakeup_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      --idle_threads_;
      if (tasks_.empty()) return;  // stopping and drained
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

}  // namespace minisql::net
