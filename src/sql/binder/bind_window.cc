// bind_window.cc — see bind_window.h. The checks and their error codes are MariaDB
// 10.11's (checked against a running server), in the order it reports them.
#include "sql/binder/bind_window.h"

#include <algorithm>
#include <cctype>

#include "sql/binder/binder.h"
#include "sql/expression/result_types.h"

namespace minisql::sql {

namespace {

// Window markers start with \x02 (aggregate markers with \x01): neither can be typed.
constexpr const char* kWindowMarkerPrefix = "\x02window#";

using BoundKind = ast::WindowFrameBound::Kind;

bool IsWindowCall(const ast::Expr& expr) {
  return expr.kind == ast::ExprKind::kFunction &&
         static_cast<const ast::FunctionExpr&>(expr).over != nullptr;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The window a call uses once named windows are resolved: borrowed pieces of specs.
struct ResolvedWindow {
  const std::vector<ast::ExprPtr>* partition_by = nullptr;
  const std::vector<ast::WindowOrderItem>* order_by = nullptr;
  const ast::WindowFrame* frame = nullptr;
};

Result<const ast::WindowSpec*> FindNamedWindow(const ast::SelectStmt& stmt,
                                               const std::string& name) {
  for (const auto& [window_name, spec] : stmt.windows) {
    if (EqualsIgnoreCase(window_name, name)) return spec.get();
  }
  return Status::Error(ErrorCode::kWrongWindowSpecName, name);
}

// `spec` may refer to a named window (`OVER w`, `OVER (w ORDER BY x)`, `WINDOW w2 AS
// (w1 ...)`). A referencing window may add an ORDER BY the named one lacks, and a frame;
// it may not repeat PARTITION BY (4011), a second ORDER BY (4012), or refer to a window
// that has a frame (4013). `depth` stops a cycle of windows referring to each other.
Result<ResolvedWindow> ResolveWindow(const ast::SelectStmt& stmt, const ast::WindowSpec& spec,
                                     size_t depth = 0) {
  ResolvedWindow own;
  own.partition_by = &spec.partition_by;
  own.order_by = &spec.order_by;
  own.frame = spec.frame.get();
  if (spec.name.empty()) return own;
  if (depth > stmt.windows.size()) return Status::Error(ErrorCode::kWrongWindowSpecName, spec.name);
  Result<const ast::WindowSpec*> named = FindNamedWindow(stmt, spec.name);
  if (!named.ok()) return named.status();
  Result<ResolvedWindow> base = ResolveWindow(stmt, **named, depth + 1);
  if (!base.ok()) return base.status();
  if (!spec.parenthesized) return base;  // OVER w: exactly w
  if (!spec.partition_by.empty()) {
    return Status::Error(ErrorCode::kPartitionListInReferencingWindowSpec, spec.name);
  }
  if (!spec.order_by.empty() && !base->order_by->empty()) {
    return Status::Error(ErrorCode::kOrderListInReferencingWindowSpec, spec.name);
  }
  if (base->frame != nullptr) {
    return Status::Error(ErrorCode::kWindowFrameInReferencedWindowSpec, spec.name);
  }
  ResolvedWindow merged = *base;
  if (!spec.order_by.empty()) merged.order_by = &spec.order_by;
  merged.frame = spec.frame.get();
  return merged;
}

struct FunctionInfo {
  const char* name;
  WindowFunctionKind kind;
  size_t min_args;
  size_t max_args;
  bool frame_allowed;   // 4017 otherwise
  bool needs_order_by;  // 4018 otherwise
};

constexpr FunctionInfo kFunctions[] = {
    {"ROW_NUMBER", WindowFunctionKind::kRowNumber, 0, 0, false, false},
    {"RANK", WindowFunctionKind::kRank, 0, 0, false, true},
    {"DENSE_RANK", WindowFunctionKind::kDenseRank, 0, 0, false, true},
    {"NTILE", WindowFunctionKind::kNtile, 1, 1, false, false},
    {"LAG", WindowFunctionKind::kLag, 1, 3, true, true},
    {"LEAD", WindowFunctionKind::kLead, 1, 3, true, true},
    {"FIRST_VALUE", WindowFunctionKind::kFirstValue, 1, 1, true, false},
    {"LAST_VALUE", WindowFunctionKind::kLastValue, 1, 1, true, false},
    {"PERCENT_RANK", WindowFunctionKind::kPercentRank, 0, 0, false, true},
    {"CUME_DIST", WindowFunctionKind::kCumeDist, 0, 0, false, true},
    {"NTH_VALUE", WindowFunctionKind::kNthValue, 2, 2, true, false},
    {"COUNT", WindowFunctionKind::kAggregate, 1, 1, true, false},
    {"SUM", WindowFunctionKind::kAggregate, 1, 1, true, false},
    {"AVG", WindowFunctionKind::kAggregate, 1, 1, true, false},
    {"MIN", WindowFunctionKind::kAggregate, 1, 1, true, false},
    {"MAX", WindowFunctionKind::kAggregate, 1, 1, true, false},
};

// An integer literal, possibly negated (LAG(x, -1)); nullopt for anything else.
std::optional<int64_t> IntegerConstant(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::kUnary) {
    const auto& unary = static_cast<const ast::UnaryExpr&>(expr);
    if (unary.op != ast::UnaryOp::kNegate) return std::nullopt;
    std::optional<int64_t> inner = IntegerConstant(*unary.operand);
    if (!inner || *inner == INT64_MIN) return std::nullopt;
    return -*inner;
  }
  if (expr.kind != ast::ExprKind::kLiteral) return std::nullopt;
  const Value& value = static_cast<const ast::LiteralExpr&>(expr).value;
  if (value.kind() != Value::Kind::kInt) return std::nullopt;
  return value.int_value();
}

// A frame's start must not lie after its end in the order UNBOUNDED PRECEDING <
// n PRECEDING < CURRENT ROW < n FOLLOWING < UNBOUNDED FOLLOWING (MariaDB's 4014; it
// accepts `n FOLLOWING AND m PRECEDING`, whose frame is simply empty).
bool FrameBoundsAcceptable(BoundKind start, BoundKind end) {
  if (start == BoundKind::kUnboundedFollowing || end == BoundKind::kUnboundedPreceding) {
    return false;
  }
  if (start == BoundKind::kCurrentRow && end == BoundKind::kPreceding) return false;
  if (start == BoundKind::kFollowing && end == BoundKind::kCurrentRow) return false;
  return true;
}

Status BindFrame(const ast::WindowFrame& frame, const std::vector<BoundWindowOrderItem>& order_by,
                 BoundWindowFunction* out) {
  if (!FrameBoundsAcceptable(frame.start.kind, frame.end.kind)) {
    return Status::Error(ErrorCode::kBadCombinationOfWindowFrameBoundSpecs);
  }
  out->range_frame = frame.range;
  for (const ast::WindowFrameBound* bound : {&frame.start, &frame.end}) {
    BoundFrameBound& target = bound == &frame.start ? out->frame_start : out->frame_end;
    target.kind = bound->kind;
    if (!bound->offset) continue;
    // The grammar only accepts a number literal here.
    target.offset = static_cast<const ast::LiteralExpr&>(*bound->offset).value;
    if (!frame.range) {
      if (target.offset.kind() != Value::Kind::kInt) {
        return Status::Error(ErrorCode::kWrongTypeForRowsFrame);
      }
      continue;
    }
    if (order_by.size() != 1) return Status::Error(ErrorCode::kRangeFrameNeedsSimpleOrderby);
    if (!order_by[0].key->type().IsNumeric()) {
      return Status::Error(ErrorCode::kWrongTypeForRangeFrame);
    }
  }
  return Status::OK();
}

Result<BoundWindowFunction> BindCall(const ast::FunctionExpr& call, const ast::SelectStmt& stmt,
                                     const NameScope& scope) {
  const FunctionInfo* info = nullptr;
  for (const FunctionInfo& candidate : kFunctions) {
    if (call.name == candidate.name) info = &candidate;
  }
  if (info == nullptr) {
    if (IsAggregateFunction(call.name)) {
      return Status::Error(ErrorCode::kNotSupportedYet,
                           call.name + "() aggregate as window function");
    }
    return Status::Error(ErrorCode::kNotSupportedYet, call.name + "() as a window function");
  }
  BoundWindowFunction out;
  out.kind = info->kind;
  out.text = call.text;
  if (call.distinct) {
    return Status::Error(ErrorCode::kNotSupportedYet,
                         call.name + "(DISTINCT) aggregate as window function");
  }
  const size_t arg_count = call.star ? 1 : call.args.size();
  if (arg_count < info->min_args || arg_count > info->max_args ||
      (call.star && call.name != "COUNT")) {
    return Status::Error(ErrorCode::kWrongParametercountToNativeFct, call.name);
  }
  for (const ast::ExprPtr& arg : call.args) {
    if (ContainsWindowCall(*arg)) return Status::Error(ErrorCode::kSumFuncWithWindowFuncAsArg);
  }

  Result<ResolvedWindow> window = ResolveWindow(stmt, *call.over);
  if (!window.ok()) return window.status();
  if (window->frame != nullptr && !info->frame_allowed) {
    return Status::Error(ErrorCode::kNotAllowedWindowFrame, Lower(call.name));
  }
  if (window->order_by->empty() && info->needs_order_by) {
    return Status::Error(ErrorCode::kNoOrderListInWindowSpec, Lower(call.name));
  }

  // PARTITION BY and ORDER BY keys.
  for (const ast::ExprPtr& key : *window->partition_by) {
    Result<ExpressionPtr> bound = BindExpression(*key, scope);
    if (!bound.ok()) return bound.status();
    out.partition_by.push_back(std::move(*bound));
  }
  for (const ast::WindowOrderItem& item : *window->order_by) {
    Result<ExpressionPtr> bound = BindExpression(*item.expr, scope);
    if (!bound.ok()) return bound.status();
    out.order_by.push_back(BoundWindowOrderItem{std::move(*bound), item.descending});
  }

  // The frame: as written, else the default.
  out.frame_start.kind = BoundKind::kUnboundedPreceding;
  out.frame_end.kind =
      out.order_by.empty() ? BoundKind::kUnboundedFollowing : BoundKind::kCurrentRow;
  if (window->frame != nullptr)
    MINISQL_RETURN_IF_ERROR(BindFrame(*window->frame, out.order_by, &out));

  // Arguments.
  if (!call.star && !call.args.empty() && info->kind != WindowFunctionKind::kNtile) {
    Result<ExpressionPtr> argument = BindExpression(*call.args[0], scope);
    if (!argument.ok()) return argument.status();
    out.argument = std::move(*argument);
  }
  switch (info->kind) {
    case WindowFunctionKind::kNtile: {
      std::optional<int64_t> buckets = IntegerConstant(*call.args[0]);
      if (!buckets)
        return Status::Error(ErrorCode::kNotSupportedYet, "a non-integer NTILE argument");
      if (*buckets <= 0) return Status::Error(ErrorCode::kInvalidNtileArgument);
      out.count = *buckets;
      break;
    }
    case WindowFunctionKind::kLag:
    case WindowFunctionKind::kLead: {
      if (call.args.size() >= 2) {
        std::optional<int64_t> offset = IntegerConstant(*call.args[1]);
        if (!offset) {
          return Status::Error(ErrorCode::kNotSupportedYet, "a non-integer LAG/LEAD offset");
        }
        out.count = *offset;
      }
      if (call.args.size() == 3) {
        Result<ExpressionPtr> default_value = BindExpression(*call.args[2], scope);
        if (!default_value.ok()) return default_value.status();
        out.default_value = std::move(*default_value);
      }
      break;
    }
    case WindowFunctionKind::kNthValue: {
      // n <= 0 finds no row: NULL, as MariaDB answers.
      std::optional<int64_t> n = IntegerConstant(*call.args[1]);
      if (!n) return Status::Error(ErrorCode::kNotSupportedYet, "a non-integer NTH_VALUE row");
      out.count = *n;
      break;
    }
    case WindowFunctionKind::kAggregate: {
      out.aggregate.name = call.name;
      out.aggregate.star = call.star;
      if (out.argument) out.aggregate.arg_type = out.argument->type();
      break;
    }
    default:
      break;
  }

  // The result type, as MariaDB reports it.
  switch (info->kind) {
    case WindowFunctionKind::kRowNumber:
    case WindowFunctionKind::kRank:
    case WindowFunctionKind::kDenseRank:
    case WindowFunctionKind::kNtile:
      out.result_type = BigIntType(21);
      out.nullable = false;
      break;
    case WindowFunctionKind::kPercentRank:
    case WindowFunctionKind::kCumeDist:
      out.result_type = ColumnType();
      out.result_type.id = TypeId::kDouble;
      out.nullable = false;
      break;
    case WindowFunctionKind::kLag:
    case WindowFunctionKind::kLead:
    case WindowFunctionKind::kFirstValue:
    case WindowFunctionKind::kLastValue:
    case WindowFunctionKind::kNthValue:
      out.result_type = out.argument->type();
      break;
    case WindowFunctionKind::kAggregate: {
      Result<ColumnType> type = AggregateResultType(out.aggregate);
      if (!type.ok()) return type.status();
      out.result_type = *type;
      out.nullable = call.name != "COUNT";
      break;
    }
  }
  return out;
}

}  // namespace

bool ContainsWindowCall(const ast::Expr& expr) {
  if (IsWindowCall(expr)) return true;
  bool found = false;
  // ForEachChild needs a mutable node; it does not modify anything here.
  ForEachChild(const_cast<ast::Expr&>(expr), [&](ast::ExprPtr& child) {
    if (!found && ContainsWindowCall(*child)) found = true;
  });
  return found;
}

bool IsWindowMarker(const ast::Expr& expr) {
  if (expr.kind != ast::ExprKind::kColumnRef) return false;
  const std::string prefix = kWindowMarkerPrefix;
  return static_cast<const ast::ColumnRefExpr&>(expr).column.compare(0, prefix.size(), prefix) == 0;
}

bool ContainsWindowMarker(const ast::Expr& expr) {
  if (IsWindowMarker(expr)) return true;
  bool found = false;
  ForEachChild(const_cast<ast::Expr&>(expr), [&](ast::ExprPtr& child) {
    if (!found && ContainsWindowMarker(*child)) found = true;
  });
  return found;
}

void WindowExtractor::Extract(ast::ExprPtr* slot) {
  ast::Expr& expr = **slot;
  if (!IsWindowCall(expr)) {
    ForEachChild(expr, [&](ast::ExprPtr& child) { Extract(&child); });
    return;
  }
  auto marker = std::make_unique<ast::ColumnRefExpr>();
  marker->text = expr.text;
  marker->column = kWindowMarkerPrefix + std::to_string(calls_.size());
  std::unique_ptr<ast::Expr> owned = std::move(*slot);
  calls_.push_back(
      std::unique_ptr<ast::FunctionExpr>(static_cast<ast::FunctionExpr*>(owned.release())));
  *slot = std::move(marker);
}

bool WindowExtractor::ContainsAggregate(const ast::SelectStmt& stmt) const {
  // ForEachChild visits a call's arguments and its window's keys.
  for (const auto& call : calls_) {
    if (::minisql::sql::ContainsAggregate(*call)) return true;
  }
  for (const auto& [name, spec] : stmt.windows) {
    for (const ast::ExprPtr& key : spec->partition_by) {
      if (::minisql::sql::ContainsAggregate(*key)) return true;
    }
    for (const ast::WindowOrderItem& item : spec->order_by) {
      if (::minisql::sql::ContainsAggregate(*item.expr)) return true;
    }
  }
  return false;
}

void ExtractWindowAggregates(WindowExtractor& windows, ast::SelectStmt& stmt,
                             AggregateExtractor* aggregates) {
  for (auto& call : windows.calls()) {
    for (ast::ExprPtr& arg : call->args) aggregates->Extract(&arg, "SELECT");
    for (ast::ExprPtr& key : call->over->partition_by) aggregates->Extract(&key, "SELECT");
    for (ast::WindowOrderItem& item : call->over->order_by)
      aggregates->Extract(&item.expr, "SELECT");
  }
  for (auto& [name, spec] : stmt.windows) {
    for (ast::ExprPtr& key : spec->partition_by) aggregates->Extract(&key, "SELECT");
    for (ast::WindowOrderItem& item : spec->order_by) aggregates->Extract(&item.expr, "SELECT");
  }
}

Result<std::vector<BoundWindowFunction>> BindWindowFunctions(WindowExtractor& windows,
                                                             const ast::SelectStmt& stmt,
                                                             const NameScope& scope) {
  for (size_t i = 0; i < stmt.windows.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (EqualsIgnoreCase(stmt.windows[i].first, stmt.windows[j].first)) {
        return Status::Error(ErrorCode::kDupWindowName, stmt.windows[i].first);
      }
    }
  }
  std::vector<BoundWindowFunction> out;
  for (const auto& call : windows.calls()) {
    Result<BoundWindowFunction> bound = BindCall(*call, stmt, scope);
    if (!bound.ok()) return bound.status();
    out.push_back(std::move(*bound));
  }
  return out;
}

Result<BoundColumn> WindowScope::Resolve(const ast::ColumnRefExpr& ref) const {
  if (!IsWindowMarker(ref)) return input_->Resolve(ref);
  const std::string prefix = kWindowMarkerPrefix;
  size_t index = std::stoul(ref.column.substr(prefix.size()));
  const BoundWindowFunction& window = (*windows_)[index];
  return BoundColumn{input_width_ + static_cast<uint32_t>(index), window.result_type,
                     window.nullable, ref.text};
}

Result<BoundColumn> WindowAliasGuardScope::Resolve(const ast::ColumnRefExpr& ref) const {
  Result<BoundColumn> column = input_->Resolve(ref);
  if (column.ok() || !ref.table.empty() || !ref.database.empty()) return column;
  for (const std::string& alias : window_aliases_) {
    if (EqualsIgnoreCase(alias, ref.column)) {
      return Status::Error(ErrorCode::kWrongPlacementOfWindowFunction);
    }
  }
  return column;
}

}  // namespace minisql::sql
