#include "http/server.h"

#include <spdlog/spdlog.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include "http/session.h"

namespace gatehouse::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct Server::Impl : SessionHost {
  Impl(ServerOptions opts, const Router& r)
      : options(std::move(opts)), router(r), ioc(options.threads > 0 ? options.threads : 1),
        acceptor(asio::make_strand(ioc)), signals(ioc), drain_timer(ioc) {}

  ServerOptions options;
  const Router& router;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer drain_timer;
  std::atomic<bool> draining{false};
  std::chrono::steady_clock::time_point drain_deadline;

  std::mutex sessions_mu;
  std::unordered_set<Session*> sessions;

  // SessionHost
  const ServerOptions& Options() const override { return options; }
  const Router& Routes() const override { return router; }
  bool Draining() const override { return draining.load(std::memory_order_relaxed); }
  void Register(Session* s) override {
    std::lock_guard lock(sessions_mu);
    sessions.insert(s);
  }
  void Unregister(Session* s) override {
    std::lock_guard lock(sessions_mu);
    sessions.erase(s);
  }

  void Accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](boost::system::error_code ec,
                                                         tcp::socket socket) {
      if (ec) {
        if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
        // EMFILE and friends: log and keep accepting rather than dying.
        spdlog::warn("accept failed: {}", ec.message());
      } else {
        std::make_shared<Session>(std::move(socket), *this)->Start();
      }
      if (acceptor.is_open()) Accept();
    });
  }

  void BeginDrain() {
    if (draining.exchange(true)) return;
    spdlog::info("shutting down: draining in-flight requests");
    asio::post(acceptor.get_executor(), [this] {
      boost::system::error_code ignored;
      acceptor.close(ignored);
    });
    {
      std::lock_guard lock(sessions_mu);
      for (Session* s : sessions) s->CloseIfIdle();
    }
    drain_deadline = std::chrono::steady_clock::now() + options.drain_timeout;
    WaitDrained();
  }

  void WaitDrained() {
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([this](boost::system::error_code) {
      bool empty;
      {
        std::lock_guard lock(sessions_mu);
        empty = sessions.empty();
        if (!empty) for (Session* s : sessions) s->CloseIfIdle();
      }
      if (empty || std::chrono::steady_clock::now() >= drain_deadline) {
        ioc.stop();
      } else {
        WaitDrained();
      }
    });
  }
};

Server::Server(ServerOptions options, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(options), router)) {}

Server::~Server() = default;

void Server::Listen() {
  auto& a = impl_->acceptor;
  tcp::endpoint ep(asio::ip::make_address(impl_->options.host), impl_->options.port);
  a.open(ep.protocol());
  a.set_option(asio::socket_base::reuse_address(true));
  a.bind(ep);
  a.listen(asio::socket_base::max_listen_connections);
}

uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::Run(bool handle_signals) {
  if (handle_signals) {
    impl_->signals.add(SIGTERM);
    impl_->signals.add(SIGINT);
    impl_->signals.async_wait([this](boost::system::error_code ec, int) {
      if (!ec) impl_->BeginDrain();
    });
  }
  impl_->Accept();
  int n = impl_->options.threads > 0 ? impl_->options.threads
                                     : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  for (int i = 1; i < n; ++i) threads.emplace_back([this] { impl_->ioc.run(); });
  impl_->ioc.run();
  for (auto& t : threads) t.join();
}

void Server::Shutdown() {
  asio::post(impl_->ioc, [this] { impl_->BeginDrain(); });
}

}  // namespace gatehouse::http
