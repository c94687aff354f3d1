package org.syncsim.protocol.plan;

import org.syncsim.channel.Priority;
import org.syncsim.protocol.wire.Command;

/** Policy 11, {@code throttle}: how a client paces what it sends (B18). */
public sealed interface Throttle {
    /** The ChatThrottleLib priority of a command under this policy. */
    Priority priorityOf(Command command);

    /** Head: straight to the server (or as the scenario's throttle setting says), every message NORMAL. */
    record Direct() implements Throttle {
        @Override
        public Priority priorityOf(Command command) {
            return Priority.NORMAL;
        }
    }

    /**
     * Through ChatThrottleLib at {@code maxCps} bytes/s with a {@code burst}, split over the raid if
     * {@code raidBudget} is set (each member gets min(maxCps, raidBudget / raid size), so a raid-wide storm stays
     * within it); requests, acknowledgements and announcements go ALERT, pushes BULK, so a pull is never stuck
     * behind a 60 KB push.
     */
    record Ctl(double maxCps, double burst, double raidBudget) implements Throttle {
        public Ctl {
            if (!(maxCps > 0) || !(burst > 0)) {
                throw new IllegalArgumentException("max-cps and burst must be above 0");
            }
            if (!(raidBudget >= 0)) {
                throw new IllegalArgumentException("raid-budget must not be negative");
            }
        }

        /** The bytes per second each of {@code members} may send. */
        public double cpsFor(int members) {
            return raidBudget == 0 ? maxCps : Math.min(maxCps, raidBudget / Math.max(1, members));
        }

        @Override
        public Priority priorityOf(Command command) {
            return switch (command) {
                case BSEC, BSSAME, BSTR, CHUNKED, CHUNK -> Priority.BULK;
                case TANK_CLEAR, TANK_SET -> Priority.NORMAL;
                default -> Priority.ALERT;
            };
        }
    }
}
