// PgChangeFeed: store::ChangeFeed over PostgreSQL LISTEN/NOTIFY. One dedicated connection
// LISTENs on the channel the migration-001 triggers notify (kChangeChannel); a thread waits on
// its socket and calls the listeners of each topic received. A lost connection is retried every
// second; after a reconnect every listener is called once (notifications may have been missed).
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "store/change_feed.h"

namespace gatehouse::store::postgres {

class PgChangeFeed final : public ChangeFeed {
 public:
  // Starts listening on `url` at once (a failure is retried in the background).
  explicit PgChangeFeed(std::string url);
  // Stops the thread (within ~250 ms).
  ~PgChangeFeed() override;

  int Subscribe(std::string topic, Listener listener) override;
  void Unsubscribe(int id) override;

  // Notifications received since start (tests, metrics).
  uint64_t received() const { return received_.load(); }

 private:
  void Run();
  void Dispatch(std::string_view topic);

  std::string url_;
  std::atomic<bool> stop_{false};
  std::atomic<uint64_t> received_{0};
  std::mutex mu_;
  std::map<int, std::pair<std::string, Listener>> listeners_;
  int next_id_ = 1;
  std::thread thread_;
};

}  // namespace gatehouse::store::postgres
