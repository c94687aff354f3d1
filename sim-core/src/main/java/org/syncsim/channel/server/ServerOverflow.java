package org.syncsim.channel.server;

import java.util.Locale;

/** What the server does with a message that finds a client's token bucket too low; chosen by name. */
public sealed interface ServerOverflow permits ServerOverflow.Disconnect, ServerOverflow.Drop {
    /**
     * The message is discarded and the client disconnected for {@code micros}: it neither sends nor receives until
     * it is back and has reloaded. The realistic default (addon-channel.md, "The server").
     */
    record Disconnect(long micros) implements ServerOverflow {
        public Disconnect {
            if (micros < 0) {
                throw new IllegalArgumentException("disconnect duration must be >= 0, got " + micros);
            }
        }
    }

    /** Only the excess message is discarded. */
    record Drop() implements ServerOverflow {
    }

    /** {@code disconnect} (for {@code disconnectMicros}) or {@code drop}. */
    static ServerOverflow named(String name, long disconnectMicros) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "disconnect" -> new Disconnect(disconnectMicros);
            case "drop" -> new Drop();
            default -> throw new IllegalArgumentException(
                    "unknown server overflow policy '" + name + "' (expected disconnect or drop)");
        };
    }
}
