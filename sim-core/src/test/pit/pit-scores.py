#!/usr/bin/env python3
"""Mutation scores per package from PIT's mutations.xml (docs/testing.md).

    python3 sim-core/src/test/pit/pit-scores.py [--survivors] [sim-core/target/pit-reports/mutations.xml ...]

Killed = PIT's 'detected' (KILLED, TIMED_OUT, MEMORY_ERROR, RUN_ERROR); the score is killed / all mutants, the
uncovered ones (NO_COVERAGE) included, as PIT's own summary counts it. Several files (one run per package) are
merged. --survivors also lists every SURVIVED and NO_COVERAGE mutant by class and line.
"""
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

args = [a for a in sys.argv[1:] if not a.startswith("--")]
survivors = "--survivors" in sys.argv
files = args or ["sim-core/target/pit-reports/mutations.xml"]

seen = {}
for f in files:
    for m in ET.parse(f).getroot().iter("mutation"):
        key = (m.findtext("mutatedClass"), m.findtext("mutatedMethod"), m.findtext("methodDescription"),
               m.findtext("lineNumber"), m.findtext("mutator"), m.findtext("indexes/index"), m.findtext("description"))
        seen[key] = (m.get("detected") == "true", m.get("status"))

rows = defaultdict(lambda: [0, 0, 0])  # package -> killed, survived, no coverage
for (cls, *_), (detected, status) in seen.items():
    pkg = cls.rsplit(".", 1)[0]
    r = rows[pkg]
    r[0 if detected else (2 if status == "NO_COVERAGE" else 1)] += 1

def line(name, k, s, n):
    total = k + s + n
    return f"| `{name}` | {k} | {s} | {n} | {total} | {100.0 * k / total:.1f} % |"

print("| package | killed | survived | no coverage | total | killed % |")
print("|---|---:|---:|---:|---:|---:|")
tops = defaultdict(lambda: [0, 0, 0])
for pkg in sorted(rows):
    print(line(pkg, *rows[pkg]))
    top = ".".join(pkg.split(".")[:3])
    for i in range(3):
        tops[top][i] += rows[pkg][i]
for top in sorted(tops):
    print(line(top + ".**", *tops[top]))

if survivors:
    print()
    by_class = defaultdict(list)
    for (cls, method, _desc, ln, _mut, _idx, what), (detected, status) in seen.items():
        if not detected:
            by_class[cls].append((int(ln), method, what, status))
    for cls in sorted(by_class):
        print(cls)
        for ln, method, what, status in sorted(by_class[cls]):
            print(f"  {ln:5d} {method}: {what}{' (no coverage)' if status == 'NO_COVERAGE' else ''}")
