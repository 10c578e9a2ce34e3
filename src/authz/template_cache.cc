#include "authz/template_cache.h"

namespace gatehouse::authz {

void TemplateCache::Put(std::shared_ptr<const TemplateSnapshot> snapshot) {
  auto current = current_.load();
  for (;;) {
    if (current && snapshot && current->version() > snapshot->version()) return;
    if (current_.compare_exchange_weak(current, snapshot)) return;
  }
}

}  // namespace gatehouse::authz
