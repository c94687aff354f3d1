package org.syncsim.channel.link;

/**
 * A scheduled outage of a client's link to the server in {@code [fromMicros, untilMicros)}: what it sends then is
 * rejected and what would arrive then is lost (reason {@code OUTAGE}).
 *
 * @param client the client whose link fails, or {@link #ALL_CLIENTS}
 */
public record Outage(long fromMicros, long untilMicros, int client) {
    public static final int ALL_CLIENTS = -1;

    public Outage {
        if (untilMicros < fromMicros) {
            throw new IllegalArgumentException("outage ends before it starts: " + fromMicros + ".." + untilMicros);
        }
    }

    public boolean covers(int c, long t) {
        return (client == ALL_CLIENTS || client == c) && t >= fromMicros && t < untilMicros;
    }
}
