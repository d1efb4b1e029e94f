#!/usr/bin/env bash
# Evaluation benchmark (issue 17), on SQLite: DECISIONS may-call decisions and SALES sales (each with a
# "sent" and an answer event) spread evenly over the five years 2021-12-01 … 2026-11-30, on top of the demo.
# Measures (1) a full `tmnorm rollups rebuild` of the five years and of the first half (linearity: the half
# should take about half), (2) the nightly rollup of one day holding NIGHT records (target <= 1 s per
# million), (3) p95 of the dashboard page, the scorecards, the report, an SVG chart and the JSON series over
# 5 years (target <= 200 ms). Issue scale: DECISIONS=10000000 SALES=1000000 NIGHT=1000000.
# Usage: bench/evaluation/run.sh  (TMNORM_BIN, DECISIONS, SALES, NIGHT, REQUESTS to override)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${TMNORM_BIN:-}
if [ -z "$BIN" ]; then swift build -c release --product tmnorm >/dev/null; BIN=$(swift build -c release --show-bin-path)/tmnorm; fi
DECISIONS=${DECISIONS:-10000000}; SALES=${SALES:-1000000}; NIGHT=${NIGHT:-1000000}; REQUESTS=${REQUESTS:-40}
WORK=$(mktemp -d /tmp/tmnorm-eval-bench.XXXXXX); SERVER=""
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
DB=$WORK/eval.sqlite
export TMNORM_DATA_DIR=$WORK/data LOG_LEVEL=error TMNORM_BCRYPT_COST=4 TMNORM_JOBS=off TMNORM_WORKER=off
export TMNORM_CLOCK=2026-12-01T10:00:00
"$BIN" seed-demo --key-only --database "$DB" > "$WORK/key"
echo "generating $DECISIONS decisions and $SALES sales over 5 years, and $NIGHT records on 2026-12-01 …"
python3 bench/evaluation/generate.py "$DB" "$DECISIONS" "$SALES" "$NIGHT"

seconds() { python3 -c "import sys,time; t=time.time(); import subprocess; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); print(f'{time.time()-t:.2f}')" "$@"; }
HALF=$(seconds "$BIN" rollups rebuild --from 2021-12-01 --to 2024-05-31 --database "$DB")
FULL=$(seconds "$BIN" rollups rebuild --from 2021-12-01 --to 2026-11-30 --database "$DB")
NIGHTLY=$(seconds "$BIN" rollups rebuild --from 2026-12-01 --to 2026-12-01 --database "$DB")
echo "full rebuild, 5 years: ${FULL} s; first half: ${HALF} s (ratio $(python3 -c "print(f'{$HALF/$FULL:.2f}')"), linear ≈ 0.50)"
echo "nightly rollup of one day with $NIGHT records: ${NIGHTLY} s ($(python3 -c "print(f'{$NIGHTLY/($NIGHT/1e6):.2f}')") s per million; target <= 1)"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TMNORM_SECRET=bench-secret-0123456789abcdef0123456789abcdef "$BIN" serve --port "$PORT" --database "$DB" >/dev/null 2>&1 & SERVER=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
python3 bench/evaluation/pages.py "http://127.0.0.1:$PORT" "$(cat "$WORK/key")" "$REQUESTS"
