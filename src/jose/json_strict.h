// Strict JSON for JOSE: the JOSE Header and the JWT Claims Set must be JSON objects whose member
// names are unique (RFC 7515 §4, RFC 7519 §4). nlohmann::json silently keeps the last of
// duplicated names; two parsers disagreeing on which `aud` or `alg` counts is exactly the
// confusion RFC 8725 §2.8 warns about, so duplicates are refused here instead.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

#include "common/result.h"

namespace gatehouse::jose {

// Parses `text` as exactly one JSON object (RFC 8259) with no duplicate member name at any
// level and nesting of at most `max_depth` objects/arrays. Invalid UTF-8, trailing bytes,
// comments and non-finite numbers are refused. Fails with kInvalidInput, code "jose.malformed".
Result<nlohmann::json> ParseStrictJsonObject(std::string_view text, int max_depth = 16);

}  // namespace gatehouse::jose
