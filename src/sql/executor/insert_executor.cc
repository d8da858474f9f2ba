// insert_executor.cc — see insert_executor.h.
#include "sql/executor/insert_executor.h"

#include "sql/executor/assignment.h"
#include "sql/executor/column_converter.h"

namespace minisql::sql {

Status InsertExecutor::Init() {
  done_ = false;
  const bool ignore = plan_->ignore;
  lenient_ = LenientConversion(ignore, *ctx_);
  lenient_null_ = lenient_ && (ignore || plan_->select != nullptr || rows_->size() > 1);
  return Status::OK();
}

Result<Row> InsertExecutor::BuildRow(size_t row_index, int64_t* generated_id) {
  const storage::TableSchema& table = *plan_->table;
  const std::vector<ExpressionPtr>& values = (*rows_)[row_index];
  const Row no_input;
  *generated_id = 0;
  Row row(table.columns.size());
  for (uint32_t c = 0; c < table.columns.size(); ++c) {
    const storage::ColumnDef& column = table.columns[c];
    ConversionTarget target{&table, c, row_index + 1, lenient_ ? ctx_ : nullptr};
    int index = plan_->value_index[c];
    bool use_default = index < 0 || values[index] == nullptr;
    Value value;
    if (!use_default) {
      Result<Value> v = values[index]->Evaluate(no_input, *ctx_->eval);
      if (!v.ok()) return v.status();
      value = std::move(*v);
    }
    if (column.auto_increment) {
      if (!use_default && !value.is_null()) {
        Result<Value> converted = ConvertForColumn(value, target);
        if (!converted.ok()) return converted.status();
        value = std::move(*converted);
      }
      // NULL, 0 and an omitted value all mean "generate one".
      if (use_default || value.is_null() || value.wide_int_value() == 0) {
        Result<int64_t> next = ctx_->storage->NextAutoIncrement(ctx_->txn, table);
        if (!next.ok()) return next.status();
        Result<Value> generated = ConvertForColumn(Value::Int(*next), target);
        if (!generated.ok()) return generated.status();
        *generated_id = *next;
        row[c] = std::move(*generated);
      } else {
        MINISQL_RETURN_IF_ERROR(
            ctx_->storage->NoteAutoIncrementValue(ctx_->txn, table, AutoIncrementNote(value)));
        row[c] = std::move(value);
      }
      continue;
    }
    if (use_default) {
      Result<Value> fallback = ColumnDefaultValue(table, c, ctx_, lenient_);
      if (!fallback.ok()) return fallback.status();
      row[c] = std::move(*fallback);
      continue;
    }
    if (value.is_null() && !column.nullable && !lenient_null_) {
      return Status::Error(ErrorCode::kBadNull, column.name);
    }
    Result<Value> converted = ConvertForColumn(value, target);
    if (!converted.ok()) return converted.status();
    row[c] = std::move(*converted);
  }
  return row;
}

Result<bool> InsertExecutor::Next(Row* out) {
  if (done_) return false;
  done_ = true;
  int64_t first_generated = 0;  // of a row that was inserted
  int64_t last_written_id = 0;  // AUTO_INCREMENT column of the last row inserted/updated
  int64_t affected = 0, collided = 0, unchanged = 0;
  const storage::TableSchema& table = *plan_->table;
  int auto_column = -1;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].auto_increment) auto_column = static_cast<int>(c);
  }
  for (size_t r = 0; r < rows_->size(); ++r) {
    int64_t generated = 0;
    Result<Row> row = BuildRow(r, &generated);
    if (!row.ok()) return row.status();
    Row written;
    Result<RowOutcome> outcome = StoreRow(*row, r, &affected, &collided, &written);
    if (!outcome.ok()) return outcome.status();
    if (*outcome == RowOutcome::kUnchanged) ++unchanged;
    if (*outcome == RowOutcome::kInserted && generated != 0 && first_generated == 0) {
      first_generated = generated;
    }
    if ((*outcome == RowOutcome::kInserted || *outcome == RowOutcome::kUpdated) &&
        auto_column >= 0 && written[auto_column].kind() == Value::Kind::kInt) {
      last_written_id = written[auto_column].int_value();
    }
  }
  int64_t insert_id = first_generated != 0 ? first_generated : last_written_id;
  const auto records = static_cast<int64_t>(rows_->size());
  *out = Row{Value::Int(affected), Value::Int(records),   Value::Int(first_generated),
             Value::Int(collided), Value::Int(insert_id), Value::Int(unchanged)};
  return true;
}

}  // namespace minisql::sql
