#include "jose/json_strict.h"

#include <string>
#include <vector>

namespace gatehouse::jose {
namespace {

using Json = nlohmann::json;
using DomParser = nlohmann::detail::json_sax_dom_parser<Json>;

// SAX handler that builds the DOM (by delegation) and refuses duplicate names and deep nesting.
class StrictSax {
 public:
  StrictSax(Json& root, int max_depth) : dom_(root, /*allow_exceptions=*/false), max_depth_(max_depth) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(Json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(Json::number_float_t v, const Json::string_t& s) {
    return dom_.number_float(v, s);
  }
  bool string(Json::string_t& v) { return dom_.string(v); }
  bool binary(Json::binary_t& v) { return dom_.binary(v); }

  bool start_object(std::size_t n) { return Enter() && dom_.start_object(n); }
  bool end_object() {
    Leave();
    return dom_.end_object();
  }
  bool start_array(std::size_t n) { return Enter() && dom_.start_array(n); }
  bool end_array() {
    Leave();
    return dom_.end_array();
  }

  bool key(Json::string_t& name) {
    for (size_t i = frames_.back(); i < keys_.size(); ++i) {
      if (keys_[i] == name) {
        error_ = "duplicate member name \"" + name.substr(0, 64) + "\"";
        return false;
      }
    }
    keys_.push_back(name);
    return dom_.key(name);
  }

  template <class Exception>
  bool parse_error(std::size_t pos, const std::string& token, const Exception& ex) {
    if (error_.empty()) error_ = ex.what();
    return dom_.parse_error(pos, token, ex);
  }

  const std::string& error() const { return error_; }

 private:
  bool Enter() {
    if (static_cast<int>(frames_.size()) >= max_depth_) {
      error_ = "JSON nested too deeply";
      return false;
    }
    frames_.push_back(keys_.size());
    return true;
  }
  void Leave() {
    keys_.resize(frames_.back());
    frames_.pop_back();
  }

  DomParser dom_;
  int max_depth_;
  std::vector<std::string> keys_;  // names of the open objects, innermost last
  std::vector<size_t> frames_;     // where each open object's names start in keys_
  std::string error_;
};

}  // namespace

Result<Json> ParseStrictJsonObject(std::string_view text, int max_depth) {
  Json root;
  StrictSax sax(root, max_depth);
  bool ok = false;
  try {
    ok = Json::sax_parse(text, &sax);
  } catch (const std::exception& e) {  // nlohmann adapter errors; parse errors do not throw
    return Fail(Error::InvalidInput(std::string("invalid JSON: ") + e.what(), "jose.malformed"));
  }
  if (!ok) {
    return Fail(Error::InvalidInput(
        "invalid JSON: " + (sax.error().empty() ? std::string("syntax error") : sax.error()),
        "jose.malformed"));
  }
  if (!root.is_object()) {
    return Fail(Error::InvalidInput("JSON is not an object", "jose.malformed"));
  }
  return root;
}

}  // namespace gatehouse::jose
