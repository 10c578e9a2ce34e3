// ChangeFeed: committed changes announced to every node of a fleet, so process-local caches
// (the key ring, the organization-template snapshot, ...) can drop what another node changed.
// PostgreSQL implements it with LISTEN/NOTIFY (store/postgres/change_feed.h: triggers notify a
// topic per table on commit); a single-node SQLite deployment has no other writer, so its feed
// never fires (NullChangeFeed).
//
// Topics: "template" (organization scopes/roles and their relations), "keys" (signing keys),
// "applications" (+ secrets), "resources" (+ scopes), "roles" (global roles and their holders),
// "users", "organizations", "memberships" (members, M2M members and their roles).
//
// Delivery is at-least-once per committed transaction and topic, on the feed's own thread, after
// the commit is visible; duplicates fold. When the feed loses its connection, notifications sent
// meanwhile are lost, so on reconnect it calls every listener once ("resync"): a cache must treat
// any call as "reload", never as a diff.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace gatehouse::store {

class ChangeFeed {
 public:
  using Listener = std::function<void(std::string_view topic)>;
  virtual ~ChangeFeed() = default;

  // Calls `listener` whenever `topic` changes ("*": every topic). Returns an id for Unsubscribe.
  // REQUIRES: `listener` is quick and thread-safe (it runs on the feed's thread); it may read
  // the store.
  virtual int Subscribe(std::string topic, Listener listener) = 0;
  virtual void Unsubscribe(int id) = 0;
};

// The feed of a store that has no other writer: never fires.
class NullChangeFeed final : public ChangeFeed {
 public:
  int Subscribe(std::string, Listener) override { return 0; }
  void Unsubscribe(int) override {}
};

}  // namespace gatehouse::store
