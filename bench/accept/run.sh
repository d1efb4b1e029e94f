#!/usr/bin/env bash
# Accept benchmark (issue 5): wrk on loopback against the consumer's acceptance route (POST /t/TOKEN/accept)
# with the same server's /healthz as the reference, on SQLite and (when DATABASE_URL is set) PostgreSQL.
# Sales are registered first through POST /api/v1/sales (their rate is printed too); the offer texts stay
# in the outbox (no SMS gateway configured, worker off), which is where the tokens are read from.
# Targets: >= 1000 accepts/s, p99 <= 50 ms, 0 errors.
# Usage: bench/accept/run.sh  (TMNORM_BIN, DURATION, CREATE_DURATION, CONNECTIONS to override;
#        DATABASE_URL=postgres://… adds the PostgreSQL run against an EMPTY database).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
BIN=${TMNORM_BIN:-}
if [ -z "$BIN" ]; then swift build -c release --product tmnorm >/dev/null; BIN=$(swift build -c release --show-bin-path)/tmnorm; fi
DURATION=${DURATION:-10s}; CREATE_DURATION=${CREATE_DURATION:-75s}; CONNECTIONS=${CONNECTIONS:-16}
SERVER=""; WORK=$(mktemp -d /tmp/tmnorm-accept.XXXXXX); trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DIR=bench/accept

run_one() {  # $1 = label, $2 = sqlite|postgres, $3 = database file or URL; further args go to tmnorm
  local label=$1 mode=$2 target=$3; shift 3
  export TMNORM_DATA_DIR=$WORK/data-$label LOG_LEVEL=error TMNORM_PORT=$PORT TMNORM_BCRYPT_COST=4 TMNORM_WORKER=0
  local key; key=$("$BIN" seed-demo --key-only "$@")
  TMNORM_SECRET="${TMNORM_SECRET:-bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}" \
  TMNORM_SMS_SECRET="${TMNORM_SMS_SECRET:-bench-sms-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}" \
  TMNORM_EVIDENCE_KEY="${TMNORM_EVIDENCE_KEY:-$("$BIN" evidence keygen --name bench/evidence | sed -n 's/^TMNORM_EVIDENCE_KEY=//p')}" \
  "$BIN" serve --port "$PORT" "$@" >/dev/null 2>&1 & SERVER=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
  local campaign; campaign=$(curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$PORT/api/v1/campaigns" \
    | python3 -c 'import json,sys; print(next(c["id"] for c in json.load(sys.stdin)["items"] if c["name"] == "Nordlys Smarthus"))')  # not electricity: its offers can be accepted at once
  local created; created=$(CAMPAIGN=$campaign API_KEY=$key wrk -t2 -c"$CONNECTIONS" -d"$CREATE_DURATION" -s $DIR/create_sales.lua "http://127.0.0.1:$PORT/" | grep RESULT)
  python3 $DIR/tokens.py "$mode" "$target" tokens | shuf > "$WORK/tokens-$label.txt"
  local before; before=$(python3 $DIR/tokens.py "$mode" "$target" accepted)
  local health; health=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/may-call/healthz.lua "http://127.0.0.1:$PORT/healthz" | grep RESULT)
  local accept; accept=$(TOKENS=$WORK/tokens-$label.txt THREADS=2 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s $DIR/accept.lua "http://127.0.0.1:$PORT/" | grep RESULT)
  local after; after=$(python3 $DIR/tokens.py "$mode" "$target" accepted)
  kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=""
  python3 - "$label" "$created" "$health" "$accept" "$(wc -l < "$WORK/tokens-$label.txt")" "$before" "$after" "$DURATION" <<'PY'
import sys
def parse(line): return {k: float(v) for k, v in (p.split("=") for p in line.split()[1:])}
label, c, h, a = sys.argv[1], parse(sys.argv[2]), parse(sys.argv[3]), parse(sys.argv[4])
tokens, before, after, seconds = int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), float(sys.argv[8].rstrip("s"))
firsts = after - before
print(f"[{label}] sales registered  {c['rps']:8.0f} /s  p99 {c['p99_ms']:.2f} ms  errors {int(c['errors'] + c['non2xx'])}  ({tokens} offers)")
print(f"[{label}] /healthz          {h['rps']:8.0f} req/s  p99 {h['p99_ms']:.2f} ms  errors {int(h['errors'] + h['non2xx'])}")
print(f"[{label}] accept            {a['rps']:8.0f} req/s  p99 {a['p99_ms']:.2f} ms  errors {int(a['errors'] + a['non2xx'])}"
      f"  ({firsts} first acceptances = {firsts / seconds:.0f}/s; {max(0, int(a['requests']) - firsts)} repeats; wrk leaves up to one request per connection uncounted at the end)")
ok = firsts / seconds >= 1000 and a['p99_ms'] <= 50 and a['errors'] + a['non2xx'] == 0
print(f"[{label}] ratio accept/healthz = {a['rps'] / h['rps']:.2f}   target (>=1000 accepts/s, p99<=50 ms, 0 errors): {'met' if ok else 'NOT met'}")
PY
}

( unset DATABASE_URL; run_one sqlite sqlite "$WORK/bench.sqlite" --database "$WORK/bench.sqlite" )
if [ -n "${DATABASE_URL:-}" ]; then run_one postgresql postgres "$DATABASE_URL"; fi
