// subquery_executor.cc — see subquery_executor.h.
#include "sql/executor/subquery_executor.h"

#include "sql/executor/executor_factory.h"

namespace minisql::sql {

Status PlanSubqueryRunner::Run(const EvalContext& ctx,
                               const std::function<Result<bool>(const Row&)>& visit) const {
  ExecutorContext context{storage_, txn_, &ctx};
  ExecutorPtr executor = CreateExecutor(&context, *plan_);
  MINISQL_RETURN_IF_ERROR(executor->Init());
  Row row;
  while (true) {
    Result<bool> more = executor->Next(&row);
    if (!more.ok()) return more.status();
    if (!*more) return Status::OK();
    Result<bool> go_on = visit(row);
    if (!go_on.ok()) return go_on.status();
    if (!*go_on) return Status::OK();
  }
}

std::string PlanSubqueryRunner::Describe() const {
  std::string text = plan_->ToString();
  // One line: the nested plan inside an expression's text.
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "; ";
    } else {
      out += c;
    }
  }
  while (out.size() >= 2 && out.compare(out.size() - 2, 2, "; ") == 0) out.resize(out.size() - 2);
  return out;
}

}  // namespace minisql::sql
