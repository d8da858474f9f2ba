// aggregate.cc — COUNT, SUM, AVG, MIN, MAX accumulators (see aggregate.h).
//
// Sums of integers and DECIMALs are exact (DECIMAL arithmetic), so SUM of a BIGINT
// column cannot silently wrap; a sum beyond 38 digits is ER_DATA_OUT_OF_RANGE. With
// DISTINCT, an accumulator remembers the values it has seen (ordered by the SQL
// comparison rules, so 'a' and 'A ' count once under the default collation) and skips
// repeats. NULL inputs are ignored by every aggregate except COUNT(*), whose input is
// the constant 1.
#include "sql/expression/aggregate.h"

#include <algorithm>
#include <set>

#include "sql/expression/comparison.h"
#include "sql/expression/conversion.h"
#include "sql/expression/result_types.h"

namespace minisql::sql {
namespace {

/// SUM of integers/DECIMAL reserves this many integer digits beyond the argument's.
constexpr int kSumExtraDigits = 22;

struct ValueLess {
  bool operator()(const Value& a, const Value& b) const {
    return CompareValues(a, b, CompareModeForValues(a, b)) < 0;
  }
};

/// Remembers values for DISTINCT; FirstTime is true once per distinct value.
class DistinctFilter {
 public:
  explicit DistinctFilter(bool enabled) : enabled_(enabled) {}
  bool FirstTime(const Value& v) { return !enabled_ || seen_.insert(v).second; }

 private:
  bool enabled_;
  std::set<Value, ValueLess> seen_;
};

bool ExactSum(const ColumnType& arg) {
  return arg.IsInteger() || arg.id == TypeId::kDecimal;
}

Status SumOverflow() {
  return Status::Error(ErrorCode::kDataOutOfRange, "DECIMAL", std::string("sum"));
}

/// COUNT(DISTINCT a, b, ...): rows whose values are all non-NULL, counted once per
/// distinct combination.
class CountDistinctRowsAggregator : public Aggregator {
 public:
  Status Accumulate(const Value& v) override { return AccumulateValues(Row{v}); }
  Status AccumulateValues(const Row& inputs) override {
    for (const Value& v : inputs) {
      if (v.is_null()) return Status::OK();
    }
    seen_.insert(inputs);
    return Status::OK();
  }
  Result<Value> Finish() const override { return Value::Int(static_cast<int64_t>(seen_.size())); }

 private:
  struct RowLess {
    bool operator()(const Row& a, const Row& b) const {
      return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), ValueLess());
    }
  };
  std::set<Row, RowLess> seen_;
};

class CountAggregator : public Aggregator {
 public:
  CountAggregator(bool star, bool distinct) : star_(star), distinct_(distinct && !star) {}
  Status Accumulate(const Value& v) override {
    if (star_ || (!v.is_null() && distinct_.FirstTime(v))) ++count_;
    return Status::OK();
  }
  Result<Value> Finish() const override { return Value::Int(count_); }

 private:
  bool star_;
  DistinctFilter distinct_;
  int64_t count_ = 0;
};

/// Shared by SUM and AVG: the running sum and count of non-NULL values.
class SumAggregator : public Aggregator {
 public:
  SumAggregator(const AggregateSpec& spec, ColumnType result, bool average)
      : exact_(ExactSum(spec.arg_type)),
        average_(average),
        result_(result),
        distinct_(spec.distinct) {}

  Status Accumulate(const Value& v) override {
    if (v.is_null() || !distinct_.FirstTime(v)) return Status::OK();
    ++count_;
    if (!exact_) {
      double_sum_ += ToDouble(v);
      return Status::OK();
    }
    auto d = ToDecimal(v);
    if (!d) return SumOverflow();
    auto sum = Decimal::Add(decimal_sum_, *d);
    if (!sum) return SumOverflow();
    decimal_sum_ = *sum;
    return Status::OK();
  }

  Result<Value> Finish() const override {
    if (count_ == 0) return Value::Null();
    Value out;
    if (!exact_) {
      out = Value::Double(average_ ? double_sum_ / static_cast<double>(count_) : double_sum_);
    } else if (!average_) {
      out = Value::FromDecimal(decimal_sum_);
    } else {
      auto avg = Decimal::Div(decimal_sum_, Decimal::FromInt(count_), result_.scale);
      if (!avg) return SumOverflow();
      out = Value::FromDecimal(*avg);
    }
    return ConvertToType(out, result_, average_ ? "avg" : "sum");
  }

 private:
  bool exact_;
  bool average_;
  ColumnType result_;
  DistinctFilter distinct_;
  int64_t count_ = 0;
  Decimal decimal_sum_;
  double double_sum_ = 0;
};

class MinMaxAggregator : public Aggregator {
 public:
  MinMaxAggregator(const ColumnType& arg, bool max) : mode_(CompareModeFor(arg, arg)), max_(max) {}
  Status Accumulate(const Value& v) override {
    if (v.is_null()) return Status::OK();
    if (best_.is_null()) {
      best_ = v;
      return Status::OK();
    }
    int c = CompareValues(v, best_, mode_);
    if (max_ ? c > 0 : c < 0) best_ = v;
    return Status::OK();
  }
  Result<Value> Finish() const override { return best_; }

 private:
  CompareMode mode_;
  bool max_;
  Value best_;
};

}  // namespace

Result<ColumnType> AggregateResultType(const AggregateSpec& spec) {
  const ColumnType& arg = spec.arg_type;
  if (spec.name == "COUNT") return BigIntType(21);
  if (spec.name == "GROUP_CONCAT") return MakeType(TypeId::kText);
  if (spec.star) return Status::Error(ErrorCode::kParseError, "*)", 1);
  if (spec.name == "MIN" || spec.name == "MAX") return arg;
  if (spec.name != "SUM" && spec.name != "AVG")
    return Status::Error(ErrorCode::kNotSupportedYet, spec.name);
  if (!ExactSum(arg)) return MakeType(TypeId::kDouble);
  int scale = arg.id == TypeId::kDecimal ? arg.scale : 0;
  if (spec.name == "SUM") {
    int int_digits = std::min(IntegerDigits(arg) + kSumExtraDigits, Decimal::kMaxPrecision - scale);
    return DecimalType(int_digits, scale);
  }
  return DecimalType(IntegerDigits(arg), scale + kDivPrecisionIncrement);
}

Result<std::unique_ptr<Aggregator>> MakeAggregator(const AggregateSpec& spec) {
  Result<ColumnType> type = AggregateResultType(spec);
  if (!type.ok()) return type.status();
  std::unique_ptr<Aggregator> out;
  if (spec.name == "COUNT" && spec.arg_count > 1) {
    out = std::make_unique<CountDistinctRowsAggregator>();
  } else if (spec.name == "COUNT") {
    out = std::make_unique<CountAggregator>(spec.star, spec.distinct);
  } else if (spec.name == "GROUP_CONCAT") {
    out = MakeGroupConcatAggregator(spec);
  } else if (spec.name == "SUM" || spec.name == "AVG") {
    out = std::make_unique<SumAggregator>(spec, *type, spec.name == "AVG");
  } else {
    out = std::make_unique<MinMaxAggregator>(spec.arg_type, spec.name == "MAX");
  }
  return out;
}

}  // namespace minisql::sql
