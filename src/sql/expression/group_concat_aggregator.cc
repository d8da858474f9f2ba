// group_concat_aggregator.cc — GROUP_CONCAT([DISTINCT] a, b, ... [ORDER BY k [DESC], ...]
// [SEPARATOR s]): the group's values joined into one string.
//
// Each input row brings its arguments and then its ORDER BY keys. A row whose
// arguments include a NULL is skipped (as CONCAT of them would be NULL); the others
// are concatenated into one piece of text. With DISTINCT, a piece is kept once per
// distinct argument combination (compared by the SQL rules, so 'a' and 'A' are one
// under the default collation). At the end the pieces are sorted by their keys
// (stable, so rows with equal keys keep their arrival order), joined with the
// separator, and cut at kGroupConcatMaxBytes as MariaDB's group_concat_max_len cuts
// them (on a character boundary). A group without pieces gives NULL.
#include <algorithm>
#include <set>

#include "sql/expression/aggregate.h"
#include "sql/expression/comparison.h"
#include "sql/expression/conversion.h"

namespace minisql::sql {
namespace {

int CompareSql(const Value& a, const Value& b) {
  return CompareValues(a, b, CompareModeForValues(a, b));
}

class GroupConcatAggregator : public Aggregator {
 public:
  explicit GroupConcatAggregator(const AggregateSpec& spec) : spec_(spec) {}

  Status Accumulate(const Value& v) override { return AccumulateValues(Row{v}); }

  Status AccumulateValues(const Row& inputs) override {
    const size_t arg_count = std::min(spec_.arg_count, inputs.size());
    Row arguments(inputs.begin(), inputs.begin() + static_cast<std::ptrdiff_t>(arg_count));
    for (const Value& v : arguments) {
      if (v.is_null()) return Status::OK();
    }
    if (spec_.distinct && !seen_.insert(arguments).second) return Status::OK();
    Piece piece;
    for (const Value& v : arguments) piece.text += AsString(v);
    piece.keys.assign(inputs.begin() + static_cast<std::ptrdiff_t>(arg_count), inputs.end());
    pieces_.push_back(std::move(piece));
    return Status::OK();
  }

  Result<Value> Finish() const override {
    if (pieces_.empty()) return Value::Null();
    std::vector<const Piece*> order;
    for (const Piece& p : pieces_) order.push_back(&p);
    if (!spec_.order_descending.empty()) {
      std::stable_sort(order.begin(), order.end(), [&](const Piece* a, const Piece* b) {
        for (size_t i = 0; i < a->keys.size() && i < b->keys.size(); ++i) {
          int c = CompareKeys(a->keys[i], b->keys[i]);
          if (c != 0) return spec_.order_descending[i] ? c > 0 : c < 0;
        }
        return false;
      });
    }
    std::string out;
    for (size_t i = 0; i < order.size(); ++i) {
      if (i > 0) out += spec_.separator;
      out += order[i]->text;
      if (out.size() >= kGroupConcatMaxBytes) break;
    }
    if (out.size() > kGroupConcatMaxBytes) {
      size_t cut = kGroupConcatMaxBytes;
      // Back up to the start of a UTF-8 character: never leave half of one.
      while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
      out.resize(cut);
    }
    return Value::String(std::move(out));
  }

 private:
  struct Piece {
    std::string text;
    Row keys;
  };
  struct RowLess {
    bool operator()(const Row& a, const Row& b) const {
      return std::lexicographical_compare(
          a.begin(), a.end(), b.begin(), b.end(),
          [](const Value& x, const Value& y) { return CompareSql(x, y) < 0; });
    }
  };

  /// ORDER BY's rule: NULL sorts before every value.
  static int CompareKeys(const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) return a.is_null() == b.is_null() ? 0 : (a.is_null() ? -1 : 1);
    return CompareSql(a, b);
  }

  AggregateSpec spec_;
  std::vector<Piece> pieces_;
  std::set<Row, RowLess> seen_;
};

}  // namespace

std::unique_ptr<Aggregator> MakeGroupConcatAggregator(const AggregateSpec& spec) {
  return std::make_unique<GroupConcatAggregator>(spec);
}

}  // namespace minisql::sql
