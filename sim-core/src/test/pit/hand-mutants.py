#!/usr/bin/env python3
"""Applies, one at a time, the mutants that PIT runs left alive and later tests kill (HeadClient's from the third
run, the chunk package's from the fourth, the client package's from the fifth), runs the test class meant to kill each, restores the source, and prints
killed / SURVIVES (docs/testing.md).

    python3 sim-core/src/test/pit/hand-mutants.py          # from the project root; about a minute per mutant
    python3 sim-core/src/test/pit/hand-mutants.py chunk    # only the mutants whose name contains "chunk"
"""
import pathlib
import subprocess
import sys

HEAD = "sim-core/src/main/java/org/syncsim/protocol/head/HeadClient.java"
CHUNK = "sim-core/src/main/java/org/syncsim/protocol/chunk/"
CLIENT = "sim-core/src/main/java/org/syncsim/protocol/client/"
# name: (text replaced, replacement, test class[, source file, HeadClient.java if absent])
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
    "chunk onChunk: ensureInitialized removed": (
        "        ensureInitialized();\n        int id = transferIds.find(tid);", "        int id = transferIds.find(tid);",
        "ChunkManagerTest", CHUNK + "ChunkManager.java"),
    "chunk onChunk: touch removed": (
        "        receiving.touch(id, getTime);\n", "", "ChunkManagerTest", CHUNK + "ChunkManager.java"),
    "chunk retrieve: received > 0 boundary": (
        "r.received > 0 && assemble", "r.received >= 0 && assemble", "ChunkManagerTest", CHUNK + "ChunkManager.java"),
    "chunk isCompleted: returns false": (
        "        return processed.containsKey(transferIds.find(tid));", "        return false;", "ChunkManagerTest",
        CHUNK + "ChunkManager.java"),
    "chunk store: out of range is no duplicate": (
        "            if (n < 1 || n > expected) {\n                return true;",
        "            if (n < 1 || n > expected) {\n                return false;", "ChunkManagerTest",
        CHUNK + "ChunkManager.java"),
    "chunk transferIdOf: colon boundary": (
        "return colon < 0 ? rest", "return colon <= 0 ? rest", "ChunkManagerTest", CHUNK + "ChunkSender.java"),
    "chunk sameInstances: comparison negated": (
        "            if (a[i] != b[i]) {", "            if (a[i] == b[i]) {", "ChunkJoinsTest", CHUNK + "ChunkJoins.java"),
    "chunk SweptTable.clear: fill removed": (
        "        Arrays.fill(values, null);\n", "", "SweptTableTest", CHUNK + "SweptTable.java"),
    "chunk SweptTable.sweep: in-order boundary": (
        "                    if (!(now - t > age)) {", "                    if (!(now - t >= age)) {", "SweptTableTest",
        CHUNK + "SweptTable.java"),
    "chunk SweptTable.sweep: out-of-order boundary": (
        "                if (now - t > age) {\n                    drop", "                if (now - t >= age) {\n                    drop",
        "SweptTableTest", CHUNK + "SweptTable.java"),
    "chunk SweptTable.drop: release removed": (
        "            dropped.accept(id);\n", "", "SweptTableTest", CHUNK + "SweptTable.java"),
    "chunk TextIds.size: returns 0": (
        "        return ids.size();", "        return 0;", "SweptTableTest", CHUNK + "TextIds.java"),
    "client importTarget: + replaced by -": (
        "indexOf(previousName) + 1)", "indexOf(previousName) - 1)", "HeadClientHandlersTest",
        CLIENT + "AddonClient.java"),
    "client receive: message cost removed": (
        "        cpu.message(text.length());\n        Message m = parse(", "        Message m = parse(", "ClientCpuTest",
        CLIENT + "AddonClient.java"),
    "client sendOn: message cost removed": (
        "        cpu.message(text.length());\n        env.channel().send(", "        env.channel().send(", "ClientCpuTest",
        CLIENT + "AddonClient.java"),
    "client priorityOf: returns null": (
        "        return Priority.NORMAL;", "        return null;", "SeedClientHandlersTest", CLIENT + "AddonClient.java"),
    "client syncInProgress: base returns true": (
        "    protected boolean syncInProgress() {\n        return false;",
        "    protected boolean syncInProgress() {\n        return true;", "SeedClientHandlersTest",
        CLIENT + "AddonClient.java"),
    "client importSheet: checkSynced removed": (
        "        afterImport(ts);\n        checkSynced();\n", "        afterImport(ts);\n", "HeadClientHandlersTest",
        CLIENT + "AddonClient.java"),
    "client acceptedOrCounted: command label negated": (
        '(r.command() == null ? "" : " " + r.command())', '(r.command() != null ? "" : " " + r.command())',
        "HeadClientHandlersTest", CLIENT + "AddonClient.java"),
    "client luaRandom: shared negated": (
        "config.choices().luaRandom() == FixedChoices.LuaRandom.SHARED",
        "config.choices().luaRandom() != FixedChoices.LuaRandom.SHARED", "HeadClientHandlersTest",
        CLIENT + "AddonClient.java"),
    "client scheduleUnprotected: a return reported as null": (
        "                return AddonTimers.Outcome.RETURNED;", "                return null;", "SeedClientHandlersTest",
        CLIENT + "AddonClient.java"),
    "client GroundTruth.publish: older kept": (
        "timestamp >= this.timestamp)", "timestamp > this.timestamp)", "GroundTruthTest", CLIENT + "GroundTruth.java"),
    "client GroundTruth.publish: unchanged tells": (
        "this.sheet != sheet || this.timestamp != timestamp", "this.sheet == sheet || this.timestamp != timestamp",
        "GroundTruthTest", CLIENT + "GroundTruth.java"),
    "client GroundTruth.isPresent: true": (
        "        return sheet != null;", "        return true;", "GroundTruthTest", CLIENT + "GroundTruth.java"),
    "client GroundTruth.publishedAt: 0": (
        "        return publishedAt;", "        return 0;", "GroundTruthTest", CLIENT + "GroundTruth.java"),
    "client ProgressGauge.noneMissing: true": (
        "                return false;\n            }\n        }\n        return true;",
        "                return true;\n            }\n        }\n        return true;", "ProgressGaugeTest",
        CLIENT + "ProgressGauge.java"),
    "client ProgressGauge.noneMissing: range boundary": (
        "for (int i = 1; i <= n; i++) {\n            if (missing", "for (int i = 1; i < n; i++) {\n            if (missing",
        "ProgressGaugeTest", CLIENT + "ProgressGauge.java"),
    "client ClientConfig: colon at 0 allowed": (
        "name.indexOf(':') >= 0", "name.indexOf(':') > 0", "ClientConfigTest", CLIENT + "ClientConfig.java"),
    "client ClientConfig: group 8 refused": (
        "group > 8)", "group >= 8)", "ClientConfigTest", CLIENT + "ClientConfig.java"),
    "client PresenceBridge: loading screen end not told": (
        "            c.loadingScreen();\n", "", "PresenceBridgeTest", CLIENT + "PresenceBridge.java"),
}

only = sys.argv[1] if len(sys.argv) > 1 else ""
for name, (old, new, test, *where) in MUTANTS.items():
    if only not in name:
        continue
    source = pathlib.Path(where[0] if where else HEAD)
    original = source.read_text(encoding="utf-8")
    if original.count(old) != 1:
        print(f"{name}: the code it mutates has changed; update this script")
        continue
    try:
        source.write_text(original.replace(old, new), encoding="utf-8")
        passed = subprocess.run(["mvn", "-B", "-q", "-o", "-pl", "sim-core", "test", f"-Dtest={test}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
        print(f"{name}: {'SURVIVES' if passed else 'killed'} ({test})")
    finally:
        source.write_text(original, encoding="utf-8")
