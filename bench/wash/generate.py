#!/usr/bin/env python3
"""Deterministic benchmark data for `tmnorm wash`: a register of reserved numbers (plain format, one
number per line) and a call list in the shape Norwegian users export from Excel (`;`, UTF-8, header).

    generate.py OUT_DIR [--rows 10000000] [--register 2500000] [--seed 20091601]

The list mixes the number shapes people type (91234567, 912 34 567, +47 912 34 567, 0047…, 47…),
~25 % numbers that are in the register, ~3 % repeats, and a few invalid, foreign, special and empty
phone fields, so every washing branch is exercised. With --persons the register is written as the CSV
format instead (one person per number, for the snapshot-size and load-time measurement).
"""
import argparse
import os
import random

FIRST = ["Kari", "Ola", "Ingrid", "Per", "Anne", "Lars", "Nina", "Jon", "Marit", "Knut", "Åse", "Øystein",
         "Bjørn", "Eva", "Sindre", "Tone", "Håkon", "Liv", "Geir", "Hege"]
LAST = ["Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
        "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen",
        "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Sæther", "Bråten"]
PLACES = [("0150", "OSLO"), ("5003", "BERGEN"), ("7010", "TRONDHEIM"), ("4006", "STAVANGER"),
          ("9008", "TROMSØ"), ("3015", "DRAMMEN"), ("1606", "FREDRIKSTAD"), ("4610", "KRISTIANSAND"),
          ("2317", "HAMAR"), ("8006", "BODØ")]


def random_number(rng):
    """An allocated 8-digit mobile or fixed number."""
    while True:
        first = rng.choice("4999999922335567")
        n = first + "".join(rng.choice("0123456789") for _ in range(7))
        if n[:2] in ("42", "43", "44", "49", "58", "59") or n.startswith("4536"):
            continue
        return n


def shape(rng, n):
    r = rng.random()
    if r < 0.55:
        return n
    if r < 0.75:
        return f"{n[:3]} {n[3:5]} {n[5:]}"
    if r < 0.85:
        return f"+47 {n}"
    if r < 0.90:
        return f"0047 {n}"
    if r < 0.95:
        return f"+47{n}"
    return f"47{n}"


def odd_phone(rng):
    r = rng.random()
    if r < 0.30:
        return "".join(rng.choice("0123456789") for _ in range(rng.choice([5, 6, 7, 9])))  # wrong length
    if r < 0.50:
        return "+46 70 " + "".join(rng.choice("0123456789") for _ in range(7))  # foreign
    if r < 0.70:
        return "800 " + "".join(rng.choice("0123456789") for _ in range(5))  # special
    if r < 0.85:
        return ""  # missing
    return "ukjent"  # not a number


def write_person_register(out, reserved, rng):
    """register.csv in the documented CSV format: one reservation (person + number) per reserved number."""
    streets = ["Storgata", "Kirkeveien", "Parkveien", "Skolegata", "Bygdøy allé", "Strandgata", "Elvegata"]
    with open(os.path.join(out, "register.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("reservation_id;first_name;last_name;street;house_number;postcode;city;phones;telephone;"
                "addressed_mail;voluntary_orgs\n")
        batch = []
        for i, n in enumerate(reserved):
            postcode, place = rng.choice(PLACES)
            batch.append(f"r{i};{rng.choice(FIRST)};{rng.choice(LAST)} {i};{rng.choice(streets)};"
                         f"{rng.randint(1, 200)};{postcode};{place};{n};y;{rng.choice('yn')};{rng.choice('yn')}")
            if len(batch) == 100_000:
                f.write("\n".join(batch) + "\n")
                batch = []
        if batch:
            f.write("\n".join(batch) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--register", type=int, default=2_500_000)
    ap.add_argument("--seed", type=int, default=20091601)
    ap.add_argument("--persons", action="store_true", help="write register.csv with a person per number, no list")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)

    reserved = set()
    while len(reserved) < a.register:
        reserved.add(random_number(rng))
    reserved = sorted(reserved)
    rng.shuffle(reserved)
    if a.persons:
        write_person_register(a.out, reserved, rng)
        return
    with open(os.path.join(a.out, "register.txt"), "w", encoding="utf-8", newline="\n") as f:
        for start in range(0, len(reserved), 100_000):
            f.write("\n".join(reserved[start:start + 100_000]) + "\n")

    recent = []
    next_hit = 0
    with open(os.path.join(a.out, "list.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("kundenr;fornavn;etternavn;postnummer;poststed;telefon\n")
        batch = []
        for i in range(a.rows):
            r = rng.random()
            if r < 0.03 and recent:
                n = rng.choice(recent)
                phone = shape(rng, n)
            elif r < 0.05:
                phone = odd_phone(rng)
            elif r < 0.30:
                n = reserved[next_hit % len(reserved)]  # each reserved number once, like a real list
                next_hit += 1
                phone = shape(rng, n)
            else:
                n = random_number(rng)
                phone = shape(rng, n)
            if r >= 0.03 and not (0.03 <= r < 0.05) and len(recent) < 10_000:
                recent.append(n)
            postcode, place = rng.choice(PLACES)
            batch.append(f"{1000000 + i};{rng.choice(FIRST)};{rng.choice(LAST)};{postcode};{place};{phone}")
            if len(batch) == 100_000:
                f.write("\n".join(batch) + "\n")
                batch = []
        if batch:
            f.write("\n".join(batch) + "\n")


if __name__ == "__main__":
    main()
