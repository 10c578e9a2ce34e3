#include "service/applications.h"

#include "crypto/digest.h"

namespace gatehouse::service {
namespace {
Error NotImplemented() { return Error::Internal("not implemented"); }
}  // namespace

std::string HashSecret(std::string_view secret) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto digest = crypto::Sha256(secret);
  std::string out;
  out.reserve(digest.size() * 2);
  for (uint8_t b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xf]);
  }
  return out;
}

Result<model::Application> CreateApplication(const Context&, const NewApplication&) {
  return Fail(NotImplemented());
}
Result<model::Application> CreateApplicationWithSecret(const Context&, const NewApplication&,
                                                       const std::string&, const std::string&) {
  return Fail(NotImplemented());
}
Result<model::Application> GetApplication(const Context&, const std::string&) {
  return Fail(NotImplemented());
}
Result<model::Page<model::Application>> ListApplications(const Context&,
                                                         const std::optional<std::string>&,
                                                         const std::optional<std::string>&,
                                                         const std::optional<model::PageRequest>&) {
  return Fail(NotImplemented());
}
Result<model::Application> UpdateApplication(const Context&, const std::string&,
                                             const ApplicationPatch&) {
  return Fail(NotImplemented());
}
Result<void> DeleteApplication(const Context&, const std::string&) { return Fail(NotImplemented()); }
Result<CreatedSecret> CreateSecret(const Context&, const std::string&, const std::string&,
                                   std::optional<int64_t>) {
  return Fail(NotImplemented());
}
Result<std::vector<model::ApplicationSecret>> ListSecrets(const Context&, const std::string&) {
  return Fail(NotImplemented());
}
Result<model::ApplicationSecret> RenameSecret(const Context&, const std::string&,
                                              const std::string&, const std::string&) {
  return Fail(NotImplemented());
}
Result<void> DeleteSecret(const Context&, const std::string&, const std::string&) {
  return Fail(NotImplemented());
}
Result<model::Application> AuthenticateClient(const Context&, const std::string&,
                                              const std::optional<std::string>&) {
  return Fail(Error::Unauthenticated("not implemented", "oidc.invalid_client"));
}

}  // namespace gatehouse::service
