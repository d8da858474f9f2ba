// join_order_test.cc — the greedy join orderer (planner/join_order.h): smallest input
// first, then inputs connected by an equality, avoiding cross products.
#include <gtest/gtest.h>

#include "sql/planner/join_order.h"

namespace minisql::sql {
namespace {

constexpr uint64_t T(int i) {
  return uint64_t{1} << i;
}

JoinPredicate Equal(uint64_t left, uint64_t right) {
  return JoinPredicate{left | right, true, left, right};
}

TEST(JoinOrderTest, StartsWithTheSmallestInput) {
  std::vector<JoinInput> inputs = {{1000, T(0)}, {10, T(1)}, {500, T(2)}};
  EXPECT_EQ(ChooseJoinOrder(inputs, {}), (std::vector<size_t>{1, 2, 0}));
}

TEST(JoinOrderTest, FollowsEqualityPredicatesInsteadOfCrossProducts) {
  // t0 = t3, t3 = t1, t1 = t2; t2 is the smallest.
  std::vector<JoinInput> inputs = {{100, T(0)}, {100, T(1)}, {10, T(2)}, {50, T(3)}};
  std::vector<JoinPredicate> predicates = {Equal(T(0), T(3)), Equal(T(3), T(1)), Equal(T(1), T(2))};
  EXPECT_EQ(ChooseJoinOrder(inputs, predicates), (std::vector<size_t>{2, 1, 3, 0}));
}

TEST(JoinOrderTest, PrefersEqualityOverOtherPredicates) {
  std::vector<JoinInput> inputs = {{10, T(0)}, {20, T(1)}, {30, T(2)}};
  std::vector<JoinPredicate> predicates = {JoinPredicate{T(0) | T(1), false, 0, 0},
                                           Equal(T(2), T(0))};
  EXPECT_EQ(ChooseJoinOrder(inputs, predicates), (std::vector<size_t>{0, 2, 1}));
}

TEST(JoinOrderTest, AnEqualityNeedsBothSidesAvailable) {
  // t0.a = t1.b + t2.c connects nothing until t1 and t2 are both joined.
  std::vector<JoinInput> inputs = {{10, T(0)}, {20, T(1)}, {30, T(2)}};
  std::vector<JoinPredicate> predicates = {Equal(T(0), T(1) | T(2))};
  EXPECT_EQ(ChooseJoinOrder(inputs, predicates), (std::vector<size_t>{0, 1, 2}));
  EXPECT_FALSE(IsJoinKey(predicates[0], T(0), T(1)));
  EXPECT_TRUE(IsJoinKey(predicates[0], T(1) | T(2), T(0)));
}

TEST(JoinOrderTest, TiesKeepTheWrittenOrder) {
  std::vector<JoinInput> inputs = {{5, T(0)}, {5, T(1)}, {5, T(2)}};
  EXPECT_EQ(ChooseJoinOrder(inputs, {}), (std::vector<size_t>{0, 1, 2}));
  EXPECT_TRUE(ChooseJoinOrder({}, {}).empty());
}

TEST(JoinOrderTest, MultiTableInputs) {
  // A LEFT JOIN planned as one piece {t0, t1}, joined to t2 via t1.
  std::vector<JoinInput> inputs = {{100, T(0) | T(1)}, {1, T(3)}, {50, T(2)}};
  std::vector<JoinPredicate> predicates = {Equal(T(1), T(2))};
  EXPECT_EQ(ChooseJoinOrder(inputs, predicates), (std::vector<size_t>{1, 2, 0}));
}

}  // namespace
}  // namespace minisql::sql
