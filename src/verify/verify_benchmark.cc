// Verifications and signatures per second through Gatehouse's code, beside raw OpenSSL doing the
// same cryptography on the same key in the same binary (issue 4 "Measure"; PRODUCT.md §7).
//
//   BM_LibraryVerify/<alg>    Verifier::VerifyForOrganization on an organization token: parse,
//                             header policy, key lookup, signature, typ, claims, scope.
//   BM_RawVerifyPrepared/<alg> the floor: EVP_PKEY_verify on a context initialised once, digest
//                             and DER signature precomputed (how `openssl speed` measures);
//                             EdDSA: EVP_DigestVerifyInit + EVP_DigestVerify of the input.
//   BM_RawDigestVerify/<alg>  EVP_DigestVerifyInit + EVP_DigestVerify of the signing input per
//                             call: what a hand-written verifier on plain EVP would cost.
//   BM_SignJwt/<alg>          jose::SignJwt of a typical access token (the server's path).
//   BM_RawSignPrepared/<alg>  EVP_PKEY_sign on a context initialised once over a fixed digest.
//
// Ratios: scripts/bench-verify.sh.
#include <benchmark/benchmark.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <array>

#include "common/base64url.h"
#include "crypto/digest.h"
#include "crypto/ecdsa_signature.h"
#include "crypto/signing_key.h"
#include "gatehouse/verify.h"
#include "jose/jwt_sign.h"

namespace gatehouse {
namespace {

using crypto::JwsAlgorithm;

constexpr int64_t kNow = 1'700'000'000;
constexpr char kIssuer[] = "http://localhost:3001/oidc";

std::string Claims() {
  return nlohmann::json({{"iss", kIssuer},
                         {"sub", "u8f3k2l1m0n9"},
                         {"aud", "urn:logto:organization:o1a2b3c4d5e6"},
                         {"exp", kNow + 3600},
                         {"iat", kNow},
                         {"jti", "Jq3yX0b8cT1mR4vS6wZ2aE5"},
                         {"client_id", "m2m7h4g1f0e9d8c7b6a5"},
                         {"scope", "remove:member read:resource add:member"}})
      .dump();
}

// One key per algorithm, its token and the same key as a raw OpenSSL EVP_PKEY.
struct Fixture {
  crypto::SigningKey key;
  std::string token;
  std::string signing_input;
  std::string signature;  // raw JWS form
  EVP_PKEY* pkey;
  std::unique_ptr<verify::Verifier> verifier;

  explicit Fixture(JwsAlgorithm alg) : key(*crypto::SigningKey::Generate(alg)) {
    token = *jose::SignJwt(key, "k1", "at+jwt", Claims());
    signing_input = token.substr(0, token.rfind('.'));
    signature = *Base64UrlDecode(token.substr(token.rfind('.') + 1));
    const std::string pem = key.ToPem();
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    verify::Options o;
    o.jwks_json = nlohmann::json({{"keys", {key.PublicJwk("k1")}}}).dump();
    o.issuer = kIssuer;
    o.now = [] { return kNow; };
    verifier = std::make_unique<verify::Verifier>(std::move(*verify::Verifier::Create(o)));
  }

  static Fixture& For(JwsAlgorithm alg) {
    static std::array<std::unique_ptr<Fixture>, 5> all;
    auto& f = all[static_cast<size_t>(alg)];
    if (!f) f = std::make_unique<Fixture>(alg);
    return *f;
  }
};

// Configures `ctx` (after *_init) for the RSA padding of `alg`.
void SetPadding(EVP_PKEY_CTX* ctx, JwsAlgorithm alg) {
  if (!crypto::IsRsa(alg)) return;
  EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256());
  if (alg == JwsAlgorithm::kRS256) {
    EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);
  } else {
    EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING);
    EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST);
  }
}

const EVP_MD* Md(JwsAlgorithm alg) {
  return alg == JwsAlgorithm::kEdDSA   ? nullptr
         : alg == JwsAlgorithm::kES384 ? EVP_sha384()
                                       : EVP_sha256();
}

