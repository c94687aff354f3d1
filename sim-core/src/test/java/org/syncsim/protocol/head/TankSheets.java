package org.syncsim.protocol.head;

import java.util.ArrayList;
import java.util.List;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.Row;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.SectionMetadata;

/** Hand-built sheets whose Tank Sync slots are known from the rule of spec §3.9 / {@code TankList}. */
final class TankSheets {
    /** Slots of {@link #tanks}: column 3 (Aldricus, Cassius), then column 5 (Brynjolf, Aldricus again, Dornakh). */
    static final List<String> TANKS_SLOTS = List.of("Aldricus", "Cassius", "Brynjolf", "Dornakh", "Empty", "Empty",
            "Empty", "Empty", "Empty", "Empty");
    /** Slots of {@link #otherTanks}: column 4 only. */
    static final List<String> OTHER_SLOTS = List.of("Halvard", "Isoldae", "Empty", "Empty", "Empty", "Empty",
            "Empty", "Empty", "Empty", "Empty");

    private TankSheets() {
    }

    static SectionMetadata meta(List<Integer> tankColumns) {
        return new SectionMetadata(List.of(), List.of(), List.of(), List.of(), tankColumns);
    }

    /** Tank columns 3 and 5. */
    static Section tanks(String name) {
        return new Section(name, List.of("Icon", "Target", "Tank", "Heal", "Off Tank"), List.of(
                Row.of("Skull", "Boss", "Aldricus", "Maribel", "Brynjolf"),
                Row.of("Cross", "Add", "Cassius", "", "Aldricus"),
                Row.of("Moon", "Add", "", "Quillara", "Dornakh")), meta(List.of(3, 5)));
    }

    /** No tank columns (the role names do not matter, only the metadata). */
    static Section noTanks(String name) {
        return new Section(name, List.of("Icon", "Target", "Tank", "Heal"), List.of(
                Row.of("Skull", "Boss", "Aldricus", "Maribel")), meta(List.of()));
    }

    /** Tank column 4. */
    static Section otherTanks(String name) {
        return new Section(name, List.of("Icon", "Target", "Heal", "Tank"), List.of(
                Row.of("Skull", "Boss", "Maribel", "Halvard"),
                Row.of("Star", "Boss", "Fenwick", "Isoldae")), meta(List.of(4)));
    }

    /** Section 1 with tanks, 2 without, 3 with other tanks. */
    static AssignmentSet sheet() {
        return new AssignmentSet(List.of(tanks("Patchwerk"), noTanks("Grobbulus"), otherTanks("Gluth")));
    }

    /** The same names, section 1 replaced by {@link #otherTanks}. */
    static AssignmentSet changed() {
        return new AssignmentSet(List.of(otherTanks("Patchwerk"), noTanks("Grobbulus"), otherTanks("Gluth")));
    }

    static List<String> setTexts(List<String> slots) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            texts.add("SET " + (i + 1) + " " + slots.get(i));
        }
        return texts;
    }
}
