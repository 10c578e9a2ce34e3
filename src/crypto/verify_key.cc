#include "crypto/verify_key.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/param_build.h>

#include "crypto/pkey.h"

namespace gatehouse::crypto {

namespace {

Error InvalidKey(std::string message) {
  ERR_clear_error();
  return Error::InvalidInput(std::move(message), "crypto.invalid_key");
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// Builds a public key of `type` from `params` (OpenSSL 3 "fromdata").
PkeyPtr FromParams(const char* type, OSSL_PARAM_BLD* bld) {
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  EVP_PKEY* pkey = nullptr;
  if (params == nullptr || ctx == nullptr || EVP_PKEY_fromdata_init(ctx) != 1 ||
      EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) != 1) {
    pkey = nullptr;
  }
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  return PkeyPtr(pkey);
}

// OpenSSL's own public-key validation (for EC: on the curve, not the point at infinity).
bool PublicCheck(EVP_PKEY* pkey) {
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr);
  const bool ok = ctx != nullptr && EVP_PKEY_public_check(ctx) == 1;
  EVP_PKEY_CTX_free(ctx);
  return ok;
}

}  // namespace

Result<VerifyKey> VerifyKey::FromEcPoint(JwsAlgorithm alg, std::string_view x, std::string_view y) {
  const size_t n = EcdsaScalarSize(alg);
  if (n == 0) return Fail(InvalidKey("not an ECDSA algorithm"));
  if (x.size() != n || y.size() != n) return Fail(InvalidKey("EC coordinates of the wrong size"));
  std::string point;
  point.reserve(1 + 2 * n);
  point += '\x04';  // SEC 1 §2.3.3 uncompressed point
  point += x;
  point += y;
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  if (bld == nullptr) return Fail(InvalidKey("out of memory"));
  OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME,
                                  alg == JwsAlgorithm::kES256 ? "P-256" : "P-384", 0);
  OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
  PkeyPtr pkey = FromParams("EC", bld);
  OSSL_PARAM_BLD_free(bld);
  if (!pkey || !PublicCheck(pkey.get())) return Fail(InvalidKey("EC point is not on the curve"));
  GH_TRY(CheckKeyFitsAlgorithm(pkey.get(), alg));
  return VerifyKey(std::make_shared<const Pkey>(std::move(pkey), alg));
}

Result<VerifyKey> VerifyKey::FromRsa(JwsAlgorithm alg, std::string_view n, std::string_view e) {
  if (!IsRsa(alg)) return Fail(InvalidKey("not an RSA algorithm"));
  if (n.size() > 1024 + 1 || e.empty() || e.size() > 8) {
    return Fail(InvalidKey("RSA parameters of impossible size"));
  }
  BIGNUM* bn_n = BN_bin2bn(Bytes(n), static_cast<int>(n.size()), nullptr);
  BIGNUM* bn_e = BN_bin2bn(Bytes(e), static_cast<int>(e.size()), nullptr);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  PkeyPtr pkey;
  const bool sane = bn_n != nullptr && bn_e != nullptr && BN_num_bits(bn_n) >= 2048 &&
                    BN_num_bits(bn_n) <= 8192 && BN_is_odd(bn_e) && !BN_is_one(bn_e);
  if (sane && bld != nullptr && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn_n) == 1 &&
      OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, bn_e) == 1) {
    pkey = FromParams("RSA", bld);
  }
  OSSL_PARAM_BLD_free(bld);
  BN_free(bn_n);
  BN_free(bn_e);
  if (!sane) return Fail(InvalidKey("RSA modulus must be 2048 to 8192 bits, exponent odd > 1"));
  if (!pkey) return Fail(InvalidKey("RSA key does not load"));
  GH_TRY(CheckKeyFitsAlgorithm(pkey.get(), alg));
  return VerifyKey(std::make_shared<const Pkey>(std::move(pkey), alg));
}

Result<VerifyKey> VerifyKey::FromEd25519(std::string_view x) {
  if (x.size() != 32) return Fail(InvalidKey("Ed25519 public key must be 32 bytes"));
  PkeyPtr pkey(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, Bytes(x), x.size()));
  if (!pkey) return Fail(InvalidKey("Ed25519 public key does not load"));
  return VerifyKey(std::make_shared<const Pkey>(std::move(pkey), JwsAlgorithm::kEdDSA));
}

JwsAlgorithm VerifyKey::algorithm() const { return pkey_->alg(); }

bool VerifyKey::Verify(std::string_view signing_input, std::string_view signature) const {
  return pkey_->Verify(signing_input, {reinterpret_cast<const uint8_t*>(signature.data()),
                                       signature.size()});
}

}  // namespace gatehouse::crypto
