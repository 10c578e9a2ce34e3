#include "http/session.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <cctype>

#include "http/server.h"

namespace gatehouse::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace asio = boost::asio;

namespace {

std::string NextRequestId() {
  static std::atomic<uint64_t> counter{0};
  static const uint64_t start =
      static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%llx-%llx", static_cast<unsigned long long>(start),
                        static_cast<unsigned long long>(counter.fetch_add(1) + 1));
  return std::string(buf, n);
}

// A client-supplied X-Request-Id is kept only when short and made of safe characters, so that it
// cannot forge log lines.
bool SafeRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.')
      return false;
  return true;
}

}  // namespace

Session::Session(asio::ip::tcp::socket socket, SessionHost& host)
    : stream_(std::move(socket)), host_(host) {}

Session::~Session() { host_.Unregister(this); }

void Session::Start() {
  host_.Register(this);
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->ReadHeader(); });
}

void Session::CloseIfIdle() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    if (!self->in_flight_) self->Close();
  });
}

void Session::ReadHeader() {
  if (closed_) return;
  const auto& opt = host_.Options();
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(opt.header_limit));
  parser_->body_limit(opt.body_limit);
  stream_.expires_after(opt.read_timeout);
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           [self = shared_from_this()](beast::error_code ec, size_t) {
                             self->OnHeader(ec);
                           });
}

void Session::OnHeader(beast::error_code ec) {
  if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
      ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
      ec == asio::error::eof) {
    return Close();
  }
  if (ec == bhttp::error::body_limit) {
    return Reject(413, "guard.request_entity_too_large", "Request body exceeds 1 MiB.");
  }
  if (ec == bhttp::error::header_limit) {
    return Reject(431, "guard.header_too_large", "Request header fields too large.");
  }
  if (ec) return Reject(400, "guard.bad_request", "Malformed HTTP request.");
  started_ = std::chrono::steady_clock::now();
  in_flight_ = true;
  const auto& header = parser_->get();
  size_t count = 0;
  for (auto it = header.begin(); it != header.end(); ++it) ++count;
  if (count > host_.Options().max_header_count) {
    return Reject(431, "guard.header_too_large", "Too many header fields.");
  }
  // RFC 9110 §10.1.1: a client that waits for 100 Continue gets it once the header passed.
  auto expect = header[bhttp::field::expect];
  if (beast::iequals(expect, "100-continue")) {
    auto msg = std::make_shared<std::string>("HTTP/1.1 100 Continue\r\n\r\n");
    asio::async_write(stream_, asio::buffer(*msg),
                      [self = shared_from_this(), msg](beast::error_code ec, size_t) {
                        if (ec) return self->Close();
                        bhttp::async_read(self->stream_, self->buffer_, *self->parser_,
                                          [self](beast::error_code ec, size_t) {
                                            self->OnBody(ec);
                                          });
                      });
    return;
  }
  bhttp::async_read(stream_, buffer_, *parser_,
                    [self = shared_from_this()](beast::error_code ec, size_t) {
                      self->OnBody(ec);
                    });
}

void Session::OnBody(beast::error_code ec) {
  if (ec == bhttp::error::body_limit) {
    return Reject(413, "guard.request_entity_too_large", "Request body exceeds 1 MiB.");
  }
  if (ec == beast::error::timeout || ec == bhttp::error::end_of_stream ||
      ec == asio::error::operation_aborted || ec == asio::error::eof) {
    return Close();
  }
  if (ec) return Reject(400, "guard.bad_request", "Malformed HTTP request.");
  Dispatch();
}

