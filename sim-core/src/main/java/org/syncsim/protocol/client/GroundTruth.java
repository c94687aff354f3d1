package org.syncsim.protocol.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The newest data any client imported (highest timestamp; a same-second re-import replaces it), against which
 * clients judge "I now hold the newest complete data" (time-to-sync) and, at the end, "I claim the newest
 * timestamp but hold other content" (desync, B9/B10/B11). Shared by all clients of one run.
 */
public final class GroundTruth {
    private long timestamp = Long.MIN_VALUE;
    private EncodedSheet sheet;
    private long publishedAt;
    private final List<Runnable> watchers = new ArrayList<>();

    /**
     * An import (or a preloaded saved-variables set) at {@code timestamp}; kept if not older than the current. A kept
     * publication that changes the timestamp or the sheet tells every watcher, in the order they started watching.
     */
    public void publish(long timestamp, EncodedSheet sheet, long now) {
        if (this.sheet == null || timestamp >= this.timestamp) {
            boolean changed = this.sheet != sheet || this.timestamp != timestamp;
            this.timestamp = timestamp;
            this.sheet = sheet;
            this.publishedAt = now;
            if (changed) {
                for (Runnable w : watchers) {
                    w.run();
                }
            }
        }
    }

    /**
     * Calls {@code watcher} after every publication that changes the newest data, so that what is judged against
     * it (a client's progress) is judged again then, and not on every event.
     */
    public void watch(Runnable watcher) {
        watchers.add(watcher);
    }

    public boolean isPresent() {
        return sheet != null;
    }

    /** The newest data timestamp; meaningful only if {@link #isPresent()}. */
    public long timestamp() {
        return timestamp;
    }

    public EncodedSheet sheet() {
        return sheet;
    }

    /** Virtual time at which the newest data was published. */
    public long publishedAt() {
        return publishedAt;
    }

    /**
     * True if a client with these values holds exactly the newest data: both timestamps equal it, the structure
     * and every section blob 1..n equal it, and no section 1..n is marked missing.
     */
    public boolean heldBy(long a, long c, int dataCount, String structure, Map<Integer, String> sections,
            Map<Integer, String> missing) {
        if (sheet == null || a != timestamp || c != timestamp || dataCount != sheet.size()
                || !sheet.structureBlob().equals(structure)) {
            return false;
        }
        for (int i = 1; i <= sheet.size(); i++) {
            if (!sheet.sectionBlobs().get(i - 1).equals(sections.get(i)) || missing.containsKey(i)) {
                return false;
            }
        }
        return true;
    }
}
