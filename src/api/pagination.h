// Pagination of list endpoints (API.md "Pagination"): `page` (1-based) and `page_size` (default
// 20, max 100); response headers Total-Number and Link (RFC 8288).
#pragma once

#include <optional>

#include "common/result.h"
#include "http/message.h"
#include "model/entities.h"

namespace gatehouse::api {

// Reads page/page_size. `always_paginate` [P]: defaults apply when both are absent; otherwise
// [P?]: nullopt (return everything) when both are absent. Bad values → InvalidPagination
// (guard.invalid_pagination).
Result<std::optional<model::PageRequest>> ParsePage(const http::Request& req, bool always_paginate);

// Sets Total-Number, and Link with first/prev/next/last when `page` is set.
void SetPageHeaders(http::Response& res, const http::Request& req,
                    const std::optional<model::PageRequest>& page, int64_t total);

}  // namespace gatehouse::api
