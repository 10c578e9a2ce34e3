#include "crypto/signing_key.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <array>

#include "common/base64url.h"
#include "crypto/pkey.h"

namespace gatehouse::crypto {
namespace {

std::string OpenSslError(std::string_view what) {
  std::string message(what);
  if (unsigned long code = ERR_get_error(); code != 0) {
    std::array<char, 256> buf{};
    ERR_error_string_n(code, buf.data(), buf.size());
    message += ": ";
    message += buf.data();
  }
  ERR_clear_error();
  return message;
}

// Big-endian bytes of a BIGNUM parameter, left-padded to `width` (0: minimal, RFC 7518 §2
// Base64urlUInt).
std::string BnParam(EVP_PKEY* pkey, const char* name, int width) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) return {};
  const int len = width > 0 ? width : BN_num_bytes(bn);
  std::string out(static_cast<size_t>(len), '\0');
  BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), len);
  BN_free(bn);
  return out;
}

}  // namespace

Result<SigningKey> SigningKey::Generate(JwsAlgorithm alg) {
  EVP_PKEY* raw = nullptr;
  switch (alg) {
    case JwsAlgorithm::kES256:
      raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
      break;
    case JwsAlgorithm::kES384:
      raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
      break;
    case JwsAlgorithm::kRS256:
    case JwsAlgorithm::kPS256:
      raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048));
      break;
    case JwsAlgorithm::kEdDSA:
      raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
      break;
  }
  if (raw == nullptr) return Fail(Error::Internal(OpenSslError("key generation failed")));
  return SigningKey(std::make_shared<const Pkey>(PkeyPtr(raw), alg));
}

Result<SigningKey> SigningKey::FromPem(JwsAlgorithm alg, std::string_view pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  if (bio == nullptr) return Fail(Error::Internal(OpenSslError("BIO_new_mem_buf failed")));
  // A null passphrase callback with an empty user pointer: encrypted PEM fails instead of
  // prompting on the terminal.
  PkeyPtr pkey(PEM_read_bio_PrivateKey(bio, nullptr, nullptr, const_cast<char*>("")));
  BIO_free(bio);
  if (!pkey) {
    return Fail(Error::InvalidInput(OpenSslError("private key PEM does not parse"),
                                    "crypto.invalid_key"));
  }
  GH_TRY(CheckKeyFitsAlgorithm(pkey.get(), alg));
  return SigningKey(std::make_shared<const Pkey>(std::move(pkey), alg));
}

std::string SigningKey::ToPem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  std::string out;
  if (bio != nullptr &&
      PEM_write_bio_PrivateKey(bio, pkey_->get(), nullptr, nullptr, 0, nullptr, nullptr) == 1) {
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    out.assign(data, static_cast<size_t>(len));
  }
  BIO_free(bio);
  ERR_clear_error();
  return out;
}

JwsAlgorithm SigningKey::algorithm() const { return pkey_->alg(); }

nlohmann::json SigningKey::PublicJwk(std::string_view kid) const {
  EVP_PKEY* pkey = pkey_->get();
  const JwsAlgorithm alg = pkey_->alg();
  nlohmann::json jwk;
  if (IsEcdsa(alg)) {
    // RFC 7518 §6.2.1: coordinates are full-width, big-endian.
    const int width = static_cast<int>(EcdsaScalarSize(alg));
    jwk["kty"] = "EC";
    jwk["crv"] = alg == JwsAlgorithm::kES256 ? "P-256" : "P-384";
    jwk["x"] = Base64UrlEncode(BnParam(pkey, OSSL_PKEY_PARAM_EC_PUB_X, width));
    jwk["y"] = Base64UrlEncode(BnParam(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, width));
  } else if (IsRsa(alg)) {
    jwk["kty"] = "RSA";
    jwk["n"] = Base64UrlEncode(BnParam(pkey, OSSL_PKEY_PARAM_RSA_N, 0));
    jwk["e"] = Base64UrlEncode(BnParam(pkey, OSSL_PKEY_PARAM_RSA_E, 0));
  } else {
    // RFC 8037 §2: OKP key, `x` is the raw public key.
    std::string x(32, '\0');
    size_t len = x.size();
    EVP_PKEY_get_raw_public_key(pkey, reinterpret_cast<unsigned char*>(x.data()), &len);
    jwk["kty"] = "OKP";
    jwk["crv"] = "Ed25519";
    jwk["x"] = Base64UrlEncode(x);
  }
  jwk["kid"] = kid;
  jwk["alg"] = AlgorithmName(alg);
  jwk["use"] = "sig";
  ERR_clear_error();
  return jwk;
}

VerifyKey SigningKey::PublicKey() const { return VerifyKey(pkey_); }

Result<std::string> SigningKey::Sign(std::string_view signing_input) const {
  std::array<uint8_t, kMaxSignatureSize> sig;
  const size_t len = pkey_->Sign(signing_input, sig);
  if (len == 0) return Fail(Error::Internal("signing failed"));
  return std::string(reinterpret_cast<const char*>(sig.data()), len);
}

}  // namespace gatehouse::crypto
