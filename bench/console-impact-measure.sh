#!/bin/bash
# Used for doc/authz.md "Impact preview at scale": ./console-impact-measure.sh <endpoint> <a member of o00000000000>
# (client boot:sec123 as bootstrap credentials; data set from scripts/gen-scale-data.mjs).
# Times the impact preview and explain on the scale data set (server on $1).
B=$1
OUT=$(mktemp)
T=$(curl -s -u boot:sec123 -d grant_type=client_credentials -d resource=$B/api -d scope=all $B/oidc/token | python3 -c 'import json,sys;print(json.load(sys.stdin)["access_token"])')
r0=r00000000000000000000; s0=s00000000000000000000; s3=s00000000000000000003; s5=s00000000000000000005
run() { # label body
  for i in 1 2; do
    curl -s -o "$OUT" -w "$1 run$i: %{http_code} %{time_total}s\n" -H "Authorization: Bearer $T" -H 'content-type: application/json' -d "$2" $B/api/organization-template/impact-preview
  done
  head -c 400 "$OUT"; echo
}
run "addRoleScopes r0+[s5]" "{\"change\":\"addRoleScopes\",\"organizationRoleId\":\"$r0\",\"organizationScopeIds\":[\"$s5\"]}"
run "removeRoleScopes r0-[s0,s3]" "{\"change\":\"removeRoleScopes\",\"organizationRoleId\":\"$r0\",\"organizationScopeIds\":[\"$s0\",\"$s3\"]}"
run "deleteRole r0" "{\"change\":\"deleteRole\",\"organizationRoleId\":\"$r0\"}"
run "deleteScope s0" "{\"change\":\"deleteScope\",\"organizationScopeId\":\"$s0\"}"
for i in 1 2; do
  curl -s -o "$OUT" -w "explain o0/u(first member) run$i: %{http_code} %{time_total}s\n" -H "Authorization: Bearer $T" "$B/api/organizations/o00000000000/users/${2:-u00000000000000000000}/explain"
done
head -c 300 "$OUT"; echo
