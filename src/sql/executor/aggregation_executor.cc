// aggregation_executor.cc — see aggregation_executor.h.
#include "sql/executor/aggregation_executor.h"

namespace minisql::sql {

Result<AggregationExecutor::Group> AggregationExecutor::NewGroup(Row first_row) const {
  Group group;
  for (const BoundAggregate& aggregate : plan_->aggregates) {
    Result<std::unique_ptr<Aggregator>> aggregator = MakeAggregator(aggregate.spec);
    if (!aggregator.ok()) return aggregator.status();
    group.aggregators.push_back(std::move(*aggregator));
  }
  group.first_row = std::move(first_row);
  return group;
}

Status AggregationExecutor::Accumulate(Group* group, const Row& row) const {
  for (size_t i = 0; i < plan_->aggregates.size(); ++i) {
    const BoundAggregate& aggregate = plan_->aggregates[i];
    Value argument = Value::Int(1);  // COUNT(*) counts every row
    if (aggregate.argument) {
      Result<Value> v = aggregate.argument->Evaluate(row, *ctx_->eval);
      if (!v.ok()) return v.status();
      argument = std::move(*v);
    }
    if (aggregate.extra_inputs.empty()) {
      MINISQL_RETURN_IF_ERROR(group->aggregators[i]->Accumulate(argument));
      continue;
    }
    Row inputs{std::move(argument)};
    for (const ExpressionPtr& input : aggregate.extra_inputs) {
      Result<Value> v = input->Evaluate(row, *ctx_->eval);
      if (!v.ok()) return v.status();
      inputs.push_back(std::move(*v));
    }
    MINISQL_RETURN_IF_ERROR(group->aggregators[i]->AccumulateValues(inputs));
  }
  return Status::OK();
}

Status AggregationExecutor::Init() {
  MINISQL_RETURN_IF_ERROR(child_->Init());
  groups_.clear();
  Row row;
  while (true) {
    Result<bool> more = child_->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) break;
    Row key;
    for (const ExpressionPtr& expr : plan_->group_by) {
      Result<Value> v = expr->Evaluate(row, *ctx_->eval);
      if (!v.ok()) return v.status();
      key.push_back(std::move(*v));
    }
    auto it = groups_.find(key);
    if (it == groups_.end()) {
      Result<Group> group = NewGroup(row);
      if (!group.ok()) return group.status();
      it = groups_.emplace(std::move(key), std::move(*group)).first;
    }
    MINISQL_RETURN_IF_ERROR(Accumulate(&it->second, row));
  }
  if (groups_.empty() && plan_->group_by.empty()) {
    Result<Group> group = NewGroup(Row(plan_->input_width));
    if (!group.ok()) return group.status();
    groups_.emplace(Row(), std::move(*group));
  }
  next_ = groups_.begin();
  return Status::OK();
}

Result<bool> AggregationExecutor::Next(Row* row) {
  if (next_ == groups_.end()) return false;
  Group& group = next_->second;
  row->clear();
  for (const auto& aggregator : group.aggregators) {
    Result<Value> v = aggregator->Finish();
    if (!v.ok()) return v.status();
    row->push_back(std::move(*v));
  }
  for (Value& v : group.first_row) row->push_back(std::move(v));
  ++next_;
  return true;
}

}  // namespace minisql::sql
