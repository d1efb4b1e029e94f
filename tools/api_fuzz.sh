#!/usr/bin/env bash
# API fuzzing: schemathesis against /api/openapi.json of a fresh demo server, once per API key.
#
#   tools/api_fuzz.sh [path/to/tmnorm]        (default: .build/debug/tmnorm)
#
# Starts `tmnorm demo` on a free loopback port with a temporary database and data directory, creates an
# API key for a call centre, the association and a client, and runs `st run` once per key with the checks
# not_a_server_error, status_code_conformance, content_type_conformance and response_schema_conformance.
# Exits non-zero on any failure. Talks to 127.0.0.1 only; nothing is left behind.
#
# The run is seeded with the demo's own ids, organisation numbers, campaigns and phone numbers (a
# schemathesis config written from what the keys can list), each used for half the generated values,
# so requests get past "unknown id" to the code behind it. POST /api/v1/sms/inbound is signed by a hook
# (HMAC-SHA256 of the exact body sent, with a per-run TMNORM_SMS_SECRET) so its parsing and lookups are
# fuzzed too, not only the 401 for a missing signature.
#
# Environment:
#   API_FUZZ_EXAMPLES   test cases per operation and phase (default 50, the CI setting; e.g. 500 by hand)
#   API_FUZZ_KEYS       which keys to run with (default "call_centre association client")
#   API_FUZZ_BUDGET     seconds for all runs together (default 210); a run past it is stopped and fails,
#                       so the examples must fit in the budget (lower them, or raise the budget)
#   API_FUZZ_SEED       a seed to repeat a run (st prints the seed of every run)
#   API_FUZZ_ST_ARGS    more `st run` options, e.g. "--continue-on-failure"
#   API_FUZZ_REPORT_DIR where to keep JUnit reports, the generated config and the server log
#   SCHEMATHESIS        the st command (default: st, else python3's schemathesis module); the version used
#                       here is 4.32.5: python3 -m pip install schemathesis==4.32.5
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE_BINARY=${1:-.build/debug/tmnorm}
EXAMPLES=${API_FUZZ_EXAMPLES:-50}
KEYS=${API_FUZZ_KEYS:-call_centre association client}
BUDGET=${API_FUZZ_BUDGET:-210}
ST_VERSION=4.32.5
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance

log() { printf '\n== api_fuzz: %s\n' "$*"; }
die() { printf 'api_fuzz: %s\n' "$*" >&2; exit 2; }

[ -x "$SOURCE_BINARY" ] || die "no executable at $SOURCE_BINARY (swift build first, or pass the binary)"
if [ -n "${SCHEMATHESIS:-}" ]; then
    read -r -a ST <<<"$SCHEMATHESIS"
elif command -v st >/dev/null; then
    ST=(st)
elif python3 -c 'import schemathesis.cli' 2>/dev/null; then
    ST=(python3 -c 'import sys; from schemathesis.cli import schemathesis; sys.argv[0] = "st"; sys.exit(schemathesis())')
else
    die "schemathesis not found: python3 -m pip install schemathesis==$ST_VERSION"
fi
found=$("${ST[@]}" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1 || true)
[ "$found" = "$ST_VERSION" ] || echo "api_fuzz: warning: schemathesis $found, the checks were set up with $ST_VERSION" >&2
[[ "$EXAMPLES" =~ ^[1-9][0-9]*$ ]] || die "API_FUZZ_EXAMPLES must be a positive number"
[[ "$BUDGET" =~ ^[1-9][0-9]*$ ]] || die "API_FUZZ_BUDGET must be a positive number of seconds"

WORK=$(mktemp -d /tmp/tmnorm-api-fuzz.XXXXXX)
SERVER_PID=""
# Stops the server as a service manager would (SIGTERM, SIGKILL after 30 s); returns its exit status.
stop_server() {
    local status=0
    [ -n "$SERVER_PID" ] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || status=$?
    SERVER_PID=""
    return "$status"
}
cleanup() {
    local status=$?
    stop_server || true
    if [ -n "${API_FUZZ_REPORT_DIR:-}" ]; then
        mkdir -p "$API_FUZZ_REPORT_DIR"
        cp -r "$WORK/report/." "$API_FUZZ_REPORT_DIR/" 2>/dev/null || true
        cp "$WORK/server.log" "$API_FUZZ_REPORT_DIR/server.log" 2>/dev/null || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A copy of its own: a rebuild in the working tree must not replace the binary under the running server.
BINARY="$WORK/tmnorm"
cp "$SOURCE_BINARY" "$BINARY"
mkdir -p "$WORK/data" "$WORK/report"

# Nothing from the caller's environment may point the server elsewhere (PostgreSQL, an SMS gateway,
# an SMTP relay) or send the fuzzer through a proxy.
for name in $(compgen -e); do
    case "$name" in TMNORM_*|DATABASE_URL|http_proxy|https_proxy|HTTP_PROXY|HTTPS_PROXY|ALL_PROXY|all_proxy) unset "$name" ;; esac
