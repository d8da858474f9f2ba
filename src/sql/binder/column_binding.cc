// column_binding.cc — see column_binding.h.
#include "sql/binder/column_binding.h"

#include "sql/binder/binder.h"
#include "sql/executor/column_converter.h"
#include "types/decimal.h"
#include "types/temporal.h"

namespace minisql::sql {
namespace {

bool SupportedColumnType(TypeId id) {
  switch (id) {
    case TypeId::kTinyInt:
    case TypeId::kSmallInt:
    case TypeId::kMediumInt:
    case TypeId::kInt:
    case TypeId::kBigInt:
    case TypeId::kFloat:
    case TypeId::kDouble:
    case TypeId::kDecimal:
    case TypeId::kChar:
    case TypeId::kVarchar:
    case TypeId::kText:
    case TypeId::kBlob:
    case TypeId::kVarbinary:
    case TypeId::kBinary:
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kDateTime:
    case TypeId::kTimestamp:
      return true;
    default:
      return false;
  }
}

// DECIMAL(M,D): MySQL's limits (M <= 65, D <= 38, M >= D) give its errors; within
// them, our exact arithmetic (128-bit, types/decimal.h) holds 38 digits with at most
// 30 after the point, so wider columns answer 1235 instead of rejecting values later.
Status CheckDecimalSize(const ast::ColumnDefinition& def) {
  const uint32_t precision = def.type.length;
  const uint32_t scale = def.type.scale;
  if (precision > 65) return Status::Error(ErrorCode::kTooBigPrecision, def.name, 65u);
  if (scale > 38) return Status::Error(ErrorCode::kTooBigScale, def.name, 38u);
  if (precision != 0 && scale > precision) {
    return Status::Error(ErrorCode::kMBiggerThanD, def.name);
  }
  if (precision > static_cast<uint32_t>(Decimal::kMaxPrecision) ||
      scale > static_cast<uint32_t>(Decimal::kMaxScale)) {
    return Status::Error(ErrorCode::kNotSupportedYet,
                         "DECIMAL wider than 38 digits or 30 decimals");
  }
  return Status::OK();
}

// FLOAT(p) is single precision up to p = 24 and DOUBLE from 25 to 53 (MySQL's rule);
// the column forgets p. FLOAT(M,D), which rounds to D decimals, is not supported.
Result<ColumnType> FloatColumnType(const ast::ColumnDefinition& def) {
  ColumnType type = def.type;
  if (type.scale > 0) return Status::Error(ErrorCode::kNotSupportedYet, "FLOAT(M,D)");
  if (type.length > 53) return Status::Error(ErrorCode::kWrongFieldSpec, def.name);
  if (type.length > 24) type.id = TypeId::kDouble;
  type.length = 0;
  return type;
}

// The byte limit of a BLOB-family column, kept in ColumnType::length: the keyword's, or
// for BLOB(n) the smallest of the family that holds n bytes (MySQL's rule).
uint32_t BlobByteLimit(const ast::ColumnDefinition& def) {
  std::string keyword = def.type_text.substr(0, def.type_text.find_first_of("( \t\n"));
  for (char& c : keyword) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (keyword == "tinyblob") return 255;
  if (keyword == "mediumblob") return 16777215;
  if (keyword == "longblob") return 4294967295u;
  uint32_t n = def.type.length;
  if (n == 0) return 65535;  // plain BLOB
  if (n <= 255) return 255;
  if (n <= 65535) return 65535;
  return n <= 16777215 ? 16777215 : 4294967295u;
}

// DEFAULT's value: a literal, or a negated numeric literal (`DEFAULT -1`).
Result<std::optional<Value>> DefaultLiteral(const ast::Expr& expr, const std::string& column) {
  if (expr.kind == ast::ExprKind::kLiteral) {
    return std::optional<Value>(static_cast<const ast::LiteralExpr&>(expr).value);
  }
  if (expr.kind == ast::ExprKind::kUnary) {
    const auto& unary = static_cast<const ast::UnaryExpr&>(expr);
    if ((unary.op == ast::UnaryOp::kNegate || unary.op == ast::UnaryOp::kPlus) &&
        unary.operand->kind == ast::ExprKind::kLiteral) {
      Value v = static_cast<const ast::LiteralExpr&>(*unary.operand).value;
      bool negate = unary.op == ast::UnaryOp::kNegate;
      switch (v.kind()) {
        case Value::Kind::kInt:
          return std::optional<Value>(Value::Int(negate ? -v.int_value() : v.int_value()));
        case Value::Kind::kDouble:
          return std::optional<Value>(Value::Double(negate ? -v.double_value() : v.double_value()));
        case Value::Kind::kDecimal: {
          const Decimal& d = v.decimal_value();
          return std::optional<Value>(
              Value::FromDecimal(negate ? Decimal(-d.unscaled(), d.scale()) : d));
        }
        default:
          return Status::Error(ErrorCode::kInvalidDefault, column);
      }
    }
  }
  return Status::Error(ErrorCode::kNotSupportedYet, "DEFAULT expressions other than literals");
}

bool IsTimestampOrDateTime(TypeId id) {
  return id == TypeId::kTimestamp || id == TypeId::kDateTime;
}

// The CURRENT_TIMESTAMP call the parser makes of DEFAULT NOW() and its synonyms.
bool IsNowCall(const ast::Expr& expr) {
  return expr.kind == ast::ExprKind::kFunction &&
         static_cast<const ast::FunctionExpr&>(expr).name == "CURRENT_TIMESTAMP";
}

Result<Value> DefaultValue(const ast::Expr& expr, const storage::ColumnDef& column);

}  // namespace

Result<storage::ColumnDef> BindColumnDefinition(const ast::ColumnDefinition& def) {
  if (!def.unsupported.empty()) {
    return Status::Error(ErrorCode::kNotSupportedYet, "column attribute " + def.unsupported[0]);
  }
  if (!SupportedColumnType(def.type.id)) {
    return Status::Error(ErrorCode::kNotSupportedYet, "column type " + def.type_text);
  }
  if (def.type.id == TypeId::kVarchar && def.type.length > 16383) {
    return Status::Error(ErrorCode::kTooBigFieldlength, def.name, 16383ul);
  }
  if (def.type.id == TypeId::kChar && def.type.length > 255) {
    return Status::Error(ErrorCode::kTooBigFieldlength, def.name, 255ul);
  }
  if (def.type.id == TypeId::kVarbinary && def.type.length > 65532) {
    return Status::Error(ErrorCode::kTooBigFieldlength, def.name, 65532ul);
  }
  if (def.type.id == TypeId::kBinary && def.type.length > 255) {
    return Status::Error(ErrorCode::kTooBigFieldlength, def.name, 255ul);
  }
  if (def.type.id == TypeId::kDecimal) MINISQL_RETURN_IF_ERROR(CheckDecimalSize(def));
  storage::ColumnDef column;
  column.name = def.name;
  column.type = def.type;
  if (def.type.id == TypeId::kBlob) column.type.length = BlobByteLimit(def);
  if (def.type.id == TypeId::kBinary && def.type.length == 0) column.type.length = 1;
  if (IsTemporalType(def.type.id)) {
    // TIME(fsp) / DATETIME(fsp) / TIMESTAMP(fsp): the fsp moves to `scale`.
    if (def.type.length > static_cast<uint32_t>(kMaxFsp)) {
      return Status::Error(ErrorCode::kTooBigPrecision, def.name, kMaxFsp);
    }
    column.type.scale = static_cast<uint8_t>(def.type.length);
    column.type.length = 0;
  }
  if (def.type.id == TypeId::kFloat) {
    Result<ColumnType> type = FloatColumnType(def);
    if (!type.ok()) return type.status();
    column.type = *type;
  }
  // DOUBLE(M,D) / REAL(M,D) round to D decimals on store and display; refused rather
  // than silently stored at full precision.
  if (def.type.id == TypeId::kDouble && (def.type.length > 0 || def.type.scale > 0)) {
    return Status::Error(ErrorCode::kNotSupportedYet, "DOUBLE(M,D)");
  }
  column.nullable = !def.not_null;
  column.auto_increment = def.auto_increment;
  if (def.auto_increment) {
    column.nullable = false;  // as MySQL makes it
    if (!def.type.IsInteger()) return Status::Error(ErrorCode::kWrongFieldSpec, def.name);
  }
  if (def.default_value) {
    if (def.auto_increment) return Status::Error(ErrorCode::kInvalidDefault, def.name);
    MINISQL_RETURN_IF_ERROR(BindColumnDefault(*def.default_value, &column));
  }
  if (def.on_update_now_fsp >= 0) {
    // MySQL's rule: TIMESTAMP / DATETIME only, and the clause's precision must cover
    // the column's (a larger one is stored at the column's precision anyway).
    if (!IsTimestampOrDateTime(column.type.id) || def.on_update_now_fsp < column.type.scale) {
      return Status::Error(ErrorCode::kInvalidOnUpdate, def.name);
    }
    column.on_update_now = true;
  }
  return column;
}

Status BindColumnDefault(const ast::Expr& expr, storage::ColumnDef* column) {
  if (IsNowCall(expr)) {
    // DEFAULT CURRENT_TIMESTAMP[(fsp)]: a precision below the column's would store a
    // coarser time than the column holds (MariaDB does that); not supported.
    const auto& call = static_cast<const ast::FunctionExpr&>(expr);
    int64_t fsp = 0;
    if (!call.args.empty()) {
      const Value& written = static_cast<const ast::LiteralExpr&>(*call.args[0]).value;
      fsp = written.kind() == Value::Kind::kInt ? written.int_value() : -1;
    }
    if (!IsTimestampOrDateTime(column->type.id)) {
      return Status::Error(ErrorCode::kNotSupportedYet,
                           "DEFAULT CURRENT_TIMESTAMP for a column that is not TIMESTAMP or "
                           "DATETIME");
    }
    if (fsp < 0 || fsp > kMaxFsp) return Status::Error(ErrorCode::kInvalidDefault, column->name);
    if (fsp < column->type.scale) {
      return Status::Error(ErrorCode::kNotSupportedYet,
                           "DEFAULT CURRENT_TIMESTAMP with less precision than the column");
    }
    column->default_value.reset();
    column->default_now = true;
    return Status::OK();
  }
  Result<Value> value = DefaultValue(expr, *column);
  if (!value.ok()) return value.status();
  column->default_value = std::move(*value);
  column->default_now = false;
  return Status::OK();
}

namespace {

// A literal DEFAULT converted to the column's type.
Result<Value> DefaultValue(const ast::Expr& expr, const storage::ColumnDef& column) {
  auto literal = DefaultLiteral(expr, column.name);
  if (!literal.ok()) return literal.status();
  if ((*literal)->is_null()) {
    if (!column.nullable) return Status::Error(ErrorCode::kInvalidDefault, column.name);
    return Value::Null();
  }
  storage::TableSchema one_column;
  one_column.columns.push_back(column);
  Result<Value> converted = ConvertForColumn(**literal, ConversionTarget{&one_column, 0, 1});
  if (!converted.ok()) return Status::Error(ErrorCode::kInvalidDefault, column.name);
  return converted;
}

}  // namespace

}  // namespace minisql::sql
