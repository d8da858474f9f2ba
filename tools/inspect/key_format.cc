// key_format.cc — decoding keys and bytes for display (see key_format.h).
#include "inspect/key_format.h"

#include <cstdio>
#include <cstring>

namespace minisql::inspect {

std::string Printable(std::string_view bytes, size_t max) {
  std::string out;
  for (size_t i = 0; i < bytes.size() && i < max; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\x%02X", c);
      out += buf;
    }
  }
  if (bytes.size() > max) out += "...";
  return out;
}

std::string Hex(std::string_view bytes, size_t max) {
  std::string out;
  for (size_t i = 0; i < bytes.size() && i < max; ++i) {
    char buf[4];
    std::snprintf(buf, sizeof(buf), "%02X", static_cast<unsigned char>(bytes[i]));
    if (i > 0) out += ' ';
    out += buf;
  }
  if (bytes.size() > max) out += " ...";
  return out;
}

namespace {

uint64_t BigEndian64(std::string_view bytes) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[i]);
  return v;
}

// Decodes one key component of `type` from the front of `*key`; false if malformed.
bool DecodeComponent(const ColumnType& type, std::string_view* key, std::string* out) {
  if (type.IsInteger() || type.id == TypeId::kDouble || type.id == TypeId::kFloat) {
    if (key->size() < 8) return false;
    uint64_t bits = BigEndian64(*key);
    key->remove_prefix(8);
    if (type.IsInteger()) {
      *out += std::to_string(static_cast<int64_t>(bits ^ (uint64_t{1} << 63)));
    } else {
      // Positive: sign bit was flipped; negative: all bits were flipped.
      bits = (bits >> 63) != 0 ? bits ^ (uint64_t{1} << 63) : ~bits;
      double d;
      std::memcpy(&d, &bits, sizeof(d));
      char buf[32];
      std::snprintf(buf, sizeof(buf), "%.17g", d);
      *out += buf;
    }
    return true;
  }
  if (type.id == TypeId::kDecimal) {
    if (key->size() < 16) return false;
    *out += "decimal{" + Hex(key->substr(0, 16), 16) + "}";
    key->remove_prefix(16);
    return true;
  }
  // A string: weight bytes, 00 escaped as 00 FF, ended by 00 00.
  std::string weight;
  while (true) {
    if (key->size() < 2 && !(key->size() == 1 && (*key)[0] != '\0')) return false;
    char c = (*key)[0];
    if (c != '\0') {
      weight += c;
      key->remove_prefix(1);
      continue;
    }
    char next = (*key)[1];
    key->remove_prefix(2);
    if (next == '\0') break;
    if (next != '\xFF') return false;
    weight += '\0';
  }
  *out += "'" + Printable(weight) + "'";
  return true;
}

}  // namespace

std::string DescribeKey(const storage::TableSchema* schema, std::string_view key) {
  if (schema == nullptr) {  // catalog: record letter + names separated by 0x00
    std::string text(key);
    for (char& c : text) c = c == '\0' ? '/' : c;
    return "\"" + Printable(text) + "\"";
  }
  if (schema->primary_key.empty()) {
    if (key.size() != 8) return "<bad row id: " + Hex(key) + ">";
    return "row id " + std::to_string(BigEndian64(key));
  }
  std::string out = "(";
  std::string_view rest = key;
  for (size_t i = 0; i < schema->primary_key.size(); ++i) {
    uint32_t column = schema->primary_key[i];
    if (column >= schema->columns.size()) return "<bad schema>";
    if (i > 0) out += ", ";
    if (!DecodeComponent(schema->columns[column].type, &rest, &out)) {
      return "<undecodable key: " + Hex(key) + ">";
    }
  }
  if (!rest.empty()) return "<undecodable key: " + Hex(key) + ">";
  return out + ")";
}

}  // namespace minisql::inspect
