// A guard against deeply nested JSON: nlohmann::json recurses when copying and serialising, so a
// body of 100,000 nested arrays would exhaust the stack. Checked before parsing untrusted input.
#pragma once

#include <string_view>

namespace gatehouse {

// True if no object/array in `text` nests deeper than `max_depth`. Brackets inside strings are
// ignored (escapes honoured). Does not validate the JSON otherwise. Linear time, no allocation.
bool JsonNestingWithin(std::string_view text, int max_depth);

}  // namespace gatehouse
