// window_executor.cc — see window_executor.h.
#include "sql/executor/window_executor.h"

#include <algorithm>
#include <memory>
#include <numeric>

#include "sql/executor/value_order.h"
#include "sql/expression/arithmetic.h"

namespace minisql::sql {

namespace {

using BoundKind = ast::WindowFrameBound::Kind;

}  // namespace

struct WindowExecutor::Pass {
  std::vector<Row> partition_keys;  // per input row
  std::vector<Row> order_keys;      // per input row
  std::vector<Value> arguments;     // per input row (empty if no argument)
  std::vector<size_t> order;        // input rows sorted by partition, then order keys
  std::vector<bool> descending;     // per order key

  // <0, 0, >0: how input rows a and b compare in the window's ORDER BY.
  int CompareOrder(size_t a, size_t b) const {
    for (size_t k = 0; k < descending.size(); ++k) {
      int c = CompareForOrder(order_keys[a][k], order_keys[b][k]);
      if (c != 0) return descending[k] ? -c : c;
    }
    return 0;
  }
  bool SamePartition(size_t a, size_t b) const {
    for (size_t k = 0; k < partition_keys[a].size(); ++k) {
      if (CompareForOrder(partition_keys[a][k], partition_keys[b][k]) != 0) return false;
    }
    return true;
  }
};

Status WindowExecutor::Init() {
  MINISQL_RETURN_IF_ERROR(child_->Init());
  rows_.clear();
  next_ = 0;
  Row row;
  while (true) {
    Result<bool> more = child_->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) break;
    rows_.push_back(std::move(row));
    row = Row();
  }
  // Every function appends one value to every row; expressions only read the input
  // columns in front, so later functions are not disturbed by earlier results.
  for (const BoundWindowFunction& function : plan_->functions) {
    MINISQL_RETURN_IF_ERROR(Compute(function));
  }
  return Status::OK();
}

Result<bool> WindowExecutor::Next(Row* row) {
  if (next_ >= rows_.size()) return false;
  *row = std::move(rows_[next_++]);
  return true;
}

Result<Value> WindowExecutor::Evaluate(const ExpressionPtr& expression, size_t row) const {
  return expression->Evaluate(rows_[row], *ctx_->eval);
}

Status WindowExecutor::Compute(const BoundWindowFunction& function) {
  const size_t n = rows_.size();
  Pass pass;
  pass.partition_keys.resize(n);
  pass.order_keys.resize(n);
  for (const BoundWindowOrderItem& item : function.order_by)
    pass.descending.push_back(item.descending);
  for (size_t r = 0; r < n; ++r) {
    for (const ExpressionPtr& key : function.partition_by) {
      Result<Value> v = Evaluate(key, r);
      if (!v.ok()) return v.status();
      pass.partition_keys[r].push_back(std::move(*v));
    }
    for (const BoundWindowOrderItem& item : function.order_by) {
      Result<Value> v = Evaluate(item.key, r);
      if (!v.ok()) return v.status();
      pass.order_keys[r].push_back(std::move(*v));
    }
    if (function.argument) {
      Result<Value> v = Evaluate(function.argument, r);
      if (!v.ok()) return v.status();
      pass.arguments.push_back(std::move(*v));
    }
  }
  pass.order.resize(n);
  std::iota(pass.order.begin(), pass.order.end(), 0);
  std::stable_sort(pass.order.begin(), pass.order.end(), [&pass](size_t a, size_t b) {
    for (size_t k = 0; k < pass.partition_keys[a].size(); ++k) {
      int c = CompareForOrder(pass.partition_keys[a][k], pass.partition_keys[b][k]);
      if (c != 0) return c < 0;
    }
    return pass.CompareOrder(a, b) < 0;
  });
  // Results go to a side vector first: ComputePartition appends in sorted order.
  for (size_t begin = 0; begin < n;) {
    size_t end = begin + 1;
    while (end < n && pass.SamePartition(pass.order[begin], pass.order[end])) ++end;
    MINISQL_RETURN_IF_ERROR(ComputePartition(function, pass, begin, end));
    begin = end;
  }
  return Status::OK();
}

namespace {

// The frame of the row at sorted position `i` of the partition [begin, end): positions
// [lo, hi), empty when lo >= hi. `peer_begin`/`peer_end` delimit i's peers.
struct FrameFinder {
  const BoundWindowFunction& function;
  const std::vector<size_t>& order;
  const std::vector<Row>& order_keys;
  size_t begin;
  size_t end;

