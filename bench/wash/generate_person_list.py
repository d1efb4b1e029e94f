#!/usr/bin/env python3
"""A call list with person columns for the person-matched washing benchmark (bench/README.md), drawn from
the person register that `generate.py --persons` wrote:

    generate_person_list.py REGISTER.csv LIST.csv [--rows 10000000] [--seed 20091602]

Columns `kundenr;fornavn;etternavn;gateadresse;husnummer;postnummer;poststed;telefon`. About 25 % of the
rows are reserved persons from the register, each once, written the ways lists spell them (case, "Storgt."
for "Storgata", "Kirkev." for "Kirkeveien", a middle name, a leading zero in the number) and mostly with
another phone number than the register's, so they are found by person only; ~3 % repeat a number; a few
phone fields are invalid, foreign, special or empty; the rest are people not in the register.
"""
import argparse
import random

from generate import FIRST, LAST, PLACES, odd_phone, random_number, shape

STREETS = ["Storgata", "Kirkeveien", "Parkveien", "Skolegata", "Bygdøy allé", "Strandgata", "Elvegata"]
VARIANTS = {
    "Storgata": ["Storgata", "Storgt.", "Storgaten", "STORGATA", "Stor gata"],
    "Kirkeveien": ["Kirkeveien", "Kirkev.", "Kirkevn.", "Kirkevegen", "kirkeveien"],
    "Parkveien": ["Parkveien", "Parkv.", "Park vei", "Parkveg"],
    "Skolegata": ["Skolegata", "Skolegt", "Skolegate"],
    "Bygdøy allé": ["Bygdøy allé", "Bygdøy alle", "Bygdøyalleen", "BYGDØY ALLÉ"],
    "Strandgata": ["Strandgata", "Strandgt.", "Strand gate"],
    "Elvegata": ["Elvegata", "Elvegaten", "Elvegt."],
}


def spelled(rng, first, last, street, number):
    """The register person as a list might write it."""
    r = rng.random()
    if r < 0.2:
        first = first + " " + rng.choice(FIRST)
    elif r < 0.3:
        first, last = first.upper(), last.upper()
    street = rng.choice(VARIANTS.get(street, [street]))
    if rng.random() < 0.1:
        number = "0" + number
    return first, last, street, number


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("register")
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--seed", type=int, default=20091602)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    persons = []
    with open(a.register, encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\n").split(";")
            persons.append((p[1], p[2], p[3], p[4], p[5], p[6], p[7]))
    rng.shuffle(persons)
    next_person = 0
    recent = []
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("kundenr;fornavn;etternavn;gateadresse;husnummer;postnummer;poststed;telefon\n")
        batch = []
        for i in range(a.rows):
            r = rng.random()
            n = None
            if r < 0.03 and recent:
                n = rng.choice(recent)
                phone = shape(rng, n)
            elif r < 0.05:
                phone = odd_phone(rng)
            else:
                n = random_number(rng)
                phone = shape(rng, n)
            if r < 0.30 and r >= 0.05 and next_person < len(persons):
                first, last, street, number, postcode, place, registered = persons[next_person]
                next_person += 1
                first, last, street, number = spelled(rng, first, last, street, number)
                if rng.random() < 0.1:
                    n = registered  # sometimes with the number the register has too
                    phone = shape(rng, n)
            else:
                postcode, place = rng.choice(PLACES)
                first, last = rng.choice(FIRST), f"{rng.choice(LAST)} {rng.randint(0, 9_999_999) + 3_000_000}"
                street, number = rng.choice(STREETS), str(rng.randint(1, 200))
            if n is not None and r >= 0.05 and len(recent) < 10_000:
                recent.append(n)
            batch.append(f"{1000000 + i};{first};{last};{street};{number};{postcode};{place};{phone}")
            if len(batch) == 100_000:
                f.write("\n".join(batch) + "\n")
                batch = []
        if batch:
            f.write("\n".join(batch) + "\n")


if __name__ == "__main__":
    main()
