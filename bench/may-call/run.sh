#!/usr/bin/env bash
# May-call benchmark (issue 4): wrk on loopback against GET /api/v1/may-call with a 2.5 M-number register
# loaded, and the same server's /healthz as the reference, on SQLite and (when DATABASE_URL is set) PostgreSQL.
# Targets: >= 2000 decisions/s, p99 <= 5 ms, 0 errors, judged at CONNECTIONS (default 4). A p99 of 5 ms
# is a latency target, and on the 2 cores that wrk and the server share it can only hold below saturation:
# at 16 connections even /healthz has a p99 of 3–4 ms, and 16 requests in flight with every one under
# 5 ms would take well over 3 200 decisions/s at no variance at all. So the script also runs may-call at
# SATURATED connections (default 16) and prints that as the saturation figure, not judged.
# Issue 20 adds, at SATURATED connections: /healthz, and may-call with `at` set to another moment of the
# benchmark's weekday while calls are allowed (14:00 Oslo) and while they are not (22:30 Oslo), so the
# figures do not depend on the day the benchmark runs; targets there: now >= 0.65x /healthz with p99 <= 2x
# its p99, and `at` within 20 % of now.
# Usage: bench/may-call/run.sh  (TMNORM_BIN, DURATION, CONNECTIONS, SATURATED to override;
# DATABASE_URL=postgres://… adds the PostgreSQL run against an EMPTY database).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
BIN=${TMNORM_BIN:-}
if [ -z "$BIN" ]; then swift build -c release --product tmnorm >/dev/null; BIN=$(swift build -c release --show-bin-path)/tmnorm; fi
DURATION=${DURATION:-15s}; CONNECTIONS=${CONNECTIONS:-4}; SATURATED=${SATURATED:-16}
SERVER=""; WORK=$(mktemp -d /tmp/tmnorm-bench.XXXXXX); trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
DATA=bench/data; mkdir -p "$DATA"
REGISTER=$DATA/register-2.5M-numbers.txt
if [ ! -f "$REGISTER" ]; then
  python3 - "$REGISTER" <<'PY'
import random, sys
random.seed(7)
nums = random.sample(range(90000000, 100000000), 2_500_000)
with open(sys.argv[1], "w") as f:
    f.write("\n".join(str(n) for n in nums)); f.write("\n")
PY
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# The list the campaign calls: 200 000 numbers, washed for the campaign, so may-call does its real work (a
# quarter are in the register and come out rejected). may_call.lua asks numbers from the same formula.
LIST=$DATA/call-list-200k.csv
if [ ! -f "$LIST" ]; then
  python3 - "$LIST" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("telefon\n")
    for k in range(200_000):
        f.write(f"{90000000 + (k * 7919) % 10_000_000}\n")
