#include "oidc/html.h"

namespace gatehouse::oidc {
namespace {

constexpr std::string_view kStyle =
    "body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0}"
    "main{max-width:22rem;margin:8vh auto;background:#fff;padding:2rem;border-radius:8px;"
    "box-shadow:0 1px 4px rgba(0,0,0,.15)}h1{font-size:1.3rem;margin-top:0}"
    "label{display:block;margin:.8rem 0 .3rem}input{width:100%;padding:.5rem;box-sizing:border-box}"
    "button{margin-top:1.2rem;width:100%;padding:.6rem;background:#5d34f2;color:#fff;border:0;"
    "border-radius:4px;font-size:1rem}.error{color:#b00020}";

}  // namespace

std::string HtmlEscape(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

http::Response HtmlPage(int status, std::string_view title, std::string_view body_html) {
  http::Response res;
  res.status = status;
  res.body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
             "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>";
  res.body += HtmlEscape(title);
  res.body += "</title><style>";
  res.body += kStyle;
  res.body += "</style></head><body><main>";
  res.body += body_html;
  res.body += "</main></body></html>";
  res.SetHeader("Content-Type", "text/html; charset=utf-8");
  res.SetHeader("Cache-Control", "no-store");
  res.SetHeader("Pragma", "no-cache");
  // RFC 7034 and CSP Level 2 §7.7: this page must never be framed (clickjacking).
  res.SetHeader("X-Frame-Options", "DENY");
  res.SetHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
                "base-uri 'none'");
  res.SetHeader("Referrer-Policy", "no-referrer");
  res.SetHeader("X-Content-Type-Options", "nosniff");
  return res;
}

http::Response SignInPage(int status, const SignInForm& form) {
  std::string body = "<h1>Sign in</h1>";
  if (!form.client_name.empty()) {
    body += "<p>to continue to <strong>" + HtmlEscape(form.client_name) + "</strong></p>";
  }
  if (!form.error.empty()) body += "<p class=\"error\" role=\"alert\">" + HtmlEscape(form.error) + "</p>";
  body += "<form method=\"post\" action=\"/sign-in\">";
  body += "<input type=\"hidden\" name=\"csrf\" value=\"" + HtmlEscape(form.csrf) + "\">";
  body += "<label for=\"identifier\">Username or email</label>";
  body += "<input id=\"identifier\" name=\"identifier\" autocomplete=\"username\" required "
          "autofocus value=\"" + HtmlEscape(form.identifier) + "\">";
  body += "<label for=\"password\">Password</label>";
  body += "<input id=\"password\" name=\"password\" type=\"password\" "
          "autocomplete=\"current-password\" required>";
  body += "<button type=\"submit\">Sign in</button></form>";
  return HtmlPage(status, "Sign in", body);
}

http::Response ErrorPage(int status, std::string_view error, std::string_view description) {
  std::string body = "<h1>Something went wrong</h1><p class=\"error\"><code>" + HtmlEscape(error) +
                     "</code></p><p>" + HtmlEscape(description) + "</p>";
  return HtmlPage(status, "Error", body);
}

http::Response FormPostPage(const std::string& action,
                            const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body = "<form method=\"post\" action=\"" + HtmlEscape(action) + "\">";
  for (const auto& [k, v] : fields) {
    body += "<input type=\"hidden\" name=\"" + HtmlEscape(k) + "\" value=\"" + HtmlEscape(v) + "\">";
  }
  body += "<noscript><button type=\"submit\">Continue</button></noscript></form>"
          "<script>document.forms[0].submit()</script>";
  auto res = HtmlPage(200, "Continue", body);
  // The one inline script of the provider: allow exactly it, and posting to the client.
  res.SetHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; "
                "script-src 'sha256-ePniVEkSivX/c7XWBGafqh8tSpiRrKiqYeqbG7N1TOE='; frame-ancestors 'none'; base-uri 'none'");
  return res;
}

}  // namespace gatehouse::oidc
