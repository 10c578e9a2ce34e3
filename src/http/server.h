// Server: the Boost.Beast/Asio HTTP/1.1 server. Keep-alive, limits, slow-client timeouts,
// request ids, an access log, graceful shutdown, and the one last-resort handler that turns any
// escaped exception into a logged 500 without killing the process.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "http/router.h"

namespace gatehouse::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 3001;           // 0: pick a free port (see Server::port())
  int threads = 0;                // 0: one per core
  size_t body_limit = 1 << 20;    // API.md: bodies over 1 MiB get 413
  size_t header_limit = 16 << 10; // total bytes of the request line + headers
  size_t max_header_count = 100;
  std::chrono::seconds read_timeout{15};   // each request (and keep-alive idle) must arrive within this
  std::chrono::seconds drain_timeout{10};  // SIGTERM: in-flight requests get this long
  bool access_log = true;
};

class Server {
 public:
  // REQUIRES: `router` outlives the server.
  Server(ServerOptions options, const Router& router);
  ~Server();

  // Binds and listens. Throws std::system_error when the address cannot be bound (start-up).
  void Listen();
  // The bound port (useful with options.port == 0). REQUIRES: Listen() was called.
  uint16_t port() const;
  // Runs the I/O threads until Shutdown() or SIGTERM/SIGINT completes the drain. Blocks.
  void Run(bool handle_signals = true);
  // Stops accepting, lets in-flight requests finish (up to drain_timeout), then returns from Run.
  // Thread-safe.
  void Shutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gatehouse::http
