#!/usr/bin/env python3
"""Applies, one at a time, the HeadClient mutants that PIT's third run left alive and later tests kill, runs the test
class meant to kill each, restores the source, and prints killed / SURVIVES (docs/testing.md).

    python3 sim-core/src/test/pit/hand-mutants.py      # from the project root; about a minute per mutant
"""
import pathlib
import subprocess

SOURCE = pathlib.Path("sim-core/src/main/java/org/syncsim/protocol/head/HeadClient.java")
# name: (text replaced, replacement, test class)
MUTANTS = {
    "onChunk: duplicate count removed": (
        "            metrics.duplicateTransfer(env.sim().now(), id, Command.CHUNK.token());\n", "",
        "HeadClientHandlersTest"),
    "onChunkHeader: duplicate count removed": (
        "            metrics.duplicateTransfer(env.sim().now(), id, Command.CHUNKED.token());\n", "",
        "HeadClientHandlersTest"),
    "refusal: permissions reason empty": (
        '            return "sender may not announce or push";', '            return "";', "PermissionsTest"),
    "refusal: max-future reason empty": (
        '                return "version too far in the future";', '                return "";',
        "MonotonicVersionsTest"),
    "refusal: older BSEC reason empty": (
        '                return "BSEC older than the data held";', '                return "";',
        "MonotonicVersionsTest"),
    "quiet: BSMISS request count removed": (
        "            metrics.requestSent(env.sim().now(), id, Command.BSMISS.token());\n", "", "RecoveryTest"),
    "onMissingRequest: response count removed": (
        "        metrics.responseStarted(env.sim().now(), id, Command.BSMISS.token());\n", "", "RecoveryTest"),
    "tryApplyStaged: buildSkeleton removed": (
        "        buildSkeleton(names, st.ts);\n", "", "RecoveryTest"),
    "syncInProgress: returns true": (
        "        return rt.syncInProgress;", "        return true;", "HeadClientHandlersTest"),
    "syncInProgress: returns false": (
        "        return rt.syncInProgress;", "        return false;", "HeadClientHandlersTest"),
}

original = SOURCE.read_text(encoding="utf-8")
try:
    for name, (old, new, test) in MUTANTS.items():
        if original.count(old) != 1:
            print(f"{name}: the code it mutates has changed; update this script")
            continue
        SOURCE.write_text(original.replace(old, new), encoding="utf-8")
        passed = subprocess.run(["mvn", "-B", "-q", "-o", "-pl", "sim-core", "test", f"-Dtest={test}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
        print(f"{name}: {'SURVIVES' if passed else 'killed'} ({test})")
finally:
    SOURCE.write_text(original, encoding="utf-8")
