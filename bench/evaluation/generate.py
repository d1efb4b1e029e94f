"""Raw records for the evaluation benchmark, written straight into the SQLite file the demo made.

Ids of centres, clients and campaigns are copied from the demo's own rows, so they have the app's format;
times are stored as the app stores them (seconds since 1970 as REAL)."""
import calendar, random, sqlite3, sys, time, uuid

db, decisions, sales, night = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
random.seed(17)
con = sqlite3.connect(db)
con.execute("PRAGMA journal_mode=WAL"); con.execute("PRAGMA synchronous=OFF")
pairs = con.execute("SELECT call_centre_id, client_id FROM campaigns").fetchall()
assert pairs, "the demo has no campaigns"
start = calendar.timegm((2021, 12, 1, 0, 0, 0))
span = 5 * 365 * 86400
REASONS = ["ok", "ok", "ok", "reserved_phone", "saturday", "client_block_list", "not_in_valid_wash", "reserved_person,after_closing"]

def decision_rows(n, t0, width):
    for k in range(n):
        centre, client = pairs[k % len(pairs)]
        reasons = REASONS[k % len(REASONS)]
        t = t0 + random.random() * width
        yield (uuid.uuid4().hex, uuid.uuid4().hex, centre, client, f"h{k}", 1 if reasons == "ok" else 0, reasons, None, "bench", t, t, "bench")

def insert_decisions(n, t0, width):
    con.executemany(
        "INSERT INTO may_call_decisions (id, campaign_id, call_centre_id, client_id, number_hash, allowed, reasons, register_snapshot_id,"
        " rule_set, asked_at, decided_at, asked_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", decision_rows(n, t0, width))
    con.commit()

def insert_sales(n, t0, width):
    sale_rows, events = [], []
    for k in range(n):
        centre, client = pairs[k % len(pairs)]
        t = t0 + random.random() * width
        sid = uuid.uuid4().hex
        sale_rows.append((sid, sid, centre, client, "bench", f"bench-{sid}", "x", "sent", "{}", "{}", "Bench", "Strøm", f"B{k}", "x", t, t))
        answer = ("accepted", "accepted", "declined", "expired")[k % 4]
        events.append((uuid.uuid4().hex, sid, 0, "sent", int(t * 1000), "p", "e"))
        events.append((uuid.uuid4().hex, sid, 1, answer, int((t + random.random() * 86400) * 1000), "p", "e"))
        if len(sale_rows) >= 100_000:
            flush(sale_rows, events); sale_rows, events = [], []
    flush(sale_rows, events)

def flush(sale_rows, events):
    con.executemany(
        "INSERT INTO sales (id, campaign_id, call_centre_id, client_id, registered_by, idempotency_key, request_sha256, state, lifecycle_json,"
        " draft_json, consumer_name, product, reference, evidence_head, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", sale_rows)
    con.executemany(
        "INSERT INTO sale_evidence (id, sale_id, sequence, event, at_ms, previous_hash, entry_hash) VALUES (?,?,?,?,?,?,?)", events)
    con.commit()

t = time.time()
insert_decisions(decisions, start, span)
insert_sales(sales, start, span)
night_start = calendar.timegm((2026, 12, 1, 0, 0, 0)) - 3600  # 00:00 Oslo (UTC+1) on 1 December
insert_decisions(night, night_start, 86000)
print(f"generated in {time.time() - t:.0f} s")
