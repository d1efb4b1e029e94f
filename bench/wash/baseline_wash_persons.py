#!/usr/bin/env python3
"""The person-matched baseline: baseline_wash.py's washer, plus a set of reserved persons. A list row whose
number is callable is also looked up by person: first name, last name, street, house number and postcode,
normalised exactly as docs/matching.md says (here with str.translate and the standard library), compared
as a tuple in a set — what one would write without special effort, with the same rules as `tmnorm wash`.

    baseline_wash_persons.py LIST.csv REGISTER.csv CALLABLE.csv REJECTED.csv

REGISTER.csv is the register's CSV format (docs/register.md): only rows with telephone = y count; their
numbers ('|'-separated) go to the number set and their person to the person set.
"""
import csv
import hashlib
import json
import re
import sys
import unicodedata

from baseline_wash import classify

SPELLED = {"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "œ": "oe", "ß": "ss", "þ": "th",
           "ð": "d", "đ": "d", "ł": "l", "ŋ": "n", "ŧ": "t", "ĳ": "ij", "ı": "i"}
DROP, SEPARATOR = "", None


def entry(ch):
    """What one character becomes (PersonTextFolding's table): '' dropped, None a word break, else letters."""
    c = ord(ch)
    if "0" <= ch <= "9" or "a" <= ch <= "z":
        return ch
    if "A" <= ch <= "Z":
        return ch.lower()
    if c in (0x27, 0x60, 0xB4, 0x2019, 0x2018, 0x02BC, 0x02B9):
        return DROP
    if c < 0xC0 or c in (0xD7, 0xF7):
        return SEPARATOR
    lower = ch.lower()
    if c < 0x250:
        if lower[0] in SPELLED:
            return SPELLED[lower[0]]
        base = unicodedata.normalize("NFD", lower)[0]
        if base.isascii() and base.isalpha():
            return base
    elif unicodedata.category(ch) in ("Mn", "Mc", "Me"):
        return DROP
    return lower if ch.isalpha() else SEPARATOR


class Folding(dict):
    """str.translate table built as characters are met: separators become spaces."""

    def __missing__(self, c):
        e = entry(chr(c))
        self[c] = " " if e is None else e
        return self[c]


TABLE = Folding()


def fold(text):
    return text.translate(TABLE).split()


def abbreviated(text):
    """The last kept character is directly followed by '.' (dropped characters aside): "Parkv."."""
    separator = None
    i = len(text) - 1
    while i >= 0:
        e = entry(text[i])
        if e is SEPARATOR:
            separator = text[i]
        elif e != DROP:
            break
        i -= 1
    return i >= 0 and separator == "."


RULES = [("gaten", "gate", False), ("gata", "gate", False), ("gt", "gate", False), ("veien", "vei", False),
         ("vegen", "vei", False), ("veg", "vei", False), ("vn", "vei", True), ("v", "vei", True),
         ("plassen", "plass", False), ("pl", "plass", True), ("alleen", "alle", False)]


def street(text):
    words = fold(text)
    joined = "".join(words)
    last = len(words[-1]) if words else 0
    for suffix, replacement, short in RULES:
        n = len(suffix)
        if not ((len(joined) > n or (len(joined) == n and not short)) and joined.endswith(suffix)):
            continue
        if short and not abbreviated(text) and last != n:
            continue
        return joined[:-n] + replacement
    return joined


def house_number(text):
    s = "".join(fold(text))
    while len(s) > 1 and s[0] == "0" and s[1].isdigit() and s[1].isascii():
        s = s[1:]
    return s


def postcode(text):
    s = text.replace(" ", "").replace("\t", "")
    return s if len(s) == 4 and s.isascii() and s.isdigit() else None


def split_address(address):
    words = [w for w in re.split("[ \t,\u00a0]", address) if w]
    for i in range(1, len(words)):
        if words[i][0] in "0123456789":
            number = words[i]
            if i + 1 < len(words) and len(words[i + 1]) == 1 and words[i + 1].isalpha():
                number += " " + words[i + 1]
            elif i + 2 < len(words) and words[i + 1] == "-" and len(words[i + 2]) == 1 and words[i + 2].isalpha():
                number += "-" + words[i + 2]
            return " ".join(words[:i]), number
    return " ".join(words), ""


def identity(first, last, street_text, number, code):
    """(last, first given name, postcode, street, number), or None without one (PersonIdentity)."""
    code = postcode(code.strip(" \t"))
    if code is None:
        return None
    given = fold(first)
    last_words = fold(last)
    s = street(street_text)
    if not given or not last_words or not s:
        return None
    return " ".join(last_words), given[0], code, s, house_number(number)


def main():
    list_path, register_path, callable_path, rejected_path = sys.argv[1:5]
    sha = hashlib.sha256()
    with open(list_path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            sha.update(chunk)

    numbers, persons = set(), set()
    with open(register_path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        next(reader)
        for row in reader:
            if len(row) != 11 or row[8].strip().lower() != "y":
                continue
            for part in row[7].split("|"):
                key, _ = classify(part)
                if key:
                    numbers.add(key)
            person = identity(row[1].strip(), row[2].strip(), row[3].strip(), row[4].strip(), row[5])
            if person:
                persons.add(person)

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
        names = [h.strip().lower() for h in header]
        phone = names.index("telefon")
        first, last = names.index("fornavn"), names.index("etternavn")
        address, number, code = names.index("gateadresse"), names.index("husnummer"), names.index("postnummer")
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
                        if key in numbers:
                            reason = "reserved_phone"
                        else:
                            street_text, house = row[address].strip(" \t"), row[number].strip(" \t")
                            if not house:
                                street_text, house = split_address(street_text)
                            person = identity(row[first].strip(" \t"), row[last].strip(" \t"), street_text, house, row[code])
                            if person in persons:
                                reason = "reserved_person"
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
