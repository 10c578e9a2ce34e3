#include "store/postgres/change_feed.h"

#include <poll.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <vector>

#include "store/postgres/connection.h"
#include "store/postgres/migrations.h"

namespace gatehouse::store::postgres {

PgChangeFeed::PgChangeFeed(std::string url) : url_(std::move(url)) {
  thread_ = std::thread([this] { Run(); });
}

PgChangeFeed::~PgChangeFeed() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

int PgChangeFeed::Subscribe(std::string topic, Listener listener) {
  std::lock_guard lock(mu_);
  int id = next_id_++;
  listeners_.emplace(id, std::make_pair(std::move(topic), std::move(listener)));
  return id;
}

void PgChangeFeed::Unsubscribe(int id) {
  std::lock_guard lock(mu_);
  listeners_.erase(id);
}

void PgChangeFeed::Dispatch(std::string_view topic) {
  std::vector<Listener> matching;
  {
    std::lock_guard lock(mu_);
    for (const auto& [id, entry] : listeners_) {
      if (topic == "*" || entry.first == "*" || entry.first == topic) matching.push_back(entry.second);
    }
  }
  for (const auto& fn : matching) {
    try {
      fn(topic);
    } catch (const std::exception& e) {
      spdlog::error("change feed listener for {} threw: {}", topic, e.what());
    }
  }
}

void PgChangeFeed::Run() {
  bool ever_connected = false;
  while (!stop_) {
    Connection conn(url_);
    if (!conn.ok() || !conn.Exec("LISTEN " + std::string(kChangeChannel))) {
      // Retry in a second, checking for shutdown meanwhile.
      for (int i = 0; i < 4 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(250));
      continue;
    }
    if (ever_connected) {
      spdlog::info("change feed reconnected; resynchronising caches");
      Dispatch("*");
    }
    ever_connected = true;
    PGconn* pg = conn.raw();
    while (!stop_ && PQstatus(pg) == CONNECTION_OK) {
      pollfd p{PQsocket(pg), POLLIN, 0};
      int n = poll(&p, 1, 250);
      if (n < 0) break;
      if (n == 0) continue;
      if (!PQconsumeInput(pg)) break;  // connection lost
      while (PGnotify* note = PQnotifies(pg)) {
        std::string topic = note->extra ? note->extra : "";
        PQfreemem(note);
        ++received_;
        Dispatch(topic);
      }
    }
    if (!stop_) spdlog::warn("change feed lost its database connection; retrying");
  }
}

}  // namespace gatehouse::store::postgres
