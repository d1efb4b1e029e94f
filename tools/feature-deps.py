#!/usr/bin/env python3
"""Which feature of TMNormServer uses which: a feature uses another when one of its files names a type
declared in the other's folder. Prints the edges with the names that make them, then any cycles.
Support and App count as layers: Support must use no feature or App type; features may use Support.

Usage: tools/feature-deps.py [--fail-on-cycles] [--quiet]
"""
import os, re, sys, itertools

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "TMNormServer")
DECL = re.compile(r"^(?:public |internal |private |fileprivate |final |indirect )*(?:class|struct|enum|protocol|actor|typealias)\s+([A-Z][A-Za-z0-9_]*)", re.M)
STRING = re.compile(r'"(?:\\.|[^"\\])*"')


def code_only(text):
    """The text without string literals and line comments (block comments are not used in this code)."""
    return "\n".join(STRING.sub('""', line).split("//")[0] for line in text.splitlines())

def units():
    for top in ("App", "Support"):
        yield top, os.path.join(ROOT, top)
    features = os.path.join(ROOT, "Features")
    for name in sorted(os.listdir(features)):
        yield name, os.path.join(features, name)

def files(path):
    for dirpath, _, names in os.walk(path):
        for n in names:
            if n.endswith(".swift"):
                yield os.path.join(dirpath, n)

def main():
    owner, sources = {}, {}
    for unit, path in units():
        text = ""
        for f in files(path):
            with open(f, encoding="utf-8") as h:
                body = h.read()
            text += body + "\n"
            for m in DECL.finditer(body):
                owner.setdefault(m.group(1), unit)
        sources[unit] = code_only(text)
    edges = {}
    for unit, text in sources.items():
        words = set(re.findall(r"\b[A-Z][A-Za-z0-9_]*\b", text))
        for word in words:
            other = owner.get(word)
            if other and other != unit:
                edges.setdefault((unit, other), set()).add(word)
    quiet = "--quiet" in sys.argv
    if not quiet:
        for (a, b), names in sorted(edges.items()):
            print(f"{a} -> {b}: {', '.join(sorted(names))}")
    graph = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
    cycles = sorted({tuple(sorted((a, b))) for (a, b) in edges if (b, a) in edges and "App" not in (a, b)})
    support_up = sorted(b for (a, b) in edges if a == "Support")
    print(f"\n{len(edges)} dependencies between {len(sources)} units")
    print("two-way dependencies (cycles of two): " + (", ".join(f"{a}<->{b}" for a, b in cycles) or "none"))
    print("Support uses: " + (", ".join(f"{b} ({', '.join(sorted(edges[('Support', b)]))})" for b in support_up) or "nothing above it"))
    if "--fail-on-cycles" in sys.argv and (cycles or support_up):
        sys.exit(1)

main()
