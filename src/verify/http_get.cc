#include "verify/http_get.h"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace gatehouse::verify {
namespace {

struct Body {
  std::string data;
  size_t max_bytes;
  bool too_large = false;
};

size_t OnData(char* ptr, size_t size, size_t nmemb, void* user) {
  auto* body = static_cast<Body*>(user);
  const size_t n = size * nmemb;
  if (body->data.size() + n > body->max_bytes) {
    body->too_large = true;
    return 0;  // makes libcurl abort with CURLE_WRITE_ERROR
  }
  body->data.append(ptr, n);
  return n;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlUrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

std::string UrlPart(CURLU* url, CURLUPart part) {
  char* text = nullptr;
  if (curl_url_get(url, part, &text, 0) != CURLUE_OK) return {};
  std::string out(text);
  curl_free(text);
  return out;
}

}  // namespace

bool UrlAllowed(const std::string& url, bool allow_insecure_http) {
  std::unique_ptr<CURLU, CurlUrlDeleter> u(curl_url());
  if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return false;
  const std::string scheme = UrlPart(u.get(), CURLUPART_SCHEME);
  if (scheme == "https") return true;
  if (scheme != "http") return false;
  if (allow_insecure_http) return true;
  const std::string host = UrlPart(u.get(), CURLUPART_HOST);
  in_addr v4{};
  const bool loopback_v4 =
      inet_pton(AF_INET, host.c_str(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127;
  return host == "localhost" || host == "[::1]" || loopback_v4;
}

Result<std::string> HttpGet(const std::string& url, const HttpGetOptions& options) {
  if (!UrlAllowed(url, options.allow_insecure_http)) {
    return Fail(Error::Unavailable("JWKS URL must be https (http only to a loopback host)"));
  }
  GlobalInit();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Fail(Error::Unavailable("libcurl initialisation failed"));
  Body body{{}, options.max_bytes};
  char error[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM: safe in multi-threaded services
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(c, CURLOPT_USERAGENT, "gatehouse-verify/0.1");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnData);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  const CURLcode rc = curl_easy_perform(c);
  if (body.too_large) {
    return Fail(Error::Unavailable("JWKS response is larger than " +
                                   std::to_string(options.max_bytes) + " bytes"));
  }
  if (rc != CURLE_OK) {
    return Fail(Error::Unavailable(std::string("JWKS request failed: ") +
                                   (error[0] != '\0' ? error : curl_easy_strerror(rc))));
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) {
    return Fail(Error::Unavailable("JWKS request answered HTTP " + std::to_string(status)));
  }
  return std::move(body.data);
}

}  // namespace gatehouse::verify
