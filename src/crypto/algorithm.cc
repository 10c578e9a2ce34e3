#include "crypto/algorithm.h"

namespace gatehouse::crypto {

std::string_view AlgorithmName(JwsAlgorithm alg) {
  switch (alg) {
    case JwsAlgorithm::kES256:
      return "ES256";
    case JwsAlgorithm::kES384:
      return "ES384";
    case JwsAlgorithm::kRS256:
      return "RS256";
    case JwsAlgorithm::kPS256:
      return "PS256";
    case JwsAlgorithm::kEdDSA:
      return "EdDSA";
  }
  return "";
}

std::optional<JwsAlgorithm> AlgorithmFromName(std::string_view name) {
  for (auto alg : {JwsAlgorithm::kES256, JwsAlgorithm::kES384, JwsAlgorithm::kRS256,
                   JwsAlgorithm::kPS256, JwsAlgorithm::kEdDSA}) {
    if (AlgorithmName(alg) == name) return alg;
  }
  return std::nullopt;
}

}  // namespace gatehouse::crypto
