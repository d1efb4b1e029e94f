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
    """(key, None) for a callable mobile/fixed number, else (None, reason)."""
    s = raw.strip()
    if not s:
        return None, "missing_phone"
    for sep in " -.()\t":
        s = s.replace(sep, "")
    plus = s.startswith("+")
    digits = s[1:] if plus else s
    if not digits.isdigit():
        return None, "invalid_number"
    if plus or (digits.startswith("00") and len(digits) >= 4 and len(digits) != 5):
        rest = digits if plus else digits[2:]
        if not rest.startswith("47"):
            return None, "foreign_number"
        national = rest[2:]
        if len(national) not in (8, 12, 5, 3, 4, 6):
            return None, "invalid_number"
    elif len(digits) == 10 and digits.startswith("47"):
        national = digits[2:]
    else:
        national = digits
    if len(national) != 8:
        if len(national) in (3, 4, 5, 6, 12):
            return None, "special_number" if national[0] in "0158" else "invalid_number"
        return None, "invalid_number"
    if national[0] in "01" or national.startswith(UNALLOCATED):
        return None, "invalid_number"
    if national[0] == "8" or national[:2] in ("58", "59"):
        return None, "special_number"
    return national, None


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
