#!/usr/bin/env python3
"""The baseline: a straightforward Python washer, written the way one would without special effort —
csv module, a set of reserved numbers, a set of numbers seen — but honest: it applies the same rules as
`tmnorm wash` (Norwegian number shapes, unallocated ranges, special numbers, duplicates) and hashes the
list (SHA-256) for the wash record, as tmnorm does.

    baseline_wash.py LIST.csv REGISTER.txt CALLABLE.csv REJECTED.csv
"""
import csv
import hashlib
import json
import sys

UNALLOCATED = ("42", "43", "44", "49", "4536")


def classify(raw):
    """(key, None) for a callable mobile/fixed number, else (None, reason) — the rules of
    PhoneNumber.parse and the Nkom 2026 table (docs/phone-numbers.md), written plainly."""
    s = raw.strip()
    if not s:
        return None, "missing_phone"
    for sep in " -.()\t":
        s = s.replace(sep, "")
    plus = s.startswith("+")
    digits = s[1:] if plus else s
    if not digits.isdigit():
        return None, "invalid_number"
    if plus or (len(digits) >= 4 and len(digits) != 5 and digits.startswith("00")):
        rest = digits if plus else digits[2:]
        if not rest.startswith("47"):
            return None, "foreign_number"
        national = rest[2:]
        if len(national) not in (8, 12):
            return None, "invalid_number"
    elif len(digits) in (10, 14) and digits.startswith("47"):
        national = digits[2:]
    else:
        national = digits
    n = len(national)
    if n == 8:
        if national[0] in "01" or national.startswith(UNALLOCATED):
            return None, "invalid_number"
        if national[0] == "8" or national[:2] in ("58", "59"):
            return None, "special_number"
        return national, None
    if n == 12:
        return None, "special_number" if national[:2] in ("58", "59") else "invalid_number"
    if n == 5:
        return None, "special_number" if national[0] == "0" and national[1] not in "01" else "invalid_number"
    if n in (3, 4):
        return None, "special_number" if national[0] == "1" else "invalid_number"
    if n == 6:
        return None, "special_number" if national.startswith("116") else "invalid_number"
    return None, "invalid_number"


def main():
    list_path, register_path, callable_path, rejected_path = sys.argv[1:5]
    sha = hashlib.sha256()
    with open(list_path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            sha.update(chunk)

    reserved = set()
    with open(register_path, encoding="utf-8") as f:
        for line in f:
            key, _ = classify(line)
            if key:
                reserved.add(key)

    counts = {}
    seen = set()
    rows = callable_rows = 0
    with open(list_path, encoding="utf-8", newline="") as f, \
            open(callable_path, "w", encoding="utf-8", newline="") as ok_file, \
            open(rejected_path, "w", encoding="utf-8", newline="") as rejected_file:
        reader = csv.reader(f, delimiter=";")
        ok = csv.writer(ok_file, delimiter=";", lineterminator="\n")
        rejected = csv.writer(rejected_file, delimiter=";", lineterminator="\n")
        header = next(reader)
        phone = [h.lower() for h in header].index("telefon")
        ok.writerow(header)
        rejected.writerow(header + ["reason"])
        for row in reader:
            rows += 1
            if len(row) != len(header):
                reason = "malformed_row"
            else:
                key, reason = classify(row[phone])
                if key:
                    if key in seen:
                        reason = "duplicate"
                    else:
                        seen.add(key)
                        if key in reserved:
                            reason = "reserved_phone"
            if reason:
                counts[reason] = counts.get(reason, 0) + 1
                rejected.writerow(row + [reason])
            else:
                callable_rows += 1
                ok.writerow(row)
    print(json.dumps({"rows": rows, "callable": callable_rows, "rejected": rows - callable_rows,
                      "by_reason": counts, "list_sha256": sha.hexdigest()}, sort_keys=True))


if __name__ == "__main__":
    main()
