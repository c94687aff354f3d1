package org.syncsim.protocol.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.syncsim.protocol.data.Row;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.codec.ByteStrings;

/**
 * The main tanks Tank Sync ({@code UpdateTanks}, spec §3.9) assigns from one section. Rule: only a section whose
 * {@code Section Metadata} lists at least one {@code Tank Columns} index has tanks (§3.9: "the current section has
 * {@code Tank Columns} metadata"; an empty list names no column). The indices are 1-based over a row as the addon
 * stores it (icon = 1, target = 2, then the role cells, §5.1). For each listed column in list order, then each row in
 * order, a non-empty cell not already taken is appended, up to {@value #SLOTS} names; slots beyond them are sent as
 * {@code Empty} (§3.9, {@code SET <i> <name|Empty>} for i = 1..10). The collection order (columns outer, rows inner,
 * first occurrence kept) is the addon's {@code UpdateTanks} loop in its public history ({@code AutoTanks.lua}); the
 * spec names the source and the 11-message burst but not the loop. The metadata is the client's local one: a
 * section without the key has no tanks ({@code features/AutoTanks.lua:70} reads
 * {@code metadata["Tank Columns"] or {}}), and whether a client has the key depends on whom the section mentions
 * ({@link org.syncsim.protocol.data.PlayerView#localTankColumns}).
 */
public final class TankList {
    /** Tank slots sent after {@code MT CLEAR} ({@code AutoTanks.lua:124-136}, §11). */
    public static final int SLOTS = 10;
    /** What a slot without a tank carries (§3.9). */
    public static final String EMPTY = "Empty";

    private TankList() {
    }

    /**
     * The names of slots 1..{@value #SLOTS} as wire byte strings (UTF-8 bytes, one char per byte), unnamed slots
     * {@link #EMPTY}; empty if the section has no or an empty {@code Tank Columns} key (then Tank Sync sends
     * nothing).
     */
    public static Optional<List<String>> of(Section section) {
        List<Integer> columns = section.metadata().tankColumns();
        if (columns == null || columns.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(SLOTS);
        for (int column : columns) {
            for (Row row : section.rows()) {
                List<String> values = row.values();
                if (names.size() == SLOTS) {
                    break;
                }
                if (column < 1 || column > values.size()) {
                    continue;
                }
                String name = values.get(column - 1);
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        List<String> slots = new ArrayList<>(SLOTS);
        for (int i = 0; i < SLOTS; i++) {
            slots.add(i < names.size() ? ByteStrings.string(names.get(i).getBytes(StandardCharsets.UTF_8)) : EMPTY);
        }
        return Optional.of(List.copyOf(slots));
    }
}
