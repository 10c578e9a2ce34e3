#include "service/keys/key_ring.h"

#include <spdlog/spdlog.h>

namespace gatehouse::service {
namespace {

Result<std::shared_ptr<const KeySet>> BuildKeySet(const std::vector<model::SigningKeyRecord>& rows) {
  auto set = std::make_shared<KeySet>();
  set->jwks = {{"keys", nlohmann::json::array()}};
  bool have_current = false;
  for (const auto& row : rows) {
    auto alg = crypto::AlgorithmFromName(row.alg);
    if (!alg) return Fail(Error::Internal("signing key " + row.kid + " has unknown alg"));
    auto key = crypto::SigningKey::FromPem(*alg, row.private_key_pem);
    if (!key) return Fail(Error::Internal("signing key " + row.kid + " does not load"));
    if (!row.retired_at && !have_current) {
      set->current = set->all.size();
      have_current = true;
    }
    set->jwks["keys"].push_back(key->PublicJwk(row.kid));
    set->all.emplace_back(row.kid, *key);
  }
  if (!have_current) return Fail(Error::NotFound("no active signing key"));
  set->jwks_body = set->jwks.dump();
  return std::shared_ptr<const KeySet>(std::move(set));
}

Result<std::vector<model::SigningKeyRecord>> ReadKeys(const Context& ctx) {
  std::vector<model::SigningKeyRecord> rows;
  GH_TRY(ctx.store.Read([&](store::Repos& r) -> Result<void> {
    auto list = r.keys.List();
    if (!list) return Fail(list.error());
    rows = std::move(*list);
    return Ok();
  }));
  return rows;
}

Result<std::string> CreateKey(const Context& ctx, const std::string& alg_name, bool retire_others) {
  auto alg = crypto::AlgorithmFromName(alg_name);
  if (!alg) return Fail(Error::InvalidInput("unsupported signing algorithm " + alg_name));
  auto key = crypto::SigningKey::Generate(*alg);
  if (!key) return Fail(key.error());
  model::SigningKeyRecord rec{ctx.random.Id(21), alg_name, key->ToPem(), ctx.clock.NowMillis(),
                              std::nullopt};
  GH_TRY(ctx.store.Write([&](store::Repos& r) -> Result<void> {
    if (retire_others) {
      auto list = r.keys.List();
      if (!list) return Fail(list.error());
      for (const auto& k : *list)
        if (!k.retired_at) GH_TRY(r.keys.Retire(k.kid, rec.created_at));
    }
    return r.keys.Insert(rec);
  }));
  return rec.kid;
}

}  // namespace

Result<std::shared_ptr<KeyRing>> KeyRing::LoadOrCreate(const Context& ctx, const std::string& alg) {
  auto ring = std::make_shared<KeyRing>();
  auto r = ring->Reload(ctx);
  if (!r && r.error().kind == ErrorKind::kNotFound) {
    auto kid = CreateKey(ctx, alg, false);
    if (!kid) return Fail(kid.error());
    spdlog::info("created signing key {} ({})", *kid, alg);
    r = ring->Reload(ctx);
  }
  if (!r) return Fail(r.error());
  return ring;
}

std::shared_ptr<const KeySet> KeyRing::Current() const { return keys_.load(); }

Result<std::string> KeyRing::Rotate(const Context& ctx, const std::string& alg) {
  auto kid = CreateKey(ctx, alg, true);
  if (!kid) return kid;
  GH_TRY(Reload(ctx));
  return kid;
}

Result<void> KeyRing::Reload(const Context& ctx) {
  auto rows = ReadKeys(ctx);
  if (!rows) return Fail(rows.error());
  auto set = BuildKeySet(*rows);
  if (!set) return Fail(set.error());
  keys_.store(std::move(*set));
  return Ok();
}

}  // namespace gatehouse::service
