// join_order.cc — see join_order.h.
#include "sql/planner/join_order.h"

namespace minisql::sql {

namespace {

bool Within(uint64_t tables, uint64_t set) {
  return (tables & ~set) == 0;
}

// 2: an equality predicate connects them; 1: some predicate does; 0: none.
int Connection(const std::vector<JoinPredicate>& predicates, uint64_t joined, uint64_t next) {
  int best = 0;
  for (const JoinPredicate& p : predicates) {
    if (IsJoinKey(p, joined, next)) return 2;
    if (Within(p.tables, joined | next) && (p.tables & joined) != 0 && (p.tables & next) != 0) {
      best = 1;
    }
  }
  return best;
}

}  // namespace

bool IsJoinKey(const JoinPredicate& p, uint64_t a, uint64_t b) {
  if (!p.equality || p.left_tables == 0 || p.right_tables == 0) return false;
  return (Within(p.left_tables, a) && Within(p.right_tables, b)) ||
         (Within(p.left_tables, b) && Within(p.right_tables, a));
}

std::vector<size_t> ChooseJoinOrder(const std::vector<JoinInput>& inputs,
                                    const std::vector<JoinPredicate>& predicates) {
  std::vector<size_t> order;
  if (inputs.empty()) return order;
  std::vector<bool> used(inputs.size(), false);
  size_t first = 0;
  for (size_t i = 1; i < inputs.size(); ++i) {
    if (inputs[i].estimated_rows < inputs[first].estimated_rows) first = i;
  }
  order.push_back(first);
  used[first] = true;
  uint64_t joined = inputs[first].tables;
  while (order.size() < inputs.size()) {
    size_t best = inputs.size();
    int best_connection = -1;
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (used[i]) continue;
      int connection = Connection(predicates, joined, inputs[i].tables);
      if (connection > best_connection ||
          (connection == best_connection &&
           inputs[i].estimated_rows < inputs[best].estimated_rows)) {
        best = i;
        best_connection = connection;
      }
    }
    order.push_back(best);
    used[best] = true;
    joined |= inputs[best].tables;
  }
  return order;
}

}  // namespace minisql::sql
