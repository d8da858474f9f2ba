// executor_factory.cc — see executor_factory.h.
#include "sql/executor/executor_factory.h"

#include "sql/executor/aggregation_executor.h"
#include "sql/executor/analyze_executor.h"
#include "sql/executor/derived_table_executor.h"
#include "sql/executor/distinct_executor.h"
#include "sql/executor/filter_executor.h"
#include "sql/executor/hash_join_executor.h"
#include "sql/executor/index_scan_executor.h"
#include "sql/executor/information_schema_scan_executor.h"
#include "sql/executor/insert_executor.h"
#include "sql/executor/insert_select_executor.h"
#include "sql/executor/limit_executor.h"
#include "sql/executor/modify_executor.h"
#include "sql/executor/multi_modify_executor.h"
#include "sql/executor/nested_loop_join_executor.h"
#include "sql/executor/projection_executor.h"
#include "sql/executor/recursive_cte_executor.h"
#include "sql/executor/seq_scan_executor.h"
#include "sql/executor/sort_executor.h"
#include "sql/executor/values_executor.h"
#include "sql/executor/widen_executor.h"
#include "sql/executor/window_executor.h"

namespace minisql::sql {

namespace {

ExecutorPtr CreateOperator(ExecutorContext* ctx, const PlanNode& plan);

}  // namespace

ExecutorPtr CreateExecutor(ExecutorContext* ctx, const PlanNode& plan) {
  ExecutorPtr executor = CreateOperator(ctx, plan);
  if (ctx->analyze == nullptr || executor == nullptr) return executor;
  return std::make_unique<AnalyzeExecutor>(ctx, &(*ctx->analyze)[&plan], std::move(executor));
}

namespace {

ExecutorPtr CreateOperator(ExecutorContext* ctx, const PlanNode& plan) {
  auto child = [&](size_t i) { return CreateExecutor(ctx, plan.child(i)); };
  switch (plan.type()) {
    case PlanType::kSeqScan:
      return std::make_unique<SeqScanExecutor>(ctx, static_cast<const SeqScanPlan*>(&plan));
    case PlanType::kIndexScan:
      return std::make_unique<IndexScanExecutor>(ctx, static_cast<const IndexScanPlan*>(&plan));
    case PlanType::kValues:
      return std::make_unique<ValuesExecutor>(ctx, static_cast<const ValuesPlan*>(&plan));
    case PlanType::kFilter:
      return std::make_unique<FilterExecutor>(ctx, static_cast<const FilterPlan*>(&plan), child(0));
    case PlanType::kProjection:
      return std::make_unique<ProjectionExecutor>(ctx, static_cast<const ProjectionPlan*>(&plan),
                                                  child(0));
    case PlanType::kAggregation:
      return std::make_unique<AggregationExecutor>(ctx, static_cast<const AggregationPlan*>(&plan),
                                                   child(0));
    case PlanType::kSort:
      return std::make_unique<SortExecutor>(ctx, static_cast<const SortPlan*>(&plan), child(0));
    case PlanType::kWindow:
      return std::make_unique<WindowExecutor>(ctx, static_cast<const WindowPlan*>(&plan), child(0));
    case PlanType::kLimit:
      return std::make_unique<LimitExecutor>(ctx, static_cast<const LimitPlan*>(&plan), child(0));
    case PlanType::kDistinct:
      return std::make_unique<DistinctExecutor>(ctx, child(0));
    case PlanType::kNestedLoopJoin:
      return std::make_unique<NestedLoopJoinExecutor>(
          ctx, static_cast<const NestedLoopJoinPlan*>(&plan), child(0), child(1));
    case PlanType::kHashJoin:
      return std::make_unique<HashJoinExecutor>(ctx, static_cast<const HashJoinPlan*>(&plan),
                                                child(0), child(1));
    case PlanType::kWiden:
      return std::make_unique<WidenExecutor>(ctx, static_cast<const WidenPlan*>(&plan), child(0));
    case PlanType::kInsert:
      if (static_cast<const InsertPlan&>(plan).select) {
        return std::make_unique<InsertSelectExecutor>(ctx, static_cast<const InsertPlan*>(&plan));
      }
      return std::make_unique<InsertExecutor>(ctx, static_cast<const InsertPlan*>(&plan));
    case PlanType::kUpdate:
    case PlanType::kDelete: {
      const auto* modify = static_cast<const ModifyPlan*>(&plan);
      if (!modify->targets.empty()) {  // multi-table: the join's rows come from child(0)
        return std::make_unique<MultiModifyExecutor>(ctx, modify, child(0));
      }
      return std::make_unique<ModifyExecutor>(ctx, modify);
    }
    case PlanType::kDerivedTable:
      return std::make_unique<DerivedTableExecutor>(ctx,
                                                    static_cast<const DerivedTablePlan*>(&plan));
    case PlanType::kInformationSchemaScan:
      return std::make_unique<InformationSchemaScanExecutor>(
          ctx, static_cast<const InformationSchemaScanPlan*>(&plan));
    case PlanType::kSetOperation:
      return CreateSetOperationExecutor(ctx, plan);
    case PlanType::kRecursiveCte:
      return std::make_unique<RecursiveCteExecutor>(ctx,
                                                    static_cast<const RecursiveCtePlan*>(&plan));
    case PlanType::kWorkingTableScan:
      return std::make_unique<WorkingTableScanExecutor>(
          ctx, static_cast<const WorkingTableScanPlan*>(&plan));
  }
  return nullptr;
}

}  // namespace

}  // namespace minisql::sql
