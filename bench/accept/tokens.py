"""Prints the link tokens of the queued offer SMS (development transport keeps the texts) and counts states."""
import os, re, subprocess, sys

mode, target = sys.argv[1], sys.argv[2]
token = re.compile(r"/t/([A-Za-z0-9_-]{24})")

def rows(sql):
    if mode == "sqlite":
        import sqlite3
        return sqlite3.connect(target).execute(sql).fetchall()
    out = subprocess.run(["psql", target, "-At", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]

if sys.argv[3] == "tokens":
    # Only offers still open: the demo's declined and expired sales would answer 410.
    for (body,) in rows("SELECT o.body FROM outbox_messages o JOIN sales s ON s.id = o.sale_id "
                        "WHERE o.idempotency_key LIKE 'sale:%:offer:sms' AND s.state = 'sent'"):
        m = token.search(body)
        if m:
            print(m.group(1))
else:
    print(rows("SELECT count(*) FROM sales WHERE state = 'accepted'")[0][0])
