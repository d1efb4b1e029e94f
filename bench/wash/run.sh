#!/usr/bin/env bash
# Washing benchmark (bench/README.md): `tmnorm wash` against a straightforward Python washer that uses a
# set (baseline_wash.py), on the same generated files, in the same run. Prints wall time and peak memory
# of both, the ratio, and whether the targets (≥ 20× faster, ≤ 64 MiB peak) are met. Then the same with
# person columns (issue 20): a 10 M-row list with names and addresses against a 2.5 M-person register,
# and a Python washer that also matches persons (baseline_wash_persons.py); targets ≤ 2.0 s, ≤ 64 MiB,
# and building that register's snapshot ≤ 1.0 s, ≤ 128 MiB.
#
#   bench/wash/run.sh                      # builds tmnorm in release mode
#   TMNORM_BIN=/path/to/tmnorm bench/wash/run.sh
#   ROWS=1000000 REGISTER=250000 RUNS=1 bench/wash/run.sh
#   CASES=persons bench/wash/run.sh        # only the person case (default: "numbers persons")
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${DATA:-$ROOT/bench/data}
OUT=${OUT:-$ROOT/bench/out}
ROWS=${ROWS:-10000000}
REGISTER=${REGISTER:-2500000}
SEED=${SEED:-20091601}
RUNS=${RUNS:-3}
BASELINE_RUNS=${BASELINE_RUNS:-1}
PYTHON=${PYTHON:-python3}
CASES=${CASES:-numbers persons}
TARGET_RATIO=20
TARGET_RSS_KIB=$((64 * 1024))

if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (peak memory measurement)…" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q time >/dev/null; else sudo apt-get install -y -q time >/dev/null; fi
fi

mkdir -p "$DATA" "$OUT"

# 1. Data: generated once per parameter set (deterministic seed), kept in bench/data (gitignored).
params="rows=$ROWS register=$REGISTER seed=$SEED generator=$(sha256sum "$HERE/generate.py" | cut -c1-16)"
if [ ! -f "$DATA/list.csv" ] || [ "$(cat "$DATA/.params" 2>/dev/null)" != "$params" ]; then
    echo "generating $ROWS-row list and $REGISTER-number register in $DATA …" >&2
    "$PYTHON" "$HERE/generate.py" "$DATA" --rows "$ROWS" --register "$REGISTER" --seed "$SEED"
    echo "$params" >"$DATA/.params"
fi
pparams="register=$REGISTER seed=$SEED generator=$(sha256sum "$HERE/generate.py" | cut -c1-16)"
if [ ! -f "$DATA/persons/register.csv" ] || [ "$(cat "$DATA/persons/.params" 2>/dev/null)" != "$pparams" ]; then
    echo "generating a $REGISTER-person register (CSV) …" >&2
    mkdir -p "$DATA/persons"
    "$PYTHON" "$HERE/generate.py" "$DATA/persons" --rows 0 --register "$REGISTER" --seed "$SEED" --persons
    echo "$pparams" >"$DATA/persons/.params"
    rm -f "$DATA/persons/.list-params"
fi
lparams="rows=$ROWS $pparams lister=$(sha256sum "$HERE/generate_person_list.py" | cut -c1-16)"
if [[ " $CASES " == *" persons "* ]] && { [ ! -f "$DATA/persons/list.csv" ] || [ "$(cat "$DATA/persons/.list-params" 2>/dev/null)" != "$lparams" ]; }; then
    echo "generating a $ROWS-row list with person columns …" >&2
    (cd "$HERE" && "$PYTHON" generate_person_list.py "$DATA/persons/register.csv" "$DATA/persons/list.csv" --rows "$ROWS")
    echo "$lparams" >"$DATA/persons/.list-params"
fi

# 2. The binary.
if [ -z "${TMNORM_BIN:-}" ]; then
    echo "building tmnorm (release) …" >&2
    (cd "$ROOT" && swift build -c release --product tmnorm >&2)
    TMNORM_BIN="$ROOT/.build/release/tmnorm"
fi
echo "tmnorm: $TMNORM_BIN" >&2

# 3. Snapshots (a call centre builds one per monthly delivery; not part of a wash).
now=$(date -Iseconds)
"$TMNORM_BIN" register build "$DATA/register.txt" --out "$DATA/register.snapshot" --obtained-at "$now" >/dev/null
/usr/bin/time -f "%e %M" -o "$OUT/build.time" \
    "$TMNORM_BIN" register build "$DATA/persons/register.csv" --out "$DATA/persons.snapshot" --obtained-at "$now" >/dev/null