const unsigned char* U(const std::string& s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

void BM_LibraryVerify(benchmark::State& state, JwsAlgorithm alg) {
  Fixture& f = Fixture::For(alg);
  for (auto _ : state) {
    auto token = f.verifier->VerifyForOrganization(f.token, "o1a2b3c4d5e6", {"remove:member"});
    if (!token) state.SkipWithError(token.error().message().c_str());
    benchmark::DoNotOptimize(token);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_RawDigestVerify(benchmark::State& state, JwsAlgorithm alg) {
  Fixture& f = Fixture::For(alg);
  std::string sig = f.signature;
  if (crypto::IsEcdsa(alg)) {  // EVP wants DER
    uint8_t der[crypto::kMaxEcdsaDerSize];
    size_t n = crypto::EcdsaRawToDer(alg, {U(sig), sig.size()}, der);
    sig.assign(reinterpret_cast<char*>(der), n);
  }
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  for (auto _ : state) {
    EVP_PKEY_CTX* pctx = nullptr;
    EVP_DigestVerifyInit(md, &pctx, Md(alg), nullptr, f.pkey);
    SetPadding(pctx, alg);
    int ok = EVP_DigestVerify(md, U(sig), sig.size(), U(f.signing_input), f.signing_input.size());
    if (ok != 1) state.SkipWithError("raw verify failed");
    EVP_MD_CTX_reset(md);
  }
  EVP_MD_CTX_free(md);
  state.SetItemsProcessed(state.iterations());
}

void BM_RawVerifyPrepared(benchmark::State& state, JwsAlgorithm alg) {
  Fixture& f = Fixture::For(alg);
  if (alg == JwsAlgorithm::kEdDSA) return BM_RawDigestVerify(state, alg);  // no prehash form
  std::array<uint8_t, crypto::kMaxDigestSize> digest;
  const size_t dlen = crypto::HashForAlgorithm(alg, f.signing_input, digest);
  std::string sig = f.signature;
  if (crypto::IsEcdsa(alg)) {
    uint8_t der[crypto::kMaxEcdsaDerSize];
    size_t n = crypto::EcdsaRawToDer(alg, {U(sig), sig.size()}, der);
    sig.assign(reinterpret_cast<char*>(der), n);
  }
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, f.pkey, nullptr);
  EVP_PKEY_verify_init(ctx);
  SetPadding(ctx, alg);
  for (auto _ : state) {
    if (EVP_PKEY_verify(ctx, U(sig), sig.size(), digest.data(), dlen) != 1) {
      state.SkipWithError("raw verify failed");
    }
  }
  EVP_PKEY_CTX_free(ctx);
  state.SetItemsProcessed(state.iterations());
}

void BM_SignJwt(benchmark::State& state, JwsAlgorithm alg) {
  Fixture& f = Fixture::For(alg);
  const std::string claims = Claims();
  for (auto _ : state) {
    auto token = jose::SignJwt(f.key, "k1", "at+jwt", claims);
    if (!token) state.SkipWithError("sign failed");
    benchmark::DoNotOptimize(token);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_RawSignPrepared(benchmark::State& state, JwsAlgorithm alg) {
  Fixture& f = Fixture::For(alg);
  std::array<uint8_t, crypto::kMaxDigestSize> digest;
  const size_t dlen = crypto::HashForAlgorithm(alg, f.signing_input, digest);
  unsigned char sig[1024];
  if (alg == JwsAlgorithm::kEdDSA) {
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    for (auto _ : state) {
      size_t len = sizeof(sig);
      EVP_DigestSignInit_ex(md, nullptr, nullptr, nullptr, nullptr, f.pkey, nullptr);
      EVP_DigestSign(md, sig, &len, U(f.signing_input), f.signing_input.size());
    }
    EVP_MD_CTX_free(md);
  } else {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, f.pkey, nullptr);
    EVP_PKEY_sign_init(ctx);
    SetPadding(ctx, alg);
    for (auto _ : state) {
      size_t len = sizeof(sig);
      if (EVP_PKEY_sign(ctx, sig, &len, digest.data(), dlen) != 1) state.SkipWithError("sign");
    }
    EVP_PKEY_CTX_free(ctx);
  }
  state.SetItemsProcessed(state.iterations());
}

#define GH_BENCH_ALGS(fn)                             \
  BENCHMARK_CAPTURE(fn, ES256, JwsAlgorithm::kES256); \
  BENCHMARK_CAPTURE(fn, RS256, JwsAlgorithm::kRS256); \
  BENCHMARK_CAPTURE(fn, EdDSA, JwsAlgorithm::kEdDSA)

GH_BENCH_ALGS(BM_LibraryVerify);
GH_BENCH_ALGS(BM_RawVerifyPrepared);
GH_BENCH_ALGS(BM_RawDigestVerify);
BENCHMARK_CAPTURE(BM_SignJwt, ES256, JwsAlgorithm::kES256);
BENCHMARK_CAPTURE(BM_RawSignPrepared, ES256, JwsAlgorithm::kES256);
BENCHMARK_CAPTURE(BM_SignJwt, EdDSA, JwsAlgorithm::kEdDSA);
BENCHMARK_CAPTURE(BM_RawSignPrepared, EdDSA, JwsAlgorithm::kEdDSA);

}  // namespace
}  // namespace gatehouse