  // ROWS: the position `offset` rows before (sign -1) or after (+1) i, clamped to the
  // partition (as a position one past either end when it falls outside).
  size_t Shift(size_t i, const Value& offset, int sign) const {
    const int64_t n = offset.int_value();
    if (sign < 0) return static_cast<int64_t>(i - begin) < n ? begin : i - n;
    return static_cast<int64_t>(end - i) < n ? end : i + n;
  }

  // RANGE n PRECEDING / FOLLOWING: the first position whose key is at or past (or,
  // with `after`, strictly past) key(i) -/+ n in the window's order.
  Result<size_t> RangeEdge(size_t i, const Value& offset, bool preceding, bool after) const {
    const BoundWindowOrderItem& item = function.order_by[0];
    const Value& key = order_keys[order[i]][0];
    const bool subtract = preceding != item.descending;
    NumericClass mode = NumericClassOf(item.key->type()) == NumericClass::kDouble ||
                                offset.kind() == Value::Kind::kDouble
                            ? NumericClass::kDouble
                            : NumericClass::kDecimal;
    Result<Value> target = EvaluateArithmetic(subtract ? ArithmeticOp::kSub : ArithmeticOp::kAdd,
                                              mode, key, offset, 0, "RANGE frame bound");
    if (!target.ok()) return target.status();
    // Positions are ordered by the key in the window's direction, so the edge can be
    // found by binary search; NULL keys sit at one end and compare accordingly.
    auto compare = [&](size_t position) {
      int c = CompareForOrder(order_keys[order[position]][0], *target);
      return item.descending ? -c : c;
    };
    size_t lo = begin, hi = end;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      int c = compare(mid);
      if (c < 0 || (after && c == 0)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  Result<size_t> Start(size_t i, size_t peer_begin) const {
    const BoundFrameBound& bound = function.frame_start;
    const bool null_key =
        function.range_frame && !function.order_by.empty() && order_keys[order[i]][0].is_null();
    switch (bound.kind) {
      case BoundKind::kUnboundedPreceding:
        return begin;
      case BoundKind::kCurrentRow:
        return function.range_frame ? peer_begin : i;
      case BoundKind::kPreceding:
      case BoundKind::kFollowing: {
        const bool preceding = bound.kind == BoundKind::kPreceding;
        if (!function.range_frame) return Shift(i, bound.offset, preceding ? -1 : +1);
        if (null_key) return peer_begin;  // NULL +/- n is NULL: the frame is the NULL peers
        return RangeEdge(i, bound.offset, preceding, /*after=*/false);
      }
      case BoundKind::kUnboundedFollowing:
        return end;
    }
    return end;
  }

  Result<size_t> End(size_t i, size_t peer_end) const {
    const BoundFrameBound& bound = function.frame_end;
    const bool null_key =
        function.range_frame && !function.order_by.empty() && order_keys[order[i]][0].is_null();
    switch (bound.kind) {
      case BoundKind::kUnboundedPreceding:
        return begin;
      case BoundKind::kCurrentRow:
        return function.range_frame ? peer_end : i + 1;
      case BoundKind::kPreceding:
      case BoundKind::kFollowing: {
        const bool preceding = bound.kind == BoundKind::kPreceding;
        if (!function.range_frame) {
          size_t last = Shift(i, bound.offset, preceding ? -1 : +1);
          // n PRECEDING beyond the partition start: the frame is empty.
          if (preceding && static_cast<int64_t>(i - begin) < bound.offset.int_value()) {
            return begin;
          }
          return std::min(last + 1, end);
        }
        if (null_key) return peer_end;
        return RangeEdge(i, bound.offset, preceding, /*after=*/true);
      }
      case BoundKind::kUnboundedFollowing:
        return end;
    }
    return end;
  }
};

}  // namespace

Status WindowExecutor::ComputePartition(const BoundWindowFunction& function, const Pass& pass,
                                        size_t begin, size_t end) {
  const std::vector<size_t>& order = pass.order;
  const FrameFinder frames{function, order, pass.order_keys, begin, end};
  // Running aggregate for frames that start at the partition's first row.
  std::unique_ptr<Aggregator> running;
  size_t accumulated = begin;
  const bool incremental = function.kind == WindowFunctionKind::kAggregate &&
                           function.frame_start.kind == BoundKind::kUnboundedPreceding;
  auto accumulate = [&](Aggregator* aggregator, size_t position) {
    return aggregator->Accumulate(function.argument ? pass.arguments[order[position]]
                                                    : Value::Int(1));  // COUNT(*)
  };

  size_t peer_begin = begin;
  size_t peer_end = begin;
  int64_t rank = 0;
  int64_t dense_rank = 0;
  const int64_t size = static_cast<int64_t>(end - begin);
  for (size_t i = begin; i < end; ++i) {
    if (i == peer_end) {  // a new group of peers starts here
      peer_begin = i;
      peer_end = i + 1;
      while (peer_end < end && pass.CompareOrder(order[i], order[peer_end]) == 0) ++peer_end;
      rank = static_cast<int64_t>(i - begin) + 1;
      ++dense_rank;
    }
    const size_t row = order[i];
    const int64_t position = static_cast<int64_t>(i - begin);
    Value result;
    switch (function.kind) {
      case WindowFunctionKind::kRowNumber:
        result = Value::Int(position + 1);
        break;
      case WindowFunctionKind::kRank:
        result = Value::Int(rank);
        break;
      case WindowFunctionKind::kDenseRank:
        result = Value::Int(dense_rank);
        break;
      case WindowFunctionKind::kPercentRank:
        result = Value::Double(
            size == 1 ? 0.0 : static_cast<double>(rank - 1) / static_cast<double>(size - 1));
        break;
      case WindowFunctionKind::kCumeDist:
        result = Value::Double(static_cast<double>(peer_end - begin) / static_cast<double>(size));
        break;
      case WindowFunctionKind::kNtile: {
        // `size` rows in `count` buckets; the first size % count buckets get one more.
        const int64_t buckets = function.count;
        const int64_t small = size / buckets;
        const int64_t large_rows = (size % buckets) * (small + 1);
        result = Value::Int(position < large_rows
                                ? position / (small + 1) + 1
                                : size % buckets + (position - large_rows) / small + 1);
        break;
      }
      case WindowFunctionKind::kLag:
      case WindowFunctionKind::kLead: {
        // LAG(x, -n) is LEAD(x, n); both ignore the frame.
        const int64_t step =
            function.kind == WindowFunctionKind::kLag ? -function.count : function.count;
        const bool inside = step < 0 ? position >= -step : size - position > step;
        if (inside) {
          result = pass.arguments[order[static_cast<size_t>(static_cast<int64_t>(i) + step)]];
        } else if (function.default_value) {
          Result<Value> v = Evaluate(function.default_value, row);
          if (!v.ok()) return v.status();
          result = std::move(*v);
        }
        break;
      }
      case WindowFunctionKind::kFirstValue:
      case WindowFunctionKind::kLastValue:
      case WindowFunctionKind::kNthValue:
      case WindowFunctionKind::kAggregate: {
        Result<size_t> lo = frames.Start(i, peer_begin);
        if (!lo.ok()) return lo.status();
        Result<size_t> hi = frames.End(i, peer_end);
        if (!hi.ok()) return hi.status();
        const bool empty = *lo >= *hi;
        if (function.kind == WindowFunctionKind::kFirstValue) {
          if (!empty) result = pass.arguments[order[*lo]];
          break;
        }
        if (function.kind == WindowFunctionKind::kLastValue) {
          if (!empty) result = pass.arguments[order[*hi - 1]];
          break;
        }
        if (function.kind == WindowFunctionKind::kNthValue) {
          if (!empty && function.count >= 1 && static_cast<uint64_t>(function.count) <= *hi - *lo) {
            result = pass.arguments[order[*lo + static_cast<size_t>(function.count) - 1]];
          }
          break;
        }
        Result<std::unique_ptr<Aggregator>> fresh = MakeAggregator(function.aggregate);
        if (!fresh.ok()) return fresh.status();
        Aggregator* aggregator = fresh->get();
        if (incremental && *hi >= accumulated) {  // [begin, hi) grows from row to row
          if (!running) running = std::move(*fresh);
          aggregator = running.get();
          for (; accumulated < *hi; ++accumulated) {
            MINISQL_RETURN_IF_ERROR(accumulate(aggregator, accumulated));
          }
        } else {
          for (size_t p = *lo; p < *hi; ++p) MINISQL_RETURN_IF_ERROR(accumulate(aggregator, p));
        }
        Result<Value> v = aggregator->Finish();
        if (!v.ok()) return v.status();
        result = std::move(*v);
        break;
      }
    }
    rows_[row].push_back(std::move(result));
  }
  return Status::OK();
}

}  // namespace minisql::sql