# measure LABEL RUNS COMMAND… — best wall time and highest peak RSS over the runs; stdout kept in OUT/LABEL.json.
measure() {
    local label=$1 runs=$2
    shift 2
    local best="" peak=0
    for _ in $(seq "$runs"); do
        rm -f "$OUT"/*.csv "$OUT"/.*.partial
        sync
        /usr/bin/time -f "%e %M" -o "$OUT/$label.time" "$@" >"$OUT/$label.json"
        read -r wall rss <"$OUT/$label.time"
        echo "  $label: ${wall} s, $((rss / 1024)) MiB" >&2
        if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
        if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
    done
    echo "$best $peak" >"$OUT/$label.best"
}

LIST="$DATA/list.csv"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >"$OUT/load.txt"
if [[ " $CASES " == *" numbers "* ]]; then
echo "running (baseline ×$BASELINE_RUNS, tmnorm ×$RUNS) …" >&2
measure baseline "$BASELINE_RUNS" "$PYTHON" "$HERE/baseline_wash.py" "$LIST" "$DATA/register.txt" \
    "$OUT/baseline_callable.csv" "$OUT/baseline_rejected.csv"
measure tmnorm "$RUNS" "$TMNORM_BIN" wash "$LIST" --register "$DATA/register.snapshot" \
    --out "$OUT/callable.csv" --rejected "$OUT/rejected.csv" --json
measure tmnorm_from_text "$RUNS" "$TMNORM_BIN" wash "$LIST" --register "$DATA/register.txt" \
    --out "$OUT/callable.csv" --rejected "$OUT/rejected.csv" --json
printf 'telefon\n91234567\n' >"$OUT/tiny.list"
measure load_persons 5 "$TMNORM_BIN" wash "$OUT/tiny.list" --register "$DATA/persons.snapshot" \
    --out "$OUT/tiny_callable.csv" --rejected "$OUT/tiny_rejected.csv" --json
fi
if [[ " $CASES " == *" persons "* ]]; then
echo "running the person case (baseline ×$BASELINE_RUNS, tmnorm ×$RUNS) …" >&2
measure baseline_persons "$BASELINE_RUNS" "$PYTHON" "$HERE/baseline_wash_persons.py" "$DATA/persons/list.csv" \
    "$DATA/persons/register.csv" "$OUT/baseline_callable.csv" "$OUT/baseline_rejected.csv"
measure tmnorm_persons "$RUNS" "$TMNORM_BIN" wash "$DATA/persons/list.csv" --register "$DATA/persons.snapshot" \
    --out "$OUT/callable.csv" --rejected "$OUT/rejected.csv" --json
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/load.txt"

# 4. Report.
"$PYTHON" - "$OUT" "$ROWS" "$REGISTER" "$TARGET_RATIO" "$TARGET_RSS_KIB" "$(uname -m)" "$(nproc)" "$CASES" <<'EOF'
import json, os, sys
out, rows, register, target_ratio, target_rss, arch, cpus, cases = sys.argv[1:9]
cases = cases.split()
def best(label):
    wall, rss = open(os.path.join(out, label + ".best")).read().split()
    return float(wall), int(rss)
def counts(label):
    d = json.load(open(os.path.join(out, label + ".json")))
    return d["rows"], d["callable"], d["by_reason"]
mib = lambda kib: kib / 1024
build_wall, build_rss = open(os.path.join(out, "build.time")).read().split()
print(open(os.path.join(out, "load.txt")).read().strip())
if "persons" in cases:
    pb_wall, pb_rss = best("baseline_persons")
    pt_wall, pt_rss = best("tmnorm_persons")
    agree = counts("baseline_persons") == counts("tmnorm_persons")
    print(f"person-matched washing: {int(rows):,} rows with names and addresses, {int(register):,}-person register")
    print(f"  python baseline (sets)          {pb_wall:7.2f} s   peak {mib(pb_rss):7.1f} MiB")
    print(f"  tmnorm wash (snapshot)          {pt_wall:7.2f} s   peak {mib(pt_rss):7.1f} MiB")
    print(f"  ratio (baseline / tmnorm)       {pb_wall / pt_wall:7.1f}×")
    print(f"  both washers agree on counts    {'yes' if agree else 'NO'}  {counts('tmnorm_persons')[2]}")
    print(f"  snapshot of the person register built in {float(build_wall):.2f} s, peak {mib(int(build_rss)):.1f} MiB")
    print(f"  target ≤ 2.0 s, ≤ 64 MiB:       {'met' if pt_wall <= 2.0 and pt_rss <= 64 * 1024 else 'NOT met'}")
    print(f"  target build ≤ 1.0 s, ≤ 128 MiB: {'met' if float(build_wall) <= 1.0 and int(build_rss) <= 128 * 1024 else 'NOT met'}")
if "numbers" not in cases:
    sys.exit(0)
b_wall, b_rss = best("baseline")
t_wall, t_rss = best("tmnorm")
x_wall, x_rss = best("tmnorm_from_text")
l_wall, l_rss = best("load_persons")
agree = counts("baseline") == counts("tmnorm") == counts("tmnorm_from_text")
ratio = b_wall / t_wall
ratio_text = b_wall / x_wall
print(f"washing benchmark: {int(rows):,} rows, {int(register):,}-number register, {arch}, {cpus} cores")
print(f"  python baseline (set)           {b_wall:7.2f} s   peak {mib(b_rss):7.1f} MiB")
print(f"  tmnorm wash (snapshot)          {t_wall:7.2f} s   peak {mib(t_rss):7.1f} MiB")
print(f"  tmnorm wash (register text)     {x_wall:7.2f} s   peak {mib(x_rss):7.1f} MiB   (import included)")
print(f"  ratio (baseline / tmnorm)       {ratio:7.1f}×   ({ratio_text:.1f}× with the text register)")
print(f"  both washers agree on counts    {'yes' if agree else 'NO'}")
print(f"  snapshot of {int(register):,} persons + numbers: built in {float(build_wall):.2f} s; "
      f"process start + load + tiny wash {l_wall * 1000:.0f} ms (upper bound of the load time)")
print(f"  target ≥ {target_ratio}× faster:   {'met' if ratio >= float(target_ratio) else 'NOT met'}")
print(f"  target ≤ 64 MiB peak:   {'met' if t_rss <= int(target_rss) else 'NOT met'}")
print(f"  target load ≤ 100 ms:   {'met' if l_wall <= 0.1 else 'see above (includes process start)'}")
EOF