done
export NO_PROXY=127.0.0.1 no_proxy=127.0.0.1
SMS_SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
export TMNORM_DATA_DIR="$WORK/data" TMNORM_BCRYPT_COST=4 TMNORM_SMS_SECRET="$SMS_SECRET" LOG_LEVEL=${LOG_LEVEL:-warning}
DATABASE="$WORK/demo.sqlite"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"

log "starting the demo on $BASE ($SOURCE_BINARY)"
(cd "$WORK" && exec "$BINARY" demo --hostname 127.0.0.1 --port "$PORT" --database "$DATABASE") >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 600); do
    if curl -fsS --noproxy '*' -o /dev/null "$BASE/healthz" 2>/dev/null; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the demo server exited"; }
    sleep 0.1
done
curl -fsS --noproxy '*' -o /dev/null "$BASE/healthz" || { tail -50 "$WORK/server.log" >&2; die "the demo server did not answer /healthz in 60 s"; }

# The demo's own key belongs to its first call centre; the others are created for the run.
declare -A KEY
KEY[call_centre]=$(grep -o 'tmn_[A-Za-z0-9_-]*' "$WORK/server.log" | head -1)
[ -n "${KEY[call_centre]}" ] || die "no API key in the demo's banner"
organisation() { # kind, preferred name -> orgnr
    "$BINARY" org list --json --database "$DATABASE" 2>/dev/null | python3 -c '
import json, sys
kind, name = sys.argv[1], sys.argv[2]
rows = [row for row in json.load(sys.stdin) if row["kind"] == kind]
rows.sort(key=lambda row: (row["name"] != name, row["name"]))
print(rows[0]["orgnr"] if rows else "")' "$1" "$2"
}
new_key() { # orgnr, name -> key
    "$BINARY" api-key create --org "$1" --name "$2" --database "$DATABASE" 2>/dev/null | grep -o 'tmn_[A-Za-z0-9_-]*' | tail -1
}
for who in $KEYS; do
    case "$who" in
        call_centre) ;;
        association) KEY[association]=$(new_key "$(organisation association NORDMA)" "API fuzzing") ;;
        client) KEY[client]=$(new_key "$(organisation client "Nordlys Energi AS")" "API fuzzing") ;;
        *) die "unknown key '$who' in API_FUZZ_KEYS (call_centre, association, client)" ;;
    esac
    [ -n "${KEY[$who]}" ] || die "could not create an API key for the $who"
done

# Real values for half of what schemathesis generates: what the call centre and the association can list.
API_FUZZ_BASE="$BASE" API_FUZZ_LIST_KEYS="${KEY[call_centre]} ${KEY[association]:-}" python3 - "$WORK/schemathesis.toml" <<'PY'
import json, os, sys, urllib.error, urllib.request

base = os.environ["API_FUZZ_BASE"]
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only, never a proxy
seen = {name: [] for name in ("organisations", "engagements", "sales", "washes", "campaigns", "associations", "orgnrs", "phones", "categories")}

def add(name, value):
    if isinstance(value, str) and value and value not in seen[name]:
        seen[name].append(value)

