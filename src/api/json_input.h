// Validation of Management API request bodies and fields (API.md "Conventions"): a body must be a
// JSON object of valid UTF-8; unknown fields are ignored; wrong types and over-long strings are
// 400 guard.invalid_input.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "http/message.h"

namespace gatehouse::api {

using Json = nlohmann::json;

// Length limits of API.md (characters, as Logto counts them: UTF-16 code units ≈ code points).
inline constexpr size_t kMaxName = 128;
inline constexpr size_t kMaxDescription = 256;
inline constexpr size_t kMaxEmail = 128;
// Deepest object/array nesting accepted in a request body.
inline constexpr int kMaxJsonDepth = 64;

// Parses the body as a JSON object. An empty body counts as {} only if `allow_empty`.
Result<Json> ParseBody(const http::Request& req, bool allow_empty = false);

// Number of Unicode code points in valid UTF-8 `s`.
size_t Utf8Length(std::string_view s);

// Field readers. Absent → nullopt. Present with the wrong type, or longer than max_len code
// points → InvalidInput naming the field. `null` counts as absent for Opt* unless noted.
Result<std::optional<std::string>> OptString(const Json& body, std::string_view key,
                                             size_t max_len = 4096);
Result<std::string> RequiredString(const Json& body, std::string_view key, size_t max_len = 4096,
                                   bool allow_empty = false);
Result<std::optional<bool>> OptBool(const Json& body, std::string_view key);
Result<std::optional<int64_t>> OptInt(const Json& body, std::string_view key);
// An array of non-empty strings (ids). Absent → nullopt.
Result<std::optional<std::vector<std::string>>> OptStringArray(const Json& body,
                                                               std::string_view key);
Result<std::vector<std::string>> RequiredStringArray(const Json& body, std::string_view key,
                                                     bool allow_empty = true);
// A JSON object field (customData, ...). Absent or null → nullopt.
Result<std::optional<Json>> OptObject(const Json& body, std::string_view key);

}  // namespace gatehouse::api
