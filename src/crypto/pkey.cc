#include "crypto/pkey.h"

#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/rsa.h>

#include <array>
#include <atomic>

#include "crypto/digest.h"
#include "crypto/ecdsa_signature.h"

namespace gatehouse::crypto {
namespace {

enum class Op { kSign, kVerify };

// Configures a fresh context for `alg` (RFC 7518 §3.3 and §3.5 for the RSA paddings).
bool InitCtx(EVP_PKEY_CTX* ctx, JwsAlgorithm alg, Op op) {
  if ((op == Op::kSign ? EVP_PKEY_sign_init(ctx) : EVP_PKEY_verify_init(ctx)) != 1) return false;
  if (!IsRsa(alg)) return true;
  if (EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) != 1) return false;
  if (alg == JwsAlgorithm::kRS256) {
    return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1;
  }
  // PS256: MGF1 with SHA-256 and a salt as long as the hash, both when signing and verifying.
  return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) == 1 &&
         EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()) == 1 &&
         EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, RSA_PSS_SALTLEN_DIGEST) == 1;
}

// Per-thread cache of initialised contexts, keyed by (key id, operation). A context holds its own
// reference to the key, so an entry outliving its Pkey is harmless (memory until evicted or the
// thread ends). EdDSA needs an EVP_MD_CTX (one-shot DigestSign/Verify) instead: each entry owns
// one per key, because re-initialising an EVP_MD_CTX keeps the key of its previous EVP_PKEY_CTX
// (OpenSSL 3.0 do_sigver_init), so one shared EVP_MD_CTX would verify with the wrong key.
class CtxCache {
 public:
  ~CtxCache() {
    for (auto& e : entries_) Free(e);
  }

  // An initialised EVP_PKEY_CTX (ECDSA, RSA) for `op` on `pkey`, or null on failure.
  EVP_PKEY_CTX* Pkey(uint64_t id, EVP_PKEY* pkey, JwsAlgorithm alg, Op op) {
    Entry* e = Find(id, op);
    if (e != nullptr) return e->pctx;
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr);
    if (ctx == nullptr || !InitCtx(ctx, alg, op)) {
      EVP_PKEY_CTX_free(ctx);
      return nullptr;
    }
    Insert({Key(id, op), ctx, nullptr});
    return ctx;
  }

  // An EVP_MD_CTX bound to `pkey` (EdDSA), re-initialised for one one-shot `op`, or null.
  EVP_MD_CTX* Md(uint64_t id, EVP_PKEY* pkey, Op op) {
    Entry* e = Find(id, op);
    EVP_MD_CTX* md = e != nullptr ? e->mctx : EVP_MD_CTX_new();
    if (md == nullptr) return nullptr;
    const int ok =
        op == Op::kSign
            ? EVP_DigestSignInit_ex(md, nullptr, nullptr, nullptr, nullptr, pkey, nullptr)
            : EVP_DigestVerifyInit_ex(md, nullptr, nullptr, nullptr, nullptr, pkey, nullptr);
    if (ok != 1) {
      if (e == nullptr) EVP_MD_CTX_free(md);
      return nullptr;
    }
    if (e == nullptr) Insert({Key(id, op), nullptr, md});
    return md;
  }

 private:
  struct Entry {
    uint64_t key = 0;
    EVP_PKEY_CTX* pctx = nullptr;
    EVP_MD_CTX* mctx = nullptr;
  };

  static uint64_t Key(uint64_t id, Op op) { return id * 2 + (op == Op::kSign ? 1 : 0); }

  Entry* Find(uint64_t id, Op op) {
    const uint64_t key = Key(id, op);
    for (auto& e : entries_) {
      if (e.key == key) return &e;
    }
    return nullptr;
  }

  void Insert(Entry entry) {
    Entry& slot = entries_[next_++ % entries_.size()];
    Free(slot);
    slot = entry;
  }

  static void Free(Entry& e) {
    EVP_PKEY_CTX_free(e.pctx);
    EVP_MD_CTX_free(e.mctx);
    e = {};
  }

  std::array<Entry, 16> entries_{};  // key 0 is never used: ids start at 1
  size_t next_ = 0;
};

CtxCache& ThreadCache() {
  thread_local CtxCache cache;
  return cache;
}

uint64_t NextId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

