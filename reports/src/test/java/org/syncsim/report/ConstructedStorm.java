package org.syncsim.report;

import java.util.ArrayList;
import java.util.List;
import org.syncsim.metrics.DropReason;
import org.syncsim.metrics.RunRecorder;
import org.syncsim.metrics.RunResult;

/**
 * A raid storm built from recorder calls with known numbers: 40 clients (a leader, two assistants, 37 members),
 * the leader imports at 10 s, members 1..39 each send a 30-byte BSREQ at 10 s + 0.1 s·c, the leader answers
 * members 1..38 with a 2000-byte BSEC, and member c of replication r syncs after exactly (1 + 0.1·c + 0.2·r) s;
 * member 39 never syncs. Replication r also sends r VER messages of 500 bytes. Replication 0 has a server
 * disconnect of the leader at 12 s, replication 1 an aborted handler on member 5. Progress: everyone holds the
 * newest data (1) until the import, the members then 0 until they sync (1); member 39 reaches 0.5 at 18 s.
 */
public final class ConstructedStorm {
    static final long S = 1_000_000L;
    static final int CLIENTS = 40;
    static final int BSREQ_BYTES = 30;
    static final int BSEC_BYTES = 2000;
    static final int VER_BYTES = 500;

    private ConstructedStorm() {
    }

    static List<String> names() {
        List<String> n = new ArrayList<>();
        n.add("Leader");
        n.add("Assist1");
        n.add("Assist2");
        for (int i = 3; i < CLIENTS; i++) {
            n.add(String.format(java.util.Locale.ROOT, "Raider%02d", i + 1));
        }
        return n;
    }

    static List<ClientInfo> roster() {
        List<ClientInfo> r = new ArrayList<>();
        List<String> names = names();
        for (int i = 0; i < CLIENTS; i++) {
            r.add(new ClientInfo(names.get(i), i == 0 ? "leader" : i < 3 ? "assistant" : "member"));
        }
        return r;
    }

    /** Member c's wait in replication r, in microseconds. */
    static long timeToSync(int c, int r) {
        return S + c * (S / 10) + r * (S / 5);
    }

    static RunResult replication(int r, long seed) {
        RunRecorder rec = new RunRecorder(names(), S);
        for (int c = 0; c < CLIENTS; c++) {
            rec.initialData(c, 100);
            rec.memberJoined(0, c);
            rec.progress(0, c, 1);
        }
        long t0 = 10 * S;
        rec.dataImported(t0, 0, 200);
        for (int c = 1; c < CLIENTS; c++) {
            rec.progress(t0, c, 0);
        }
        for (int v = 0; v < r; v++) {
            rec.messageSent(t0 + v * S, 0, "VER", VER_BYTES, 0);
        }
        for (int c = 1; c < CLIENTS; c++) {
            long req = t0 + c * (S / 10);
            rec.requestSent(req, c, "BSREQ");
            rec.messageSent(req, c, "BSREQ", BSREQ_BYTES, 0);
            rec.messageDelivered(req + 80_000, c, 0, "BSREQ", BSREQ_BYTES);
        }
        for (int c = 1; c < CLIENTS - 1; c++) {
            long push = t0 + c * (S / 10) + 200_000;
            rec.throttleQueue(push - 100_000, 0, c, (long) c * BSEC_BYTES);
            rec.messageSent(push, 0, "BSEC", BSEC_BYTES, c * 10_000L);
            rec.responseStarted(push, 0, "BSEC");
            rec.messageDelivered(push + 80_000, 0, c, "BSEC", BSEC_BYTES);
            rec.clientSynced(t0 + timeToSync(c, r), c, 200);
            rec.progress(t0 + timeToSync(c, r), c, 1);
        }
        rec.progress(t0 + 8 * S, CLIENTS - 1, 0.5);
        rec.throttleQueue(t0 + 5 * S, 0, 0, 0);
        if (r == 0) {
            rec.serverDisconnect(12 * S, 0, 42 * S);
            rec.messageRejected(12 * S, 0, "BSEC", BSEC_BYTES, DropReason.values()[0]);
        }
        if (r == 1) {
            rec.handlerAborted(11 * S, 5, "BSEC", "Handler");
        }
        return rec.result(seed, 20 * S, 12_345, "time");
    }

    public static ReportInput input(int replications, String label, String description) {
        List<RunResult> reps = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            reps.add(replication(r, 1000 + r));
        }
        return new ReportInput("constructed-storm", label, description,
                "name: constructed-storm\n# a <script>alert('x')</script> & more\n", 1000, List.of("raid.size=40"),
                roster(), List.of(new BudgetLine("server limit 2000 B/s per client", 2000)), reps);
    }
}