PY
fi
# On a weekday at 10:00 (Oslo), when calls are allowed: on a weekend every answer is a cheap "saturday".
# Today when it is a weekday, else the next one; TMNORM_CLOCK shifts only this benchmark's processes.
export TMNORM_CLOCK=${TMNORM_CLOCK:-$(python3 -c '
import datetime
d = datetime.date.today()
while d.weekday() >= 5: d += datetime.timedelta(days=1)
print(d.isoformat() + "T10:00:00")')}
# The moments asked about with `at`: the same weekday at 14:00 (open) and 22:30 (closed), Oslo time.
read -r AT_OPEN AT_CLOSED < <(python3 -c '
import datetime, sys, zoneinfo
day = datetime.date.fromisoformat(sys.argv[1][:10]); oslo = zoneinfo.ZoneInfo("Europe/Oslo")
print(*(datetime.datetime.combine(day, datetime.time(h, m), oslo).isoformat() for h, m in ((14, 0), (22, 30))))' "$TMNORM_CLOCK")

run_one() {  # $1 = label; database chosen by the environment / --database
  local label=$1; shift
  export TMNORM_DATA_DIR=$WORK/data-$label LOG_LEVEL=error TMNORM_PORT=$PORT TMNORM_BCRYPT_COST=4
  local key; key=$("$BIN" seed-demo --key-only "$@")
  # --force: the plain number file replaces the demo's person-based copy (which it would otherwise refuse).
  "$BIN" register import "$REGISTER" --force "$@" >/dev/null
  TMNORM_SECRET="${TMNORM_SECRET:-bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}" \
  TMNORM_SMS_SECRET="${TMNORM_SMS_SECRET:-bench-sms-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}" \
  TMNORM_EVIDENCE_KEY="${TMNORM_EVIDENCE_KEY:-$("$BIN" evidence keygen --name bench/evidence | sed -n 's/^TMNORM_EVIDENCE_KEY=//p')}" \
  "$BIN" serve --port "$PORT" "$@" >/dev/null 2>&1 & SERVER=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
  local campaign; campaign=$(curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$PORT/api/v1/campaigns" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  curl -sf -X POST -H "Authorization: Bearer $key" -H "Content-Type: text/csv" --data-binary "@$LIST" "http://127.0.0.1:$PORT/api/v1/washes?campaign=$campaign" >/dev/null
  curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$PORT/api/v1/may-call?campaign=$campaign&number=91200001" >/dev/null  # loads the snapshot
  local health; health=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/may-call/healthz.lua "http://127.0.0.1:$PORT/healthz" | grep RESULT)
  local maycall; maycall=$(CAMPAIGN=$campaign API_KEY=$key wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/may-call/may_call.lua "http://127.0.0.1:$PORT/" | grep RESULT)
  local saturated; saturated=$(CAMPAIGN=$campaign API_KEY=$key wrk -t2 -c"$SATURATED" -d"$DURATION" -s bench/may-call/may_call.lua "http://127.0.0.1:$PORT/" | grep RESULT)
  local health16; health16=$(wrk -t2 -c"$SATURATED" -d"$DURATION" -s bench/may-call/healthz.lua "http://127.0.0.1:$PORT/healthz" | grep RESULT)
  local sample
  for at in "$AT_OPEN" "$AT_CLOSED"; do
    sample=$(curl -sf -G -H "Authorization: Bearer $key" --data-urlencode "campaign=$campaign" --data-urlencode "number=90000000" \
      --data-urlencode "at=$at" "http://127.0.0.1:$PORT/api/v1/may-call")
    echo "[$label] sample answer at $at: $(python3 -c 'import json,sys; a=json.loads(sys.argv[1]); print("allowed" if a["allowed"] else "refused", ",".join(a["reasons"]))' "$sample")"
  done
  local open; open=$(AT=$AT_OPEN CAMPAIGN=$campaign API_KEY=$key wrk -t2 -c"$SATURATED" -d"$DURATION" -s bench/may-call/may_call.lua "http://127.0.0.1:$PORT/" | grep RESULT)
  local closed; closed=$(AT=$AT_CLOSED CAMPAIGN=$campaign API_KEY=$key wrk -t2 -c"$SATURATED" -d"$DURATION" -s bench/may-call/may_call.lua "http://127.0.0.1:$PORT/" | grep RESULT)
  local rss; rss=$(awk '/VmHWM/ {print $2}' /proc/$SERVER/status)
  kill $SERVER; wait $SERVER 2>/dev/null || true
  echo "[$label] clock $TMNORM_CLOCK (Oslo); load after: $(cut -d' ' -f1-3 /proc/loadavg); server peak RSS $((rss / 1024)) MiB"
  python3 - "$label" "$health" "$maycall" "$saturated" "$CONNECTIONS" "$SATURATED" "$health16" "$open" "$closed" "$AT_OPEN" "$AT_CLOSED" <<'PY'
import sys
def parse(line): return {k: float(v) for k, v in (p.split("=") for p in line.split()[1:])}
label, h, m, s = sys.argv[1], parse(sys.argv[2]), parse(sys.argv[3]), parse(sys.argv[4])
c, sc = sys.argv[5], sys.argv[6]
h16, o, x = parse(sys.argv[7]), parse(sys.argv[8]), parse(sys.argv[9])
at_open, at_closed = sys.argv[10], sys.argv[11]
print(f"[{label}] /healthz  {h['rps']:9.0f} req/s  p99 {h['p99_ms']:.2f} ms  errors {int(h['errors'] + h['non2xx'])}  ({c} connections)")
print(f"[{label}] may-call  {m['rps']:9.0f} req/s  p99 {m['p99_ms']:.2f} ms  errors {int(m['errors'] + m['non2xx'])}  ({c} connections)")
ok = m['rps'] >= 2000 and m['p99_ms'] <= 5 and m['errors'] + m['non2xx'] == 0
print(f"[{label}] ratio may-call/healthz = {m['rps'] / h['rps']:.2f}   target (>=2000/s, p99<=5 ms, 0 errors): {'met' if ok else 'NOT met'}")
print(f"[{label}] saturation: may-call {s['rps']:.0f} req/s  p99 {s['p99_ms']:.2f} ms  errors {int(s['errors'] + s['non2xx'])}  ({sc} connections, not judged)")
err = lambda r: int(r['errors'] + r['non2xx'])
print(f"[{label}] {sc} connections: /healthz {h16['rps']:.0f} req/s p99 {h16['p99_ms']:.2f} ms; may-call now {s['rps'] / h16['rps']:.2f}x its rate, "
      f"p99 {s['p99_ms'] / h16['p99_ms']:.2f}x (issue 20: >= 0.65x, <= 2x): "
      f"{'met' if s['rps'] >= 0.65 * h16['rps'] and s['p99_ms'] <= 2 * h16['p99_ms'] and err(s) == 0 else 'NOT met'}")
for name, at, r in (("open", at_open, o), ("closed", at_closed, x)):
    print(f"[{label}] {sc} connections, at={at} ({name}): {r['rps']:.0f} req/s  p99 {r['p99_ms']:.2f} ms  errors {err(r)}  "
          f"= {r['rps'] / s['rps']:.2f}x now (issue 20: within 20 %: {'met' if r['rps'] >= 0.8 * s['rps'] and err(r) == 0 else 'NOT met'})")
PY
}

( unset DATABASE_URL; run_one sqlite --database "$WORK/bench.sqlite" )
if [ -n "${DATABASE_URL:-}" ]; then run_one postgresql; fi
