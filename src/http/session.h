// Session: one HTTP/1.1 connection. Internal to the http layer (server.cc is its only user).
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <memory>
#include <optional>

#include "http/message.h"
#include "http/router.h"

namespace gatehouse::http {

struct ServerOptions;
class Session;

// What a session needs of its server.
class SessionHost {
 public:
  virtual ~SessionHost() = default;
  virtual const ServerOptions& Options() const = 0;
  virtual const Router& Routes() const = 0;
  virtual bool Draining() const = 0;
  virtual void Register(Session* s) = 0;
  virtual void Unregister(Session* s) = 0;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(boost::asio::ip::tcp::socket socket, SessionHost& host);
  ~Session();
  void Start();
  // Thread-safe: closes the connection if no request is being handled (graceful shutdown).
  void CloseIfIdle();

 private:
  void ReadHeader();
  void OnHeader(boost::system::error_code ec);
  void OnBody(boost::system::error_code ec);
  void Dispatch();
  void Send(Response response, bool keep_alive);
  void OnWritten(bool keep_alive, boost::system::error_code ec);
  // Answers `status` and closes, first reading what the client is still sending so that it sees
  // the answer instead of a reset (RFC 9112 §9.6).
  void Reject(int status, std::string_view code, std::string_view message);
  void DrainAndClose();
  void Close();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  SessionHost& host_;
  Request request_;
  std::chrono::steady_clock::time_point started_;
  bool in_flight_ = false;
  bool closed_ = false;
};

}  // namespace gatehouse::http
