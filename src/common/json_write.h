// JsonObjectWriter: writes one flat JSON object (RFC 8259) straight into a string, for the token
// hot path where building an nlohmann::json tree and dumping it costs more than the rest of the
// serialisation (doc/performance.md). Strings of printable ASCII are copied as they are; any
// other string goes through nlohmann's escaping, which also replaces invalid UTF-8 with U+FFFD
// rather than producing invalid JSON. Keys are written as given.
// REQUIRES: keys are printable ASCII without '"' or '\' (they are literals at every call site).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gatehouse {

// Appends `value` as a JSON string literal.
void AppendJsonString(std::string& out, std::string_view value);

class JsonObjectWriter {
 public:
  explicit JsonObjectWriter(size_t reserve = 256) {
    out_.reserve(reserve);
    out_ += '{';
  }

  JsonObjectWriter& String(std::string_view key, std::string_view value) {
    Key(key);
    AppendJsonString(out_, value);
    return *this;
  }
  JsonObjectWriter& Int(std::string_view key, int64_t value) {
    Key(key);
    out_ += std::to_string(value);
    return *this;
  }
  // Closes the object and hands over the text. The writer is empty afterwards.
  std::string Finish() {
    out_ += '}';
    return std::move(out_);
  }

 private:
  void Key(std::string_view key) {
    if (out_.size() > 1) out_ += ',';
    out_ += '"';
    out_ += key;
    out_ += "\":";
  }
  std::string out_;
};

}  // namespace gatehouse
