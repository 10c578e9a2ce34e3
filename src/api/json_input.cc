#include "api/json_input.h"

#include <fmt/format.h>

#include "common/json_depth.h"

namespace gatehouse::api {
namespace {

Error Invalid(std::string_view key, std::string_view what) {
  return Error::InvalidInput(fmt::format("Invalid input: `{}` {}.", key, what));
}

}  // namespace

Result<Json> ParseBody(const http::Request& req, bool allow_empty) {
  if (req.body.empty()) {
    if (allow_empty) return Json::object();
    return Fail(Error::InvalidInput("Request body must be a JSON object."));
  }
  // Deep nesting would exhaust the stack in nlohmann's recursive copy/dump: refuse it first.
  if (!JsonNestingWithin(req.body, kMaxJsonDepth)) {
    return Fail(Error::InvalidInput("Request body is nested too deeply."));
  }
  // nlohmann's parser rejects invalid UTF-8 inside strings and never throws with this overload.
  Json body = Json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return Fail(Error::InvalidInput("Request body is not valid JSON."));
  if (!body.is_object()) return Fail(Error::InvalidInput("Request body must be a JSON object."));
  return body;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

Result<std::optional<std::string>> OptString(const Json& body, std::string_view key,
                                             size_t max_len) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<std::string>{};
  if (!it->is_string()) return Fail(Invalid(key, "must be a string"));
  const auto& s = it->get_ref<const std::string&>();
  if (Utf8Length(s) > max_len) return Fail(Invalid(key, fmt::format("must be at most {} characters", max_len)));
  return std::optional<std::string>(s);
}

Result<std::string> RequiredString(const Json& body, std::string_view key, size_t max_len,
                                   bool allow_empty) {
  auto s = OptString(body, key, max_len);
  if (!s) return Fail(s.error());
  if (!*s) return Fail(Invalid(key, "is required"));
  if (!allow_empty && (*s)->empty()) return Fail(Invalid(key, "must not be empty"));
  return std::move(**s);
}

Result<std::optional<bool>> OptBool(const Json& body, std::string_view key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<bool>{};
  if (!it->is_boolean()) return Fail(Invalid(key, "must be a boolean"));
  return std::optional<bool>(it->get<bool>());
}

Result<std::optional<int64_t>> OptInt(const Json& body, std::string_view key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<int64_t>{};
  if (!it->is_number_integer()) return Fail(Invalid(key, "must be an integer"));
  return std::optional<int64_t>(it->get<int64_t>());
}

Result<std::optional<std::vector<std::string>>> OptStringArray(const Json& body,
                                                               std::string_view key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<std::vector<std::string>>{};
  if (!it->is_array()) return Fail(Invalid(key, "must be an array of strings"));
  std::vector<std::string> out;
  out.reserve(it->size());
  for (const auto& v : *it) {
    if (!v.is_string() || v.get_ref<const std::string&>().empty() ||
        v.get_ref<const std::string&>().size() > 256) {
      return Fail(Invalid(key, "must be an array of non-empty strings"));
    }
    out.push_back(v.get<std::string>());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Result<std::vector<std::string>> RequiredStringArray(const Json& body, std::string_view key,
                                                     bool allow_empty) {
  auto a = OptStringArray(body, key);
  if (!a) return Fail(a.error());
  if (!*a) return Fail(Invalid(key, "is required"));
  if (!allow_empty && (*a)->empty()) return Fail(Invalid(key, "must not be empty"));
  return std::move(**a);
}

Result<std::optional<Json>> OptObject(const Json& body, std::string_view key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::optional<Json>{};
  if (!it->is_object()) return Fail(Invalid(key, "must be an object"));
  return std::optional<Json>(*it);
}

}  // namespace gatehouse::api
