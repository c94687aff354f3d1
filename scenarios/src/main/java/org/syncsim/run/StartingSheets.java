package org.syncsim.run;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.syncsim.engine.RandomStreams;
import org.syncsim.protocol.client.DataSheets;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.RunMemos;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.PlayerView;
import org.syncsim.protocol.data.SheetGenerator;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.data.codec.LibCompress;
import org.syncsim.protocol.data.codec.LuaVersion;
import org.syncsim.scenario.ClientSettings;
import org.syncsim.scenario.DataSpec;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.Member;

/**
 * The sheets every replication of a scenario starts from: the current sheet, the old one if a member holds it,
 * both encoded as their importer saved them, and the verdicts on their blobs. They depend on the scenario alone
 * (the sheet streams are seeded by {@code data.seed}, not by the replication), so they are made once per scenario
 * and shared, read-only, by the replications of every thread: a 40-member storm replication spent about a tenth
 * of its time generating, compressing and decoding the same sheet again.
 *
 * @param current the newest sheet at t = 0
 * @param currentEncoded {@code current} encoded for {@code data.timestamp}
 * @param oldEncoded the old sheet encoded for {@code data.old-timestamp}, or null if no member holds it
 * @param decoded the decoder's verdicts on the blobs of both encoded sheets
 */
record StartingSheets(AssignmentSet current, EncodedSheet currentEncoded, EncodedSheet oldEncoded,
        DataSheets.Decoded decoded) {
    /** Scenarios prepared lately, by identity (a run, a sweep point or a design cell holds one scenario object). */
    private static final int KEPT = 4;
    private static final LoadedScenario[] SCENARIOS = new LoadedScenario[KEPT];
    private static final StartingSheets[] SHEETS = new StartingSheets[KEPT];
    private static int next;

    /** The starting sheets of {@code s}: made on first use, then the same objects for every replication. */
    static StartingSheets of(LoadedScenario s) {
        synchronized (SCENARIOS) {
            for (int i = 0; i < KEPT; i++) {
                if (SCENARIOS[i] == s) {
                    return SHEETS[i];
                }
            }
            StartingSheets made = prepare(s);
            SCENARIOS[next] = s;
            SHEETS[next] = made;
            next = (next + 1) % KEPT;
            return made;
        }
    }

    /**
     * Fresh memos for one replication, whose chunk joins return these sheets' blob instances for equal texts: a
     * received section is then the very String the decoder's memo and the ground truth hold, found without
     * comparing kilobytes.
     */
    RunMemos memos() {
        RunMemos memos = new RunMemos();
        for (EncodedSheet sheet : oldEncoded == null ? List.of(currentEncoded) : List.of(currentEncoded, oldEncoded)) {
            memos.chunkJoins().remember(sheet.structureBlob());
            sheet.sectionBlobs().forEach(memos.chunkJoins()::remember);
        }
        return memos;
    }

    private static StartingSheets prepare(LoadedScenario s) {
        DataSpec d = s.scenario().data();
        AssignmentSet current;
        AssignmentSet old = null; // made only if a member holds it: streams are independent, so no draw moves
        boolean oldHeld = s.roster().stream().anyMatch(e -> e.data() == ClientSettings.Holds.OLD);
        if (s.sheet() != null) {
            current = s.sheet();
            if (oldHeld) {
                old = new SheetGenerator(sheetStream(s, "sheet/old")).withChanges(current, allSections(current));
            }
        } else {
            SheetSpec shape = SheetSpec.of(d.sections(), d.rows(), d.columns());
            current = new SheetGenerator(sheetStream(s, "sheet/current")).generate(shape);
            if (oldHeld) {
                old = new SheetGenerator(sheetStream(s, "sheet/old")).generate(shape);
            }
        }
        LuaVersion lua = StandardWorld.fixedChoices(s.scenario().protocol().choices()).lua();
        // Saved data was compressed by its importer in an earlier session, as that session's first compression;
        // that importer is taken to be the raid leader, whose view decides which sections carry Tank Columns.
        PlayerView savedBy = s.roster().stream().filter(e -> e.role() == Member.Role.LEADER).findFirst()
                .or(() -> s.roster().stream().findFirst())
                .map(e -> new PlayerView(e.name(), e.playerClass().wow(), e.group())).orElse(PlayerView.NOBODY);
        EncodedSheet currentEncoded = DataSheets.encode(current, d.timestamp(), LibCompress.loaded(lua), savedBy);
        EncodedSheet oldEncoded = old == null ? null
                : DataSheets.encode(old, d.oldTimestamp(), LibCompress.loaded(lua), savedBy);
        return new StartingSheets(current, currentEncoded, oldEncoded,
                oldEncoded == null ? DataSheets.Decoded.of(currentEncoded)
                        : DataSheets.Decoded.of(currentEncoded, oldEncoded));
    }

    /**
     * A stream of sheet content, seeded by {@code data.seed}: every replication of a scenario syncs the same sheets
     * (the content is part of the scenario; the replications vary what happens to it), and another
     * {@code data.seed} gives other sheets.
     */
    static UniformRandomProvider sheetStream(LoadedScenario s, String name) {
        Long seed = s.scenario().data().seed();
        return RandomStreams.fresh(seed == null ? 1L : seed, name); // a sheet file has no seed: its variants use 1
    }

    static SortedSet<Integer> allSections(AssignmentSet set) {
        SortedSet<Integer> all = new TreeSet<>();
        for (int i = 1; i <= set.size(); i++) {
            all.add(i);
        }
        return all;
    }
}
