package org.syncsim.report;

import java.util.ArrayList;
import java.util.List;
import org.syncsim.metrics.RunRecorder;
import org.syncsim.metrics.RunResult;

/**
 * Two-member runs for time-to-sync tests: leader L imports new data at 1 s and member M gets it a given number of
 * seconds later, or never; each run lasts 60 s.
 */
public final class OneWait {
    private OneWait() {
    }

    /** One run on {@code seed}; {@code wait} null means M's wait never ends. */
    public static RunResult run(long seed, Double wait) {
        RunRecorder rec = new RunRecorder(List.of("L", "M"), 1_000_000);
        rec.initialData(0, 1);
        rec.initialData(1, 1);
        rec.memberJoined(0, 0);
        rec.memberJoined(0, 1);
        rec.dataImported(1_000_000, 0, 2);
        if (wait != null) {
            rec.clientSynced(1_000_000 + Math.round(wait * 1e6), 1, 2);
        }
        return rec.result(seed, 60_000_000, 0, "time");
    }

    /** Replication i runs on seed i + 1 with the i-th wait. */
    public static ReportInput input(String label, Double... waits) {
        List<RunResult> reps = new ArrayList<>();
        for (int i = 0; i < waits.length; i++) {
            reps.add(run(i + 1, waits[i]));
        }
        return new ReportInput("s", label, "", "", 1, List.of(), List.of(new ClientInfo("L", "leader"),
                new ClientInfo("M", "member")), List.of(), reps);
    }
}