void Session::Dispatch() {
  auto msg = parser_->release();
  request_ = Request{};
  request_.method = std::string(msg.method_string());
  request_.target = std::string(msg.target());
  for (const auto& field : msg) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    request_.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  request_.body = std::move(msg.body());
  boost::system::error_code ignored;
  auto remote = stream_.socket().remote_endpoint(ignored);
  request_.remote_address = ignored ? "" : remote.address().to_string();
  auto rid = request_.Header("x-request-id");
  request_.request_id = rid && SafeRequestId(*rid) ? std::string(*rid) : NextRequestId();
  bool keep_alive = msg.keep_alive();

  std::string_view target = request_.target;
  size_t qpos = target.find('?');
  request_.path = std::string(target.substr(0, qpos));
  if (qpos != std::string_view::npos) {
    auto query = ParseFormEncoded(target.substr(qpos + 1));
    if (!query) {
      return Send(Response::ErrorBody(400, "guard.invalid_input", "Malformed query string."),
                  keep_alive);
    }
    request_.query = std::move(*query);
  }

  auto match = host_.Routes().Find(request_);
  if (match.async_handler != nullptr) {
    auto self = shared_from_this();
    try {
      (*match.async_handler)(request_, [self, keep_alive](Response r) {
        asio::post(self->stream_.get_executor(), [self, keep_alive, r = std::move(r)]() mutable {
          self->Send(std::move(r), keep_alive);
        });
      });
    } catch (const std::exception& e) {
      spdlog::error("request {} {} {}: unhandled exception: {}", request_.request_id,
                    request_.method, request_.path, e.what());
      Send(Response::InternalError(), keep_alive);
    }
    return;
  }
  Response response;
  if (match.handler == nullptr) {
    response = match.path_known
                   ? Response::ErrorBody(405, "guard.method_not_allowed", "Method not allowed.")
                   : Response::ErrorBody(404, "guard.not_found", "No such route.");
  } else {
    // The last-resort handler: anything unexpected becomes a logged 500, never a dead process.
    try {
      response = (*match.handler)(request_);
    } catch (const std::exception& e) {
      spdlog::error("request {} {} {}: unhandled exception: {}", request_.request_id,
                    request_.method, request_.path, e.what());
      response = Response::InternalError();
    } catch (...) {
      spdlog::error("request {} {} {}: unhandled non-standard exception", request_.request_id,
                    request_.method, request_.path);
      response = Response::InternalError();
    }
  }
  Send(std::move(response), keep_alive);
}

void Session::Send(Response response, bool keep_alive) {
  if (closed_) return;
  keep_alive = keep_alive && !host_.Draining();
  if (response.status >= 500) {
    spdlog::error("request {} {} {} answered {}", request_.request_id, request_.method,
                  request_.path, response.status);
  }
  auto res = std::make_shared<bhttp::response<bhttp::string_body>>(
      static_cast<bhttp::status>(response.status), 11);
  // insert, not set: a header may repeat (Set-Cookie, RFC 6265 §3).
  for (auto& [k, v] : response.headers) res->insert(k, v);
  res->set("X-Request-Id", request_.request_id);
  res->keep_alive(keep_alive);
  if (request_.method == "HEAD") {
    // RFC 9110 §9.3.2: the headers a GET would get, Content-Length included, and no body.
    res->content_length(response.body.size());
  } else {
    res->body() = std::move(response.body);
    res->prepare_payload();
  }
  if (host_.Options().access_log) {
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                  std::chrono::steady_clock::now() - started_)
                  .count();
    spdlog::info("{} {} {} {} {} {}B {}us", request_.request_id, request_.remote_address,
                 request_.method, request_.path, response.status, res->body().size(), us);
  }
  stream_.expires_after(host_.Options().read_timeout);
  bhttp::async_write(stream_, *res,
                     [self = shared_from_this(), res, keep_alive](beast::error_code ec, size_t) {
                       self->OnWritten(keep_alive, ec);
                     });
}

void Session::OnWritten(bool keep_alive, beast::error_code ec) {
  in_flight_ = false;
  if (ec || !keep_alive) return Close();
  ReadHeader();
}

void Session::Reject(int status, std::string_view code, std::string_view message) {
  in_flight_ = true;
  if (started_ == std::chrono::steady_clock::time_point{}) started_ = std::chrono::steady_clock::now();
  if (request_.request_id.empty()) request_.request_id = NextRequestId();
  auto response = Response::ErrorBody(status, code, message);
  auto res = std::make_shared<bhttp::response<bhttp::string_body>>(
      static_cast<bhttp::status>(status), 11);
  // insert, not set: a header may repeat (Set-Cookie, RFC 6265 §3).
  for (auto& [k, v] : response.headers) res->insert(k, v);
  res->set("X-Request-Id", request_.request_id);
  res->body() = std::move(response.body);
  res->keep_alive(false);
  res->prepare_payload();
  spdlog::info("{} - rejected {}", request_.request_id, status);
  stream_.expires_after(std::chrono::seconds(5));
  bhttp::async_write(stream_, *res, [self = shared_from_this(), res](beast::error_code ec, size_t) {
    if (ec) return self->Close();
    self->DrainAndClose();
  });
}

void Session::DrainAndClose() {
  boost::system::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  // Discard what the client still sends, for at most 2 s, then close.
  stream_.expires_after(std::chrono::seconds(2));
  auto buf = std::make_shared<std::array<char, 16384>>();
  stream_.async_read_some(asio::buffer(*buf),
                          [self = shared_from_this(), buf](beast::error_code ec, size_t) {
                            if (ec) return self->Close();
                            self->DrainAndClose();
                          });
}

void Session::Close() {
  if (closed_) return;
  closed_ = true;
  boost::system::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
}

}  // namespace gatehouse::http
