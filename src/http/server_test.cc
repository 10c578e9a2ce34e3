#include "http/server.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <future>
#include <thread>

namespace gatehouse::http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// A server on a free loopback port, run on a background thread for one test.
class RunningServer {
 public:
  explicit RunningServer(Router& router, ServerOptions opts = {}) {
    opts.host = "127.0.0.1";
    opts.port = 0;
    opts.threads = 2;
    opts.access_log = false;
    server_ = std::make_unique<Server>(opts, router);
    server_->Listen();
    port_ = server_->port();
    thread_ = std::thread([this] { server_->Run(false); });
  }
  ~RunningServer() {
    server_->Shutdown();
    thread_.join();
  }
  uint16_t port() const { return port_; }
  Server& server() { return *server_; }

 private:
  std::unique_ptr<Server> server_;
  uint16_t port_ = 0;
  std::thread thread_;
};

// Sends raw bytes, returns everything the server answers until it closes or `timeout`.
std::string Exchange(uint16_t port, const std::string& raw, bool half_close = false) {
  asio::io_context ioc;
  tcp::socket s(ioc);
  s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  boost::system::error_code ec;
  asio::write(s, asio::buffer(raw), ec);
  if (half_close) s.shutdown(tcp::socket::shutdown_send, ec);
  std::string out;
  char buf[4096];
  for (;;) {
    size_t n = s.read_some(asio::buffer(buf), ec);
    out.append(buf, n);
    if (ec) break;
    if (out.find("\r\n\r\n") != std::string::npos && raw.find("Connection: close") == std::string::npos &&
        out.find("Connection: close") == std::string::npos) {
      // keep-alive answer: stop once the declared body has arrived
      auto cl = out.find("Content-Length: ");
      if (cl != std::string::npos) {
        size_t len = std::stoul(out.substr(cl + 16));
        if (out.size() >= out.find("\r\n\r\n") + 4 + len) break;
      }
    }
  }
  return out;
}

Router Basic() {
  Router r;
  r.Add("GET", "/ok", [](Request&) {
    Response res;
    res.body = "fine";
    return res;
  });
  r.Add("GET", "/boom", [](Request&) -> Response { throw std::runtime_error("bug"); });
  r.Add("POST", "/echo", [](Request& req) {
    Response res;
    res.body = std::to_string(req.body.size());
    return res;
  });
  return r;
}

}  // namespace

TEST(Server, AnswersAndKeepsTheConnectionAlive) {
  Router r = Basic();
  RunningServer s(r);
  auto out = Exchange(s.port(), "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(out.find("HTTP/1.1 200"), std::string::npos);
  EXPECT_NE(out.find("fine"), std::string::npos);
  EXPECT_NE(out.find("X-Request-Id: "), std::string::npos);
}

TEST(Server, TurnsAnEscapedExceptionIntoA500AndKeepsServing) {
  Router r = Basic();
  RunningServer s(r);
  auto out = Exchange(s.port(), "GET /boom HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(out.find("HTTP/1.1 500"), std::string::npos);
  EXPECT_NE(out.find("Internal server error."), std::string::npos);
  EXPECT_EQ(out.find("bug"), std::string::npos);
  auto again = Exchange(s.port(), "GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_NE(again.find("200"), std::string::npos);
}

TEST(Server, Answers413ForABodyOverOneMebibyteBeforeClosing) {
  Router r = Basic();
  RunningServer s(r);
  std::string body((1 << 20) + 1, 'x');
  auto out = Exchange(s.port(), "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                    std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_NE(out.find("HTTP/1.1 413"), std::string::npos);
}

TEST(Server, AcceptsABodyOfExactlyOneMebibyte) {
  Router r = Basic();
  RunningServer s(r);
  std::string body(1 << 20, 'x');
  auto out = Exchange(s.port(), "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " +
                                    std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_NE(out.find("HTTP/1.1 200"), std::string::npos);
  EXPECT_NE(out.find("1048576"), std::string::npos);
}

TEST(Server, Answers400ForGarbageAnd431ForHugeHeaders) {
  Router r = Basic();
  RunningServer s(r);
  EXPECT_NE(Exchange(s.port(), "NOT HTTP AT ALL\r\n\r\n").find("400"), std::string::npos);
  std::string big = "GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n";
  EXPECT_NE(Exchange(s.port(), big).find("431"), std::string::npos);
  std::string many = "GET /ok HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 150; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  EXPECT_NE(Exchange(s.port(), many + "\r\n").find("431"), std::string::npos);
}

TEST(Server, ShutdownLetsAnInFlightRequestFinish) {
  Router r;
  std::promise<void> entered;
  r.Add("GET", "/slow", [&entered](Request&) {
    entered.set_value();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    Response res;
    res.body = "done";
    return res;
  });
  auto s = std::make_unique<RunningServer>(r);
  auto reply = std::async(std::launch::async, [port = s->port()] {
    return Exchange(port, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  });
  entered.get_future().wait();
  s.reset();  // Shutdown + join while the handler sleeps
  auto out = reply.get();
  EXPECT_NE(out.find("HTTP/1.1 200"), std::string::npos);
  EXPECT_NE(out.find("done"), std::string::npos);
}

}  // namespace gatehouse::http
