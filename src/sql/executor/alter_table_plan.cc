// alter_table_plan.cc — see alter_table_plan.h.
#include "sql/executor/alter_table_plan.h"

#include <algorithm>

#include "sql/binder/binder.h"
#include "sql/binder/column_binding.h"
#include "sql/binder/index_binding.h"
#include "sql/executor/column_converter.h"
#include "sql/expression/temporal_functions.h"
#include "types/temporal.h"

namespace minisql::sql {
namespace {

using Action = ast::AlterTableStmt::Action;

// Renumbers the key columns after the columns moved: `moved_to[old] = new position`,
// or -1 for a column that is gone (already taken out of every key).
void RenumberKeys(storage::TableSchema* schema, const std::vector<int>& moved_to) {
  for (uint32_t& column : schema->primary_key) column = static_cast<uint32_t>(moved_to[column]);
  for (storage::IndexDef& index : schema->indexes) {
    for (uint32_t& column : index.columns) column = static_cast<uint32_t>(moved_to[column]);
  }
}

// Puts the column at `from` to position `to` (counted after taking it out).
void MoveColumn(AlterPlan* plan, size_t from, size_t to) {
  size_t n = plan->schema.columns.size();
  std::vector<size_t> order;  // new position -> old position
  for (size_t i = 0; i < n; ++i) {
    if (i != from) order.push_back(i);
  }
  order.insert(order.begin() + static_cast<std::ptrdiff_t>(to), from);
  std::vector<int> moved_to(n);
  AlterPlan moved = *plan;
  for (size_t i = 0; i < n; ++i) {
    moved_to[order[i]] = static_cast<int>(i);
    moved.schema.columns[i] = plan->schema.columns[order[i]];
    moved.source[i] = plan->source[order[i]];
    moved.fill[i] = plan->fill[order[i]];
  }
  RenumberKeys(&moved.schema, moved_to);
  *plan = std::move(moved);
}

// Where FIRST / AFTER c / nothing puts the column that is now at `self` (for ADD, the
// last one), counted after taking it out.
Result<size_t> TargetPosition(const AlterPlan& plan, size_t self, const ast::ColumnPosition& where,
                              bool stays) {
  if (where.first) return 0;
  if (where.after.empty()) return stays ? self : plan.schema.columns.size() - 1;
  int after = plan.schema.FindColumn(where.after);
  if (after < 0 || static_cast<size_t>(after) == self) {
    return Status::Error(ErrorCode::kBadField, where.after, plan.schema.name);
  }
  return static_cast<size_t>(after) < self ? static_cast<size_t>(after) + 1
                                           : static_cast<size_t>(after);
}

// Takes column `position` out of the keys as MariaDB does, then out of the table.
Status DropColumn(AlterPlan* plan, size_t position) {
  storage::TableSchema& schema = plan->schema;
  if (schema.columns.size() == 1) return Status::Error(ErrorCode::kCantdrop);
  auto mentions = [&](const std::vector<uint32_t>& columns) {
    return std::find(columns.begin(), columns.end(), position) != columns.end();
  };
  const std::string& name = schema.columns[position].name;
  if (schema.primary_key.size() > 1 && mentions(schema.primary_key)) {
    return Status::Error(ErrorCode::kKeyColumnDoesNotExist, name);
  }
  if (mentions(schema.primary_key)) schema.primary_key.clear();
  std::vector<storage::IndexDef> kept;
  for (storage::IndexDef& index : schema.indexes) {
    if (index.unique && index.columns.size() > 1 && mentions(index.columns)) {
      return Status::Error(ErrorCode::kKeyColumnDoesNotExist, name);
    }
    for (size_t i = index.columns.size(); i-- > 0;) {
      if (index.columns[i] != position) continue;
      index.columns.erase(index.columns.begin() + static_cast<std::ptrdiff_t>(i));
      if (i < index.descending.size()) {
        index.descending.erase(index.descending.begin() + static_cast<std::ptrdiff_t>(i));
      }
    }
    if (!index.columns.empty()) kept.push_back(std::move(index));
  }
  schema.indexes = std::move(kept);
  std::vector<int> moved_to(schema.columns.size());
  for (size_t i = 0; i < moved_to.size(); ++i) {
    moved_to[i] = i < position ? static_cast<int>(i) : static_cast<int>(i) - 1;
  }
  RenumberKeys(&schema, moved_to);
  schema.columns.erase(schema.columns.begin() + static_cast<std::ptrdiff_t>(position));
  plan->source.erase(plan->source.begin() + static_cast<std::ptrdiff_t>(position));
  plan->fill.erase(plan->fill.begin() + static_cast<std::ptrdiff_t>(position));
  return Status::OK();
}

// What an added column holds in the existing rows: its DEFAULT, NULL, or (NOT NULL
// without DEFAULT) the type's implicit default, as MySQL fills it.
Result<Value> FillValue(const storage::TableSchema& schema, uint32_t column) {
  const storage::ColumnDef& def = schema.columns[column];
  if (def.default_now) {  // DEFAULT CURRENT_TIMESTAMP: the time of the ALTER
    DateTime now = LocalDateTime(WallClockMicros());
    return ConvertForColumn(Value::String(FormatTemporal(now, TypeId::kDateTime, def.type.scale)),
                            ConversionTarget{&schema, column, 1});
  }
  if (def.default_value) return *def.default_value;
  if (def.nullable) return Value::Null();
  Value implicit = Value::String("");
  if (def.type.IsNumeric()) implicit = Value::Int(0);
  if (def.type.id == TypeId::kDate) implicit = Value::String("0000-00-00");
  if (def.type.id == TypeId::kTime) implicit = Value::String("00:00:00");
  if (def.type.id == TypeId::kDateTime || def.type.id == TypeId::kTimestamp) {
    implicit = Value::String("0000-00-00 00:00:00");
  }
  Result<Value> converted = ConvertForColumn(implicit, ConversionTarget{&schema, column, 1});
  if (!converted.ok()) {
    return Status::Error(ErrorCode::kNotSupportedYet,
                         "adding a NOT NULL " + def.type.ToSql() + " column without DEFAULT");
  }
  return converted;
}

// The column-level PRIMARY KEY / UNIQUE of an added or redefined column.
Status AddColumnKeys(AlterPlan* plan, const ast::ColumnDefinition& def, uint32_t position) {
  storage::TableSchema& schema = plan->schema;
  if (def.primary_key) {
    if (!schema.primary_key.empty()) return Status::Error(ErrorCode::kMultiplePriKey);
    schema.primary_key = {position};
  }
  if (def.unique) {
    ast::IndexDefinition unique;
    unique.kind = ast::IndexDefinition::Kind::kUnique;
    unique.columns = {schema.columns[position].name};
    Result<storage::IndexDef> index = BindIndexDefinition(schema, unique, IndexNames(schema));
    if (!index.ok()) return index.status();
    schema.AddIndex(std::move(*index));
  }
  return Status::OK();
}

Result<int> FindExisting(const AlterPlan& plan, const std::string& name) {
  int column = plan.schema.FindColumn(name);
  if (column < 0) return Status::Error(ErrorCode::kBadField, name, plan.schema.name);
  return column;
}

// ADD / MODIFY / CHANGE.
Status DefineColumn(AlterPlan* plan, const Action& action) {
  const ast::ColumnDefinition& def = *action.column;
  Result<storage::ColumnDef> column = BindColumnDefinition(def);
  if (!column.ok()) return column.status();
  storage::TableSchema& schema = plan->schema;
  size_t position;
  if (action.kind == Action::Kind::kAddColumn) {
    if (schema.FindColumn(def.name) >= 0) return Status::Error(ErrorCode::kDupFieldname, def.name);
    if (column->auto_increment) {
      return Status::Error(ErrorCode::kNotSupportedYet, "ALTER TABLE adding an AUTO_INCREMENT");
    }
    position = schema.columns.size();
    schema.columns.push_back(*column);
    plan->source.push_back(std::nullopt);
    Result<Value> fill = FillValue(schema, static_cast<uint32_t>(position));
    if (!fill.ok()) return fill.status();
    plan->fill.push_back(*fill);
  } else {
    Result<int> existing = FindExisting(*plan, action.name);
    if (!existing.ok()) return existing.status();
    position = static_cast<size_t>(*existing);
    int clash = schema.FindColumn(def.name);
    if (clash >= 0 && static_cast<size_t>(clash) != position) {
      return Status::Error(ErrorCode::kDupFieldname, def.name);
    }
    if (column->auto_increment && !schema.columns[position].auto_increment) {
      return Status::Error(ErrorCode::kNotSupportedYet, "ALTER TABLE adding an AUTO_INCREMENT");
    }
    // Key columns stay NOT NULL, as MySQL makes them.
    if (std::find(schema.primary_key.begin(), schema.primary_key.end(), position) !=
        schema.primary_key.end()) {
      column->nullable = false;
      if (column->default_value && column->default_value->is_null()) {
        return Status::Error(ErrorCode::kInvalidDefault, column->name);
      }
    }
    schema.columns[position] = *column;
  }
  MINISQL_RETURN_IF_ERROR(AddColumnKeys(plan, def, static_cast<uint32_t>(position)));
  Result<size_t> target =
      TargetPosition(*plan, position, action.position, action.kind != Action::Kind::kAddColumn);
  if (!target.ok()) return target.status();
  if (*target != position) MoveColumn(plan, position, *target);
  return Status::OK();
}

Status AddKey(AlterPlan* plan, const ast::IndexDefinition& definition) {
  storage::TableSchema& schema = plan->schema;
  if (definition.kind != ast::IndexDefinition::Kind::kPrimary) {
    Result<storage::IndexDef> index = BindIndexDefinition(schema, definition, IndexNames(schema));
    if (!index.ok()) return index.status();
    schema.AddIndex(std::move(*index));
    return Status::OK();
  }
  if (!schema.primary_key.empty()) return Status::Error(ErrorCode::kMultiplePriKey);
  std::vector<uint32_t> columns;
  for (size_t i = 0; i < definition.columns.size(); ++i) {
    if (i < definition.descending.size() && definition.descending[i]) {
      return Status::Error(ErrorCode::kNotSupportedYet, "descending PRIMARY KEY");
    }
    int column = schema.FindColumn(definition.columns[i]);
    if (column < 0) return Status::Error(ErrorCode::kKeyColumnDoesNotExist, definition.columns[i]);
    if (std::find(columns.begin(), columns.end(), column) != columns.end()) {
      return Status::Error(ErrorCode::kDupFieldname, definition.columns[i]);
    }
    storage::ColumnDef& def = schema.columns[static_cast<size_t>(column)];
    if (def.type.id == TypeId::kText) {
      return Status::Error(ErrorCode::kBlobKeyWithoutLength, def.name);
    }
    def.nullable = false;  // PRIMARY KEY columns are NOT NULL
    columns.push_back(static_cast<uint32_t>(column));
  }
  schema.primary_key = std::move(columns);
  return Status::OK();
}

Status DropKey(AlterPlan* plan, const std::string& name) {
  storage::TableSchema& schema = plan->schema;
  if (EqualsIgnoreCase(name, "PRIMARY")) {
    if (schema.primary_key.empty()) {
      return Status::Error(ErrorCode::kCantDropFieldOrKey, "INDEX", "PRIMARY");
    }
    schema.primary_key.clear();
    return Status::OK();
  }
  int index = schema.FindIndex(name);
  if (index < 0) return Status::Error(ErrorCode::kCantDropFieldOrKey, "INDEX", name);
  schema.indexes.erase(schema.indexes.begin() + index);
  return Status::OK();
}

Status RenameColumn(AlterPlan* plan, const Action& action) {
  Result<int> column = FindExisting(*plan, action.name);
  if (!column.ok()) return column.status();
  int clash = plan->schema.FindColumn(action.new_name);
  if (clash >= 0 && clash != *column) {
    return Status::Error(ErrorCode::kDupFieldname, action.new_name);
  }
  plan->schema.columns[static_cast<size_t>(*column)].name = action.new_name;
  return Status::OK();
}

Status RenameKey(AlterPlan* plan, const Action& action) {
  storage::TableSchema& schema = plan->schema;
  int index = schema.FindIndex(action.name);
  if (index < 0) return Status::Error(ErrorCode::kKeyDoesNotExist, action.name, schema.name);
  if (EqualsIgnoreCase(action.new_name, "PRIMARY")) {
    return Status::Error(ErrorCode::kWrongNameForIndex, action.new_name);
  }
  int clash = schema.FindIndex(action.new_name);
  if (clash >= 0 && clash != index) return Status::Error(ErrorCode::kDupKeyname, action.new_name);
  schema.indexes[static_cast<size_t>(index)].name = action.new_name;
  return Status::OK();
}

Status ApplyAction(AlterPlan* plan, const Action& action) {
  storage::TableSchema& schema = plan->schema;
  switch (action.kind) {
    case Action::Kind::kAddIndex:
      return AddKey(plan, action.index);
    case Action::Kind::kDropIndex:
      return DropKey(plan, action.name);
    case Action::Kind::kAddColumn:
    case Action::Kind::kModifyColumn:
    case Action::Kind::kChangeColumn:
      return DefineColumn(plan, action);
    case Action::Kind::kDropColumn: {
      int column = schema.FindColumn(action.name);
      if (column < 0) return Status::Error(ErrorCode::kCantDropFieldOrKey, "COLUMN", action.name);
      return DropColumn(plan, static_cast<size_t>(column));
    }
    case Action::Kind::kRenameColumn:
      return RenameColumn(plan, action);
    case Action::Kind::kRenameIndex:
      return RenameKey(plan, action);
    case Action::Kind::kSetDefault: {
      Result<int> column = FindExisting(*plan, action.name);
      if (!column.ok()) return column.status();
      storage::ColumnDef& def = schema.columns[static_cast<size_t>(*column)];
      if (def.auto_increment) return Status::Error(ErrorCode::kInvalidDefault, def.name);
      return BindColumnDefault(*action.default_value, &def);
    }
    case Action::Kind::kDropDefault: {
      Result<int> column = FindExisting(*plan, action.name);
      if (!column.ok()) return column.status();
      schema.columns[static_cast<size_t>(*column)].default_value.reset();
      schema.columns[static_cast<size_t>(*column)].default_now = false;
      return Status::OK();
    }
    case Action::Kind::kRenameTable:
      return Status::OK();  // the caller renames after the rebuild
    case Action::Kind::kKeys:
      return Status::OK();  // DISABLE/ENABLE KEYS: indexes are always maintained
    case Action::Kind::kTableOption:
      plan->table_options.push_back(action.option);  // applied together, at the end
      return Status::OK();
  }
  return Status::Error(ErrorCode::kInternalError, "unknown ALTER TABLE action");
}

bool IsCharsetOption(const ast::TableOption& option) {
  return option.name == "DEFAULT CHARSET";
}

// ALTER TABLE's table options over the table's current ones (TableSchema::options, as
// BindTableOptions rendered them): a new CHARSET or COLLATE replaces both old ones, a
// new COMMENT the old comment. The default charset/collation only applies to columns
// added later, and minisql's string columns take no charset of their own, so changing
// it on a table that has string columns answers 1235 rather than show them wrongly.
Status ApplyTableOptions(AlterPlan* plan, const storage::TableSchema& table) {
  std::vector<ast::TableOption> options;
  const std::string& text = table.options;
  auto field = [&text](const std::string& key) -> std::string {
    size_t at = text.find(key);
    if (at == std::string::npos) return "";
    size_t begin = at + key.size();
    return text.substr(begin, text.find(' ', begin) - begin);
  };
  bool new_charset = false;
  for (const ast::TableOption& option : plan->table_options) {
    new_charset = new_charset || IsCharsetOption(option) || option.name == "COLLATE";
  }
  std::string old_charset = field("DEFAULT CHARSET="), old_collation = field("COLLATE=");
  if (!new_charset) {
    options.push_back(ast::TableOption{"DEFAULT CHARSET", old_charset});
    options.push_back(ast::TableOption{"COLLATE", old_collation});
  }
  size_t comment = text.find(" COMMENT='");
  if (comment != std::string::npos) {
    std::string quoted = text.substr(comment + 10, text.size() - comment - 11);
    std::string value;
    for (size_t i = 0; i < quoted.size(); ++i) {
      value += quoted[i];
      if (quoted[i] == '\'' && i + 1 < quoted.size() && quoted[i + 1] == '\'') ++i;
    }
    options.push_back(ast::TableOption{"COMMENT", value});
  }
  for (const ast::TableOption& option : plan->table_options) options.push_back(option);
  Result<std::string> rendered = BindTableOptions(options, &plan->auto_increment);
  if (!rendered.ok()) return rendered.status();
  std::string new_text = *rendered;
  auto new_field = [&new_text](const std::string& key) {
    size_t begin = new_text.find(key) + key.size();
    return new_text.substr(begin, new_text.find(' ', begin) - begin);
  };
  if (new_field("COLLATE=") != old_collation) {
    for (const storage::ColumnDef& column : plan->schema.columns) {
      if (column.type.IsString() && !column.type.IsBinaryString()) {
        return Status::Error(ErrorCode::kNotSupportedYet,
                             "ALTER TABLE changing the default character set or collation of a "
                             "table with string columns");
      }
    }
  }
  plan->schema.options = std::move(new_text);
  return Status::OK();
}

// What CREATE TABLE would refuse about the finished definition.
Status CheckDefinition(const storage::TableSchema& schema) {
  for (uint32_t column : schema.primary_key) {
    if (schema.columns[column].type.id == TypeId::kText) {
      return Status::Error(ErrorCode::kBlobKeyWithoutLength, schema.columns[column].name);
    }
  }
  for (const storage::IndexDef& index : schema.indexes) {
    for (uint32_t column : index.columns) {
      if (schema.columns[column].type.id == TypeId::kText) {
        return Status::Error(ErrorCode::kBlobKeyWithoutLength, schema.columns[column].name);
      }
    }
  }
  for (size_t c = 0; c < schema.columns.size(); ++c) {
    if (!schema.columns[c].auto_increment) continue;
    bool leads = !schema.primary_key.empty() && schema.primary_key[0] == c;
    for (const storage::IndexDef& index : schema.indexes) leads = leads || index.columns[0] == c;
    if (!leads) return Status::Error(ErrorCode::kWrongAutoKey);
  }
  return Status::OK();
}

}  // namespace

Result<AlterPlan> PlanAlterTable(const storage::TableSchema& table,
                                 const ast::AlterTableStmt& stmt) {
  AlterPlan plan;
  plan.schema = table;
  for (uint32_t c = 0; c < table.columns.size(); ++c) {
    plan.source.push_back(c);
    plan.fill.push_back(Value::Null());
  }
  for (const Action& action : stmt.actions) {
    MINISQL_RETURN_IF_ERROR(ApplyAction(&plan, action));
    if (action.kind == Action::Kind::kRenameTable) {
      plan.rename = {action.new_database, action.name};
    } else {
      plan.rebuild = true;
    }
  }
  if (!plan.table_options.empty()) MINISQL_RETURN_IF_ERROR(ApplyTableOptions(&plan, table));
  MINISQL_RETURN_IF_ERROR(CheckDefinition(plan.schema));
  // Keys in MySQL's display order again (nullability may have changed a group).
  std::vector<storage::IndexDef> indexes = std::move(plan.schema.indexes);
  plan.schema.indexes.clear();
  for (storage::IndexDef& index : indexes) plan.schema.AddIndex(std::move(index));
  return plan;
}

}  // namespace minisql::sql