Result<void> CheckKeyFitsAlgorithm(EVP_PKEY* pkey, JwsAlgorithm alg) {
  switch (alg) {
    case JwsAlgorithm::kES256:
    case JwsAlgorithm::kES384: {
      char group[64] = {};
      size_t len = 0;
      const int want = alg == JwsAlgorithm::kES256 ? NID_X9_62_prime256v1 : NID_secp384r1;
      if (!EVP_PKEY_is_a(pkey, "EC") ||
          EVP_PKEY_get_group_name(pkey, group, sizeof(group), &len) != 1 ||
          OBJ_txt2nid(group) != want) {
        ERR_clear_error();
        return Fail(Error::InvalidInput("key is not on the curve of the algorithm",
                                        "crypto.invalid_key"));
      }
      return Ok();
    }
    case JwsAlgorithm::kRS256:
    case JwsAlgorithm::kPS256:
      if (!EVP_PKEY_is_a(pkey, "RSA") || EVP_PKEY_get_bits(pkey) < 2048 ||
          EVP_PKEY_get_bits(pkey) > 8192) {
        return Fail(Error::InvalidInput("key is not an RSA key of 2048 to 8192 bits",
                                        "crypto.invalid_key"));
      }
      return Ok();
    case JwsAlgorithm::kEdDSA:
      if (!EVP_PKEY_is_a(pkey, "ED25519")) {
        return Fail(Error::InvalidInput("key is not an Ed25519 key", "crypto.invalid_key"));
      }
      return Ok();
  }
  return Fail(Error::InvalidInput("unsupported algorithm", "crypto.invalid_key"));
}

Pkey::Pkey(PkeyPtr pkey, JwsAlgorithm alg) : pkey_(std::move(pkey)), alg_(alg), id_(NextId()) {}

size_t Pkey::Sign(std::string_view message, std::span<uint8_t, kMaxSignatureSize> out) const {
  if (alg_ == JwsAlgorithm::kEdDSA) {
    // RFC 8037 §3.1: Ed25519 signs the JWS Signing Input itself (PureEdDSA, no pre-hash).
    EVP_MD_CTX* md = ThreadCache().Md(id_, pkey_.get(), Op::kSign);
    size_t len = out.size();
    if (md == nullptr || EVP_DigestSign(md, out.data(), &len, Bytes(message), message.size()) != 1) {
      ERR_clear_error();
      return 0;
    }
    return len;
  }
  std::array<uint8_t, kMaxDigestSize> digest;
  const size_t digest_len = HashForAlgorithm(alg_, message, digest);
  EVP_PKEY_CTX* ctx = ThreadCache().Pkey(id_, pkey_.get(), alg_, Op::kSign);
  if (ctx == nullptr) {
    ERR_clear_error();
    return 0;
  }
  if (IsRsa(alg_)) {
    size_t len = out.size();
    if (EVP_PKEY_sign(ctx, out.data(), &len, digest.data(), digest_len) != 1) {
      ERR_clear_error();
      return 0;
    }
    return len;
  }
  // ECDSA: OpenSSL returns DER; JWS wants R||S (RFC 7518 §3.4).
  uint8_t der[kMaxEcdsaDerSize];
  size_t der_len = sizeof(der);
  const size_t n = EcdsaScalarSize(alg_);
  if (EVP_PKEY_sign(ctx, der, &der_len, digest.data(), digest_len) != 1 ||
      !EcdsaDerToRaw({der, der_len}, n, out.data())) {
    ERR_clear_error();
    return 0;
  }
  return 2 * n;
}

bool Pkey::Verify(std::string_view message, std::span<const uint8_t> signature) const {
  if (alg_ == JwsAlgorithm::kEdDSA) {
    if (signature.size() != 64) return false;  // RFC 8032 §5.1.7
    EVP_MD_CTX* md = ThreadCache().Md(id_, pkey_.get(), Op::kVerify);
    const bool ok = md != nullptr && EVP_DigestVerify(md, signature.data(), signature.size(),
                                                      Bytes(message), message.size()) == 1;
    if (!ok) ERR_clear_error();
    return ok;
  }
  uint8_t der[kMaxEcdsaDerSize];
  const uint8_t* sig = signature.data();
  size_t sig_len = signature.size();
  if (IsEcdsa(alg_)) {
    sig_len = EcdsaRawToDer(alg_, signature, der);  // also checks r, s in [1, n-1]
    if (sig_len == 0) return false;
    sig = der;
  }
  std::array<uint8_t, kMaxDigestSize> digest;
  const size_t digest_len = HashForAlgorithm(alg_, message, digest);
  EVP_PKEY_CTX* ctx = ThreadCache().Pkey(id_, pkey_.get(), alg_, Op::kVerify);
  const bool ok =
      ctx != nullptr && EVP_PKEY_verify(ctx, sig, sig_len, digest.data(), digest_len) == 1;
  if (!ok) ERR_clear_error();
  return ok;
}

}  // namespace gatehouse::crypto
