#include "authz/template_cache.h"

namespace gatehouse::authz {

void TemplateCache::Put(std::shared_ptr<const TemplateSnapshot> snapshot) {
  const bool has_version = snapshot != nullptr;
  const auto version = has_version ? snapshot->version() : 0;
  current_.store_unless(std::move(snapshot), [&](const auto& current) {
    return current && has_version && current->version() > version;
  });
}

}  // namespace gatehouse::authz
