// ECDSA signature encodings. OpenSSL speaks DER (ECDSA-Sig-Value, RFC 3279 §2.2.3); JWS speaks
// the fixed-width concatenation R||S (RFC 7518 §3.4). Hand-written because both directions are
// on the hot path (every signed and every verified token) and OpenSSL's ECDSA_SIG route costs two
// BIGNUM allocations each way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "crypto/algorithm.h"

namespace gatehouse::crypto {

// Largest DER signature for the supported curves: SEQUENCE of two INTEGERs of up to 49 bytes.
inline constexpr size_t kMaxEcdsaDerSize = 2 + 2 * (2 + 49);

// Converts DER to JWS R||S, each value left-padded to `scalar_size` bytes, into `out`
// (REQUIRES: room for 2 * scalar_size bytes). Returns false unless `der` is exactly one SEQUENCE
// of two non-negative INTEGERs that each fit in `scalar_size` bytes.
bool EcdsaDerToRaw(std::span<const uint8_t> der, size_t scalar_size, uint8_t* out);

// Converts JWS R||S for `alg` (ES256/ES384) to DER in `out`; returns the DER length.
// Returns 0 when `raw` is not exactly 2 * EcdsaScalarSize(alg) bytes, or when r or s is outside
// [1, n-1] for the curve order n. The range check is done here, before OpenSSL, so that the
// "psychic signature" class of bugs (r = s = 0 accepted, CVE-2022-21449) cannot depend on any
// library's internals (RFC 8725 §3.4 asks for exactly this validation).
size_t EcdsaRawToDer(JwsAlgorithm alg, std::span<const uint8_t> raw,
                     uint8_t (&out)[kMaxEcdsaDerSize]);

// True when the big-endian `value` is in [1, n-1] for the curve of `alg`.
// REQUIRES: value.size() == EcdsaScalarSize(alg).
bool EcdsaScalarInRange(JwsAlgorithm alg, std::span<const uint8_t> value);

}  // namespace gatehouse::crypto
