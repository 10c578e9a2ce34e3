// Context: what every service needs — the store and the injected clock and randomness. Services
// are cheap, stateless objects built over a Context (per request if convenient); shared state
// (caches) lives behind pointers here.
#pragma once

#include "authz/template_cache.h"
#include "common/clock.h"
#include "common/random.h"
#include "store/store.h"

namespace gatehouse::service {

struct HotCaches;

struct Context {
  store::Store& store;
  const Clock& clock;
  Random& random;
  // The process's one organization-template cache (authz/template_cache.h). Optional: without
  // it every permission evaluation rebuilds the template from the store. Owned by app.
  authz::TemplateCache* template_cache = nullptr;
  // The token hot path's read caches (service/runtime/hot_caches.h). Optional: without them every
  // request reads the store. Owned by app; valid only if `store` is their EpochStore.
  HotCaches* caches = nullptr;
};

}  // namespace gatehouse::service
