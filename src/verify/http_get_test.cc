#include "verify/http_get.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace gatehouse::verify {
namespace {

// Serves one canned HTTP response on 127.0.0.1 to the first connection, then closes.
class OneShotServer {
 public:
  explicit OneShotServer(std::string response) : response_(std::move(response)) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(addr);
    bind(fd_, reinterpret_cast<sockaddr*>(&addr), len);
    listen(fd_, 1);
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] {
      int c = accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      std::string request;
      char buf[1024];
      while (request.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = read(c, buf, sizeof(buf));
        if (n <= 0) break;
        request.append(buf, static_cast<size_t>(n));
      }
      (void)!write(c, response_.data(), response_.size());
      close(c);
    });
  }
  ~OneShotServer() {
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    thread_.join();
  }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/oidc/jwks"; }

 private:
  std::string response_;
  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
};

std::string Response(const std::string& status, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

TEST(HttpGet, ReturnsTheBodyOfA200) {
  OneShotServer server(Response("200 OK", R"({"keys":[]})"));
  auto body = HttpGet(server.Url(), {});
  ASSERT_TRUE(body) << body.error().message;
  EXPECT_EQ(*body, R"({"keys":[]})");
}

TEST(HttpGet, RefusesOtherStatusesIncludingRedirects) {
  OneShotServer not_found(Response("404 Not Found", "nope"));
  auto r = HttpGet(not_found.Url(), {});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("404"), std::string::npos);
  OneShotServer redirect(
      "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/\r\n"
      "Content-Length: 0\r\nConnection: close\r\n\r\n");
  EXPECT_FALSE(HttpGet(redirect.Url(), {}));
}

TEST(HttpGet, RefusesBodiesOverTheLimit) {
  OneShotServer server(Response("200 OK", std::string(5000, 'x')));
  HttpGetOptions options;
  options.max_bytes = 1000;
  auto r = HttpGet(server.Url(), options);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("larger"), std::string::npos);
}

TEST(HttpGet, ReportsAConnectionFailure) {
  auto r = HttpGet("http://127.0.0.1:1/oidc/jwks", {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kUnavailable);
}

TEST(HttpGet, AllowsPlainHttpOnlyToLoopbackHosts) {
  EXPECT_TRUE(UrlAllowed("https://id.example/oidc/jwks", false));
  EXPECT_TRUE(UrlAllowed("http://localhost:3001/oidc/jwks", false));
  EXPECT_TRUE(UrlAllowed("http://127.0.0.1:3001/oidc/jwks", false));
  EXPECT_TRUE(UrlAllowed("http://[::1]:3001/oidc/jwks", false));
  EXPECT_FALSE(UrlAllowed("http://id.example/oidc/jwks", false));
  EXPECT_FALSE(UrlAllowed("http://127.0.0.1.evil.example/jwks", false));
  EXPECT_TRUE(UrlAllowed("http://id.example/oidc/jwks", true));
  EXPECT_FALSE(UrlAllowed("file:///etc/passwd", true));
  EXPECT_FALSE(UrlAllowed("ftp://id.example/jwks", true));
  EXPECT_FALSE(UrlAllowed("not a url", true));
  EXPECT_FALSE(HttpGet("http://id.example/oidc/jwks", {}));
}

}  // namespace
}  // namespace gatehouse::verify
