#!/usr/bin/env bash
# End-to-end test of org-service: the seed scenario (PRODUCT.md §2) through a real HTTP service
# that uses only gatehouse_verify.
#
# Mode 1, self-contained (default): the issuer is the OpenSSL command line. Keys, the JWKS file
# and the tokens are made here, so this also cross-checks the library against tokens that
# Gatehouse's own signing code did not produce.
#
# Mode 2, against a running Gatehouse: set GATEHOUSE_URL (e.g. http://127.0.0.1:3001) and
#   ORG_A, ORG_B      the seed scenario's organization ids
#   ALICE_TOKEN_A     Alice's organization token for A with remove:member (she is admin there)
#   BOB_TOKEN_A       Bob's organization token for A (member: without remove:member)
#   ALICE_TOKEN_B     Alice's organization token for B (member: without remove:member)
# The service then fetches $GATEHOUSE_URL/oidc/jwks; GATEHOUSE_ISSUER overrides the issuer
# (default $GATEHOUSE_URL/oidc).
#
# ORG_SERVICE_BIN: the service (default build/org-service).
# Prints one line per check and ends with "N passed, N failed"; exit status 1 on any failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${ORG_SERVICE_BIN:-$root/build/org-service}"
[[ -x "$bin" ]] || { echo "e2e_test.sh: $bin not built" >&2; exit 1; }
work="$(mktemp -d)"
service_pid=""
cleanup() {
  local status=$?
  if [[ -n "$service_pid" ]]; then
    kill "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

b64url() { basenc --base64url -w0 | tr -d '='; }

# DER ECDSA-Sig-Value (RFC 3279 §2.2.3) in the file $1 to JWS R||S (RFC 7518 §3.4), 32 bytes
# each, in hex. A DER INTEGER is minimal: 33 bytes when the top bit is set (a 00 sign octet
# first), fewer than 32 when the value has leading zero bytes (about 1 signature in 128): drop
# the sign octet and left-pad with zeros to the fixed width.
ecdsa_der_to_raw_hex() {
  openssl asn1parse -inform DER -in "$1" | awk -F: '/INTEGER/ {print $NF}' |
    while read -r hex; do
      ((${#hex} > 64)) && hex="${hex:${#hex}-64}"
      printf '%64s' "$hex" | tr ' ' 0
    done
}

# The conversion checked on fixed inputs first, since a random signature has a short R or S only
# about once in 128 runs: R of 31 bytes, S of 33 bytes (sign octet), then the reverse.
check_der_to_raw() {
  local r31 s33 got
  r31=$(printf '11%.0s' $(seq 31)) s33="00$(printf '99%.0s' $(seq 32))"
  printf '3044021F%s0221%s' "$r31" "$s33" | basenc --base16 -d >"$work/short.der"
  got=$(ecdsa_der_to_raw_hex "$work/short.der")
  [[ "$got" == "00${r31}${s33:2}" ]] || { echo "DER->R||S wrong for a short R: $got" >&2; exit 1; }
  printf '30440221%s021F%s' "$s33" "$r31" | basenc --base16 -d >"$work/short.der"
  got=$(ecdsa_der_to_raw_hex "$work/short.der")
  [[ "$got" == "${s33:2}00${r31}" ]] || { echo "DER->R||S wrong for a short S: $got" >&2; exit 1; }
}

# ES256 signature in JWS form (R||S) of stdin.
es256_sign() {
  openssl dgst -sha256 -sign "$1" -binary >"$work/sig.der"
  ecdsa_der_to_raw_hex "$work/sig.der" | basenc --base16 -d | b64url
}

ed25519_sign() {
  cat >"$work/msg"
  openssl pkeyutl -sign -rawin -inkey "$1" -in "$work/msg" | b64url
}

# mint <alg ES256|EdDSA> <kid> <key.pem> <claims-json> [typ]
mint() {
  local header input
  header=$(printf '{"alg":"%s","typ":"%s","kid":"%s"}' "$1" "${5:-at+jwt}" "$2" | b64url)
  input="$header.$(printf '%s' "$4" | b64url)"
  if [[ "$1" == ES256 ]]; then
    printf '%s.%s' "$input" "$(printf '%s' "$input" | es256_sign "$3")"
  else
    printf '%s.%s' "$input" "$(printf '%s' "$input" | ed25519_sign "$3")"
  fi
}

declare -A extra=()  # attacks only the self-contained mode can mint
if [[ -n "${GATEHOUSE_URL:-}" ]]; then
  jwks="$GATEHOUSE_URL/oidc/jwks"
  issuer="${GATEHOUSE_ISSUER:-$GATEHOUSE_URL/oidc}"
  : "${ORG_A:?}" "${ORG_B:?}" "${ALICE_TOKEN_A:?}" "${BOB_TOKEN_A:?}" "${ALICE_TOKEN_B:?}"
  echo "mode: Gatehouse at $GATEHOUSE_URL"
else
  check_der_to_raw
  issuer="http://localhost:3001/oidc"
  ORG_A="orga1b2c3d4e" ORG_B="orgb5f6g7h8i"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/es256.pem" 2>/dev/null
  openssl genpkey -algorithm ED25519 -out "$work/ed.pem" 2>/dev/null
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/evil.pem" 2>/dev/null
  x=$(openssl pkey -in "$work/es256.pem" -pubout -outform DER | tail -c 64 | head -c 32 | b64url)
  y=$(openssl pkey -in "$work/es256.pem" -pubout -outform DER | tail -c 32 | b64url)
  ed=$(openssl pkey -in "$work/ed.pem" -pubout -outform DER | tail -c 32 | b64url)
  jwks="$work/jwks.json"
  printf '{"keys":[{"kty":"EC","crv":"P-256","x":"%s","y":"%s","kid":"e2e-es256","alg":"ES256","use":"sig"},{"kty":"OKP","crv":"Ed25519","x":"%s","kid":"e2e-ed","alg":"EdDSA","use":"sig"}]}' \
    "$x" "$y" "$ed" >"$jwks"
  now=$(date +%s)
  claims() {  # <sub> <org> <scope> [exp]
    printf '{"iss":"%s","sub":"%s","aud":"urn:logto:organization:%s","exp":%s,"iat":%s,"jti":"%s","client_id":"e2e-app","scope":"%s"}' \
      "$issuer" "$1" "$2" "${4:-$((now + 3600))}" "$now" "$RANDOM" "$3"
  }
  ALICE_TOKEN_A=$(mint ES256 e2e-es256 "$work/es256.pem" "$(claims alice "$ORG_A" "add:member remove:member change:role read:resource")")
  BOB_TOKEN_A=$(mint EdDSA e2e-ed "$work/ed.pem" "$(claims bob "$ORG_A" "read:resource invite:member")")
  ALICE_TOKEN_B=$(mint ES256 e2e-es256 "$work/es256.pem" "$(claims alice "$ORG_B" "read:resource invite:member")")
  extra[expired]=$(mint ES256 e2e-es256 "$work/es256.pem" "$(claims alice "$ORG_A" remove:member $((now - 600)))")
  extra[forged]=$(mint ES256 e2e-es256 "$work/evil.pem" "$(claims alice "$ORG_A" remove:member)")
  extra[id_token]=$(mint ES256 e2e-es256 "$work/es256.pem" "$(claims alice "$ORG_A" remove:member)" JWT)
  extra[alg_none]="$(printf '{"alg":"none","typ":"at+jwt"}' | b64url).$(claims alice "$ORG_A" remove:member | b64url)."
  echo "mode: self-contained (OpenSSL-minted tokens)"
fi

"$bin" --port 0 --jwks "$jwks" --issuer "$issuer" >"$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 100); do
  grep -q "listening on" "$work/service.log" && break
  kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 0.1
done
port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$work/service.log")
[[ -n "$port" ]] || { echo "org-service did not start" >&2; cat "$work/service.log" >&2; exit 1; }

passed=0 failed=0
# expect <status> <description> <path org> [token]
expect() {
  local auth=() got
  [[ -n "${4:-}" ]] && auth=(-H "Authorization: Bearer $4")
  got=$(curl -s -o "$work/body" -w '%{http_code}' --max-time 10 -X DELETE "${auth[@]}" \
    "http://127.0.0.1:$port/organizations/$3/members/some-user")
  if [[ "$got" == "$1" ]]; then
    passed=$((passed + 1)); echo "ok   $1 $2"
  else
    failed=$((failed + 1)); echo "FAIL $2: expected $1, got $got $(cat "$work/body")"
  fi
}

expect 204 "Alice (admin of A) removes a member of A" "$ORG_A" "$ALICE_TOKEN_A"
expect 403 "Bob (member of A) may not remove members of A" "$ORG_A" "$BOB_TOKEN_A"
expect 403 "Alice's token for B is refused for A" "$ORG_A" "$ALICE_TOKEN_B"
expect 403 "Alice (member of B) may not remove members of B" "$ORG_B" "$ALICE_TOKEN_B"
expect 403 "Alice's token for A is refused for B" "$ORG_B" "$ALICE_TOKEN_A"
expect 401 "no token" "$ORG_A"
expect 401 "a token that is not a JWT" "$ORG_A" "not-a-token"
for name in "${!extra[@]}"; do
  expect 401 "$name token" "$ORG_A" "${extra[$name]}"
done
echo "$passed passed, $failed failed"
((failed == 0))
