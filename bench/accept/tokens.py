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
    for (body,) in rows("SELECT body FROM outbox_messages WHERE idempotency_key LIKE 'sale:%:offer:sms'"):
        m = token.search(body)
        if m:
            print(m.group(1))
else:
    print(rows("SELECT count(*) FROM sales WHERE state = 'accepted'")[0][0])
