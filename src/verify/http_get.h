// HttpGet: the one network call of the verification library (a JWKS download), via libcurl.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "common/result.h"

namespace gatehouse::verify {

struct HttpGetOptions {
  std::chrono::milliseconds timeout{5000};  // the whole request, connection included
  size_t max_bytes = 1024 * 1024;           // larger bodies are refused
  bool allow_insecure_http = false;         // http:// to a host other than loopback
};

// True when `url` is https://, or http:// to localhost / 127.0.0.0/8 / [::1], or http:// at all
// when `allow_insecure_http`. A JWKS fetched in clear text from elsewhere could be swapped by
// anyone on the path, and with it every key.
bool UrlAllowed(const std::string& url, bool allow_insecure_http);

// GETs `url` and returns the body of a 200 response. Redirects are not followed (a JWKS URL is
// configured, not discovered); TLS certificates and host names are verified (libcurl defaults);
// only http and https are spoken. Fails with kUnavailable and a one-line reason.
// Thread-safe.
Result<std::string> HttpGet(const std::string& url, const HttpGetOptions& options);

}  // namespace gatehouse::verify
