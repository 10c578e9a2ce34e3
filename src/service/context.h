// Context: what every service needs — the store and the injected clock and randomness. Services
// are cheap, stateless objects built over a Context (per request if convenient); shared state
// (caches) lives behind pointers here.
#pragma once

#include "common/clock.h"
#include "common/random.h"
#include "store/store.h"

namespace gatehouse::service {

struct Context {
  store::Store& store;
  const Clock& clock;
  Random& random;
};

}  // namespace gatehouse::service
