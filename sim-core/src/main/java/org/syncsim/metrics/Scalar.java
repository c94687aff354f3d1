package org.syncsim.metrics;

/**
 * The scalar metrics of a run, in the order {@link RunResult#scalars()} lists them: each metric's stable key (its
 * name in {@code summary.json}, never to be changed) and the words reports show for it, kept in one place so that
 * no file spells a metric on its own.
 */
public enum Scalar {
    VIRTUAL_TIME_S("virtual_time_s", "Run length (virtual time)"),
    EVENTS("events"),
    SENT_MESSAGES("sent_messages", "Messages sent (all clients)", "messages sent"),
    SENT_BYTES("sent_bytes", "Bytes sent (all clients)", "bytes sent"),
    SYNC_EPISODES("sync_episodes", "Waits for new data"),
    TIME_TO_SYNC_P50_S("time_to_sync_p50_s", "Time to sync, median (p50)", "time to sync p50 (s)"),
    TIME_TO_SYNC_P95_S("time_to_sync_p95_s", "Time to sync, p95", "time to sync p95 (s)"),
    TIME_TO_SYNC_MAX_S("time_to_sync_max_s", "Time to sync, worst wait"),
    WAITING_AT_END("waiting_at_end", "Members still waiting at the end", "waiting at end"),
    NEVER_SYNCED_FRACTION("never_synced_fraction"),
    DESYNCED_AT_END("desynced_at_end", "Members silently desynced at the end"),
    REQUESTS("requests", "Requests started (data pulls)"),
    RESPONSES("responses", "Responses (pushes sent in answer)"),
    DUPLICATE_TRANSFERS("duplicate_transfers", "Duplicate transfers"),
    ABORTED_HANDLERS("aborted_handlers", "Aborted handlers (Lua errors)"),
    MALFORMED_MESSAGES("malformed_messages"),
    REFUSED_MESSAGES("refused_messages", "Messages refused by a policy (sender not permitted, version out of bounds)"),
    SERVER_DISCONNECTS("server_disconnects", "Server disconnects", "server disconnects"),
    REJECTED_MESSAGES("rejected_messages"),
    LOST_COPIES("lost_copies", "Copies lost in delivery"),
    QUEUE_DELAY_P95_S("queue_delay_p95_s", "Throttle queue delay, p95"),
    QUEUE_DELAY_MAX_S("queue_delay_max_s"),
    CPU_TOTAL_MS("cpu_total_ms", "Lua CPU, all clients (ms)", "Lua CPU (ms)"),
    CPU_WORST_FRAME_MS("cpu_worst_frame_ms", "Longest freeze: most Lua CPU in one frame (ms)", "worst frame (ms)"),
    HITCH_FRAMES("hitch_frames", "Frames frozen beyond the hitch threshold (all clients)", "hitch frames");

    private final String key;
    private final String label;
    private final String shortLabel;

    Scalar(String key) {
        this(key, key);
    }

    Scalar(String key, String label) {
        this(key, label, label);
    }

    Scalar(String key, String label, String shortLabel) {
        this.key = key;
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** The stable name, e.g. {@code sent_bytes}: the key in {@code summary.json} and in the CLI's tables. */
    public String key() {
        return key;
    }

    /** The words of a report's table, e.g. "Bytes sent (all clients)"; the key for a metric without any. */
    public String label() {
        return label;
    }

    /** The words where room is short (a chart's axis), e.g. "bytes sent"; the {@link #label} if there are none. */
    public String shortLabel() {
        return shortLabel;
    }

    /** Whether the metric also has one entry per command, e.g. {@code sent_bytes.BSEC}. */
    public boolean perCommand() {
        return this == SENT_MESSAGES || this == SENT_BYTES;
    }

    /** The key of this metric for one command, e.g. {@code sent_bytes.BSEC}; only {@link #perCommand} ones have it. */
    public String forCommand(String command) {
        if (!perCommand()) {
            throw new IllegalStateException(key + " is not counted per command");
        }
        return key + "." + command;
    }
}