def fetch(path, key):  # the items a key may list; nothing where it may not (washes are call centres' own)
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + key})
    try:
        with opener.open(request, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        if error.code != 403:
            raise
        return {"items": []}

for key in os.environ["API_FUZZ_LIST_KEYS"].split():
    for organisation in fetch("/api/v1/organisations", key)["items"]:
        add("organisations", organisation["id"]); add("orgnrs", organisation["orgnr"])
        if organisation["kind"] == "association":
            add("associations", organisation["id"])
    for kind in ("engagements", "sales", "washes"):
        for item in fetch("/api/v1/" + kind, key)["items"]:
            add(kind, item["id"])
            add("phones", (item.get("consumer") or {}).get("phone"))
    for campaign in fetch("/api/v1/campaigns", key)["items"]:
        add("campaigns", campaign["id"]); add("categories", campaign.get("product_category"))
# Numbers in the demo's register, block list and customer list, and the common ways of writing one.
for phone in ("93000005", "41200003", "+47 930 00 005", "0047 41200003", "(+47) 412 00 003", "22990000", "80012345",
              "112", "1881", "+46 70 123 45 67", "912345678"):
    add("phones", phone)

text = ""
for name, values in seen.items():
    if values:
        text += f"[dictionaries.{name}]\nvalues = {json.dumps(values, ensure_ascii=True)}\n\n"
bindings = {
    "path.orgnr": "orgnrs",
    "query.campaign": "campaigns", "query.number": "phones", "query.client": "orgnrs", "query.category": "categories",
    "body.campaign": "campaigns", "body.campaign_id": "campaigns", "body.numbers[*]": "phones", "body.phones[*]": "phones",
    "body.phone": "phones", "body.consumer.phone": "phones", "body.from": "phones", "body.client": "orgnrs",
    "body.business": "orgnrs", "body.category": "categories", "body.call_centre_id": "organisations",
    "body.client_id": "organisations", "body.association_id": "associations",
}
text += "[parameters]\n"
for parameter, name in bindings.items():
    if seen[name]:
        text += f'"{parameter}" = {{ dictionary = "{name}", probability = 0.5 }}\n'
# {id} in each path takes ids of its own kind.
for kind in ("organisations", "engagements", "sales", "washes"):
    if seen[kind]:
        text += f'\n[[operations]]\ninclude-path-regex = "^/api/v1/{kind}/"\n'
        text += f'parameters = {{ "path.id" = {{ dictionary = "{kind}", probability = 0.5 }} }}\n'
open(sys.argv[1], "w").write(text)
PY

# Signs inbound SMS as the gateway does: requests calls `auth` with the request as it will be sent.
cat >"$WORK/api_fuzz_hooks.py" <<'PY'
import datetime, hashlib, hmac, os
import schemathesis

SECRET = os.environ["API_FUZZ_SMS_SECRET"].encode()


class Sign:
    def __call__(self, request):
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        request.headers["X-TMNorm-Signature"] = hmac.new(SECRET, body, hashlib.sha256).hexdigest()
        return request


@schemathesis.hook
def before_call(context, case, kwargs):
    if case.operation.path != "/api/v1/sms/inbound":
        return
    # Four in five messages get a current received_at (the server refuses one more than 5 minutes off);
    # the choice follows the generated value, so a case sends the same kind of body when it is replayed.
    if isinstance(case.body, dict) and isinstance(case.body.get("received_at"), str):
        if hashlib.sha256(case.body["received_at"].encode("utf-8", "replace")).digest()[0] % 5:
            case.body["received_at"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    kwargs["auth"] = Sign()
PY
export PYTHONPATH="$WORK${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=api_fuzz_hooks API_FUZZ_SMS_SECRET="$SMS_SECRET"
cp "$WORK/schemathesis.toml" "$WORK/report/"

set -- $KEYS
RUNS=$#
START=$SECONDS
FAILED=()
for who in $KEYS; do
    # A run may take what is left of the budget, less 30 s for each run still to come.
    RUNS=$(( RUNS - 1 ))
    share=$(( BUDGET - (SECONDS - START) - 30 * RUNS ))
    [ "$share" -ge 10 ] || { FAILED+=("$who (no time left)"); continue; }
    log "schemathesis as the $who: $EXAMPLES examples per operation, at most ${share}s"
    args=(--config-file "$WORK/schemathesis.toml" run "$BASE/api/openapi.json"
        --header "Authorization: Bearer ${KEY[$who]}"
        --checks "$CHECKS"
        --max-examples "$EXAMPLES"
        --workers 2
        --request-timeout 10
        --generation-database none
        --no-color
        --report junit --report-junit-path "$WORK/report/junit-$who.xml")
    [ -n "${API_FUZZ_SEED:-}" ] && args+=(--seed "$API_FUZZ_SEED")
    # shellcheck disable=SC2206 # options split on spaces, as typed
    [ -n "${API_FUZZ_ST_ARGS:-}" ] && args+=(${API_FUZZ_ST_ARGS})
    started=$SECONDS
    status=0
    (cd "$WORK" && exec timeout --signal=INT --kill-after=15 "$share" "${ST[@]}" "${args[@]}") || status=$?
    echo "api_fuzz: the $who run took $(( SECONDS - started ))s, exit $status"
    if [ "$status" -eq 124 ]; then
        FAILED+=("$who (stopped after ${share}s: lower API_FUZZ_EXAMPLES or raise API_FUZZ_BUDGET)")
    elif [ "$status" -ne 0 ]; then
        FAILED+=("$who")
    fi
done

status=0
stop_server || status=$?
if [ "$status" -ne 0 ]; then
    FAILED+=("the server's exit status was $status after SIGTERM")
    tail -40 "$WORK/server.log"
fi
if grep -qE ' (error|critical) |Fatal error|crashed' "$WORK/server.log"; then
    log "errors in the server's log"
    grep -E ' (error|critical) |Fatal error|crashed' "$WORK/server.log" | tail -30
fi
if [ ${#FAILED[@]} -gt 0 ]; then
    log "FAILED: ${FAILED[*]}"
    exit 1
fi
log "passed: $KEYS, $EXAMPLES examples per operation, $(( SECONDS - START ))s"
