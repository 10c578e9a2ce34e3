#include "api/pagination.h"

#include <fmt/format.h>

#include <charconv>

namespace gatehouse::api {
namespace {

Error BadPage(std::string_view what) {
  return {ErrorKind::kInvalidPagination, "guard.invalid_pagination",
          fmt::format("Invalid pagination: {}.", what)};
}

std::optional<int64_t> ParsePositive(std::string_view s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 1) return std::nullopt;
  return v;
}

}  // namespace

Result<std::optional<model::PageRequest>> ParsePage(const http::Request& req,
                                                    bool always_paginate) {
  auto page = req.Query("page");
  auto size = req.Query("page_size");
  if (!page && !size && !always_paginate) return std::optional<model::PageRequest>{};
  int64_t p = 1, s = 20;
  if (page) {
    auto v = ParsePositive(*page);
    if (!v || *v > 1'000'000'000) return Fail(BadPage("`page` must be a positive integer"));
    p = *v;
  }
  if (size) {
    auto v = ParsePositive(*size);
    if (!v || *v > 100) return Fail(BadPage("`page_size` must be an integer from 1 to 100"));
    s = *v;
  }
  return std::optional<model::PageRequest>(model::PageRequest{(p - 1) * s, s});
}

void SetPageHeaders(http::Response& res, const http::Request& req,
                    const std::optional<model::PageRequest>& page, int64_t total) {
  res.SetHeader("Total-Number", std::to_string(total));
  if (!page) return;
  int64_t size = page->limit;
  int64_t current = page->offset / size + 1;
  int64_t last = std::max<int64_t>(1, (total + size - 1) / size);
  // Rebuild the query with every parameter but `page`, then append the page of each link.
  std::string base = req.path + "?";
  for (const auto& [k, v] : req.query) {
    if (k == "page") continue;
    base += http::PercentEncode(k) + "=" + http::PercentEncode(v) + "&";
  }
  auto link = [&](int64_t n, const char* rel) {
    return fmt::format("<{}page={}>; rel=\"{}\"", base, n, rel);
  };
  std::string value = link(1, "first");
  if (current > 1) value += ", " + link(std::min(current - 1, last), "prev");
  if (current < last) value += ", " + link(current + 1, "next");
  value += ", " + link(last, "last");
  res.SetHeader("Link", value);
}

}  // namespace gatehouse::api
