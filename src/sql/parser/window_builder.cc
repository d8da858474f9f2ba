// window_builder.cc — the grammar actions for window functions: `f(...) OVER ...`,
// window specifications with their frames, and the WINDOW clause of a SELECT.
//
//   SUM(x) OVER (PARTITION BY g ORDER BY d ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
//
//   FunctionExpr SUM(x)
//   └─ over: WindowSpec { partition_by [g], order_by [d ASC],
//                         frame { ROWS, start 1 PRECEDING, end CURRENT ROW } }
//
// Nothing is checked here beyond the syntax: the binder (binder/bind_window.cc)
// resolves window names, validates frames and answers the MariaDB errors.
#include "sql/parser/parse_context.h"

namespace minisql::sql {

ExprSpan ParseContext::Over(ExprSpan call, WindowClause window) {
  auto* function = static_cast<ast::FunctionExpr*>(call.expr);
  function->over.reset(window.spec);
  // The column name of an unaliased window call includes its OVER clause.
  function->text = std::string(Slice(call.begin, window.end).substr(0, kMaxNestedTextBytes));
  call.end = window.end;
  return call;
}

WindowClause ParseContext::WindowByName(const Token& name) {
  auto* spec = new ast::WindowSpec;
  spec->name = Name(name);
  return WindowClause{spec, End(name)};
}

ast::WindowSpec* ParseContext::WindowBody(const Token& base, ExprList partition_by,
                                          std::vector<ast::OrderItem>* order_by,
                                          ast::WindowFrame* frame) {
  auto* spec = new ast::WindowSpec;
  spec->parenthesized = true;
  if (base.type != 0) spec->name = Name(base);
  if (partition_by.items) {
    spec->partition_by = std::move(*partition_by.items);
    delete partition_by.items;
  }
  if (order_by) {
    for (ast::OrderItem& item : *order_by) {
      spec->order_by.push_back(ast::WindowOrderItem{std::move(item.expr), item.descending});
    }
    delete order_by;
  }
  spec->frame.reset(frame);
  return spec;
}

ast::WindowFrame* ParseContext::MakeWindowFrame(bool range, ast::WindowFrameBound* start,
                                                ast::WindowFrameBound* end) {
  auto* frame = new ast::WindowFrame;
  frame->range = range;
  frame->start = std::move(*start);
  delete start;
  if (end) {
    frame->end = std::move(*end);
    delete end;
  }  // else the short form: the frame ends at the current row
  return frame;
}

ast::WindowFrameBound* ParseContext::FrameBound(ast::WindowFrameBound::Kind kind,
                                                ExprSpan* offset) {
  auto* bound = new ast::WindowFrameBound;
  bound->kind = kind;
  if (offset) bound->offset.reset(offset->expr);
  return bound;
}

NamedWindows* ParseContext::AddNamedWindow(NamedWindows* list, const Token& name,
                                           ast::WindowSpec* spec) {
  if (!list) list = new NamedWindows;
  list->emplace_back(Name(name), std::unique_ptr<ast::WindowSpec>(spec));
  return list;
}

ast::SelectStmt* ParseContext::AttachWindows(ast::SelectStmt* select, NamedWindows* windows) {
  if (windows) {
    select->windows = std::move(*windows);
    delete windows;
  }
  return select;
}

}  // namespace minisql::sql
