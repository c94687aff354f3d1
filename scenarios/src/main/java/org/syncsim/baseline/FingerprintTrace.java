package org.syncsim.baseline;

import java.util.ArrayDeque;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.syncsim.engine.HashingTrace;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.TraceSink;

/**
 * A trace sink that takes a replication's {@link Fingerprint} as it runs and, given the baseline's, finds where
 * the two first differ ({@link Divergence}) without keeping the trace: only the few events before the current one.
 *
 * <p>Each event is the line {@code <time µs>\t<kind>\t<details>}; its 64-bit FNV-1a hash over the line's UTF-16
 * code units is {@code h}. A block's hash starts at FNV's offset basis and takes {@code x = (x ^ h) * prime} per
 * event; its 32 bits are {@code x ^ (x >>> 32)}. An event's code is its kind's index in {@link #KINDS} (7 for any
 * other) shifted left by 5, or'ed with the low 5 bits of {@code h ^ (h >>> 32)}.
 */
public final class FingerprintTrace implements TraceSink {
    /** The trace's kinds (docs/results.md), in the order of their codes. */
    static final List<String> KINDS = List.of("action", "send", "reject", "deliver", "lost", "presence", "stop");
    private static final long FNV_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int CONTEXT = 3;

    private final int replication;
    private final long seed;
    private final Fingerprint expected;
    private final byte[] expectedPrefix;
    private final HashingTrace sha = new HashingTrace();
    private final StringBuilder blocks = new StringBuilder();
    private final byte[] prefix = new byte[Fingerprint.PREFIX_EVENTS];
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private long events;
    private long block = FNV_BASIS;
    private String blockFirstLine;
    private Divergence divergence;

    /** A sink for replication {@code replication} (seed {@code seed}), compared with {@code expected} if not null. */
    public FingerprintTrace(int replication, long seed, Fingerprint expected) {
        this.replication = replication;
        this.seed = seed;
        this.expected = expected;
        this.expectedPrefix = expected == null ? null : expected.prefixCodes();
    }

    @Override
    public void record(long time, String kind, String details) {
        sha.record(time, kind, details);
        String line = time + "\t" + kind + "\t" + details;
        long h = FNV_BASIS;
        for (int i = 0; i < line.length(); i++) {
            h = (h ^ line.charAt(i)) * FNV_PRIME;
        }
        int k = KINDS.indexOf(kind);
        byte code = (byte) ((k < 0 ? 7 : k) << 5 | (int) ((h ^ h >>> 32) & 31));
        long i = events;
        if (i < prefix.length) {
            prefix[(int) i] = code;
        }
        if (expected != null && divergence == null) {
            compare(i, code, line);
        }
        if (i % Fingerprint.BLOCK_EVENTS == 0) {
            blockFirstLine = line;
        }
        block = (block ^ h) * FNV_PRIME;
        events++;
        if (events % Fingerprint.BLOCK_EVENTS == 0) {
            endBlock();
        }
        if (expected != null && divergence == null) {
            recent.addLast(line);
            if (recent.size() > CONTEXT) {
                recent.removeFirst();
            }
        }
    }

    /**
     * Event {@code i} against the baseline: past its end (named here when every event before is known to match:
     * the prefix codes them all, or the baseline ended on a block boundary; else the block's hash names the block),
     * or another code within the prefix.
     */
    private void compare(long i, byte code, String line) {
        boolean allCoded = expectedPrefix.length == expected.events();
        if (i >= expected.events() && (allCoded || expected.events() % Fingerprint.BLOCK_EVENTS == 0)) {
            divergence = new Divergence(true, i, i, display(line), null, before());
        } else if (i < expectedPrefix.length && expectedPrefix[(int) i] != code) {
            divergence = new Divergence(true, i, i, display(line), kindOf(expectedPrefix[(int) i]), before());
        }
    }

    /** Closes the last, partial block; call once the replication has ended. */
    public void finish() {
        if (expected != null && divergence == null && events < expected.events()
                && (events <= expectedPrefix.length || events % Fingerprint.BLOCK_EVENTS == 0)) {
            divergence = new Divergence(true, events, events, null, kindAt(events), before());
        }
        if (events % Fingerprint.BLOCK_EVENTS != 0) {
            endBlock();
        }
    }

    /** This replication's fingerprint (after {@link #finish}). */
    public Fingerprint fingerprint() {
        byte[] codes = java.util.Arrays.copyOf(prefix, (int) Math.min(events, prefix.length));
        return new Fingerprint(replication, seed, events, sha.hex(), Fingerprint.BLOCK_EVENTS, blocks.toString(),
                Fingerprint.PREFIX_EVENTS, Base64.getEncoder().encodeToString(codes));
    }

    /** Where this trace first differs from the expected fingerprint (after {@link #finish}), or null if nowhere. */
    public Divergence divergence() {
        return divergence;
    }

    private void endBlock() {
        long b = (events - 1) / Fingerprint.BLOCK_EVENTS;
        String hex = String.format(Locale.ROOT, "%08x", (int) (block ^ block >>> 32));
        blocks.append(hex);
        if (expected != null && divergence == null && (b >= expected.blockCount() || !expected.block(b).equals(hex))) {
            long first = b * Fingerprint.BLOCK_EVENTS;
            divergence = new Divergence(false, first, events - 1, display(blockFirstLine), null, List.of());
        }
        block = FNV_BASIS;
    }

    private String kindAt(long i) {
        return i < expectedPrefix.length ? kindOf(expectedPrefix[(int) i]) : null;
    }

    private static String kindOf(byte code) {
        int k = (code & 0xff) >>> 5;
        return k < KINDS.size() ? KINDS.get(k) : "other";
    }

    private List<String> before() {
        return recent.stream().map(FingerprintTrace::display).toList();
    }

    /** A hashed line as a trace file holds it: seconds with six decimals, kind, details. */
    private static String display(String line) {
        int tab = line.indexOf('\t');
        return String.format(Locale.ROOT, "%.6f", SimTime.toSeconds(Long.parseLong(line.substring(0, tab))))
                + line.substring(tab);
    }
}
