package org.syncsim.protocol.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Seeded generator of realistic assignment sheets, modelled on the spec's synthetic data sets (§5.6): Naxxramas
 * boss names as section names, raid-target icons cycling down the rows, a quarter of role cells empty, cells filled
 * with player names from a roster or with class and group words, two notes and one warning per section.
 *
 * <p>Tuned to the measured sizes of §5.6 (checked by {@code SheetSizeCalibrationTest}). The spec's serialised
 * sizes grow by about 14 bytes per cell (rows × columns) over a fixed part of about 460 bytes. A first roster of
 * 6-letter names gave 13.5 bytes per cell over 500 fixed, i.e. small sheets slightly too big and large ones too
 * small (16 × 25 × 10 at 65 messages). So the roster names were lengthened to 7-8 letters (WoW names are 2-12)
 * and the notes shortened to 5-10 words, warnings to 3-7 words. 80 % of filled cells are player names, the rest
 * class or group words, as in real sheets. Result: every table row within about 2 % of the measured push bytes.
 * Everything is drawn from the given generator in a fixed order, so one seed always gives the same sheet.
 *
 * <p>Sections come as the importer's spreadsheet gives them: without a {@code Tank Columns} key. The importer's
 * addon adds it to the sections that mention it ({@link PlayerView#process}) before compressing.
 */
public final class SheetGenerator {

    /** Naxxramas encounters in raid order; sections beyond 16 repeat them with a suffix. */
    static final List<String> SECTION_NAMES = List.of(
            "Anub'Rekhan", "Grand Widow Faerlina", "Maexxna", "Noth the Plaguebringer", "Heigan the Unclean",
            "Loatheb", "Instructor Razuvious", "Gothik the Harvester", "The Four Horsemen", "Patchwerk",
            "Grobbulus", "Gluth", "Thaddius", "Sapphiron", "Kel'Thuzad", "Naxxramas Trash");

    static final List<String> ICONS = List.of("Skull", "Cross", "Square", "Moon", "Triangle", "Diamond", "Circle", "Star");

    static final List<String> ROLES = List.of(
            "Tank", "Off Tank", "Heal", "Heal", "DPS", "Interrupt", "Dispel", "Decurse", "Tank", "Heal", "Kite",
            "Fear Ward", "Tranq", "CC", "Pull", "Backup");

    static final List<String> TARGETS = List.of(
            "Crypt Guard", "Naxxramas Cultist", "Deathknight Understudy", "Plagued Ghoul", "Stitched Giant",
            "Living Monstrosity", "Necro Knight", "Venom Stalker", "Sludge Belcher", "Frozen Wastes", "Adds",
            "Boss", "Spore", "Web Wrap", "Zombie Chow", "Shade of Naxxramas");

    static final List<String> ROSTER = List.of(
            "Aldricus", "Brynjolf", "Cassius", "Dornakh", "Elowenne", "Fenwick", "Gorrimar", "Halvard", "Isoldae",
            "Jorundir", "Kaelith", "Lotharin", "Maribel", "Nerithas", "Orrinel", "Perrinth", "Quillara", "Rowenna",
            "Sorrelin", "Thornek", "Ulricht", "Vesperia", "Wyndham", "Xanthea", "Yoricko", "Zeldari", "Anselm",
            "Bronwyn", "Cedrick", "Darrowyn", "Eirawen", "Fallonar", "Gideonn", "Hestiana", "Ivoraa", "Juniper",
            "Kestrel", "Leorick", "Mireille", "Nyxara");

    static final List<String> CLASS_WORDS = List.of(
            "Warriors", "Priests", "Druids", "Paladins", "Shamans", "Mages", "Warlocks", "Hunters", "Rogues");

    static final List<String> GROUP_WORDS = List.of(
            "Group 1", "Group 2", "Group 3", "Group 4", "Group 5", "Group 6", "Group 7", "Group 8");

    static final List<String> NOTE_WORDS = List.of(
            "stack", "behind", "the", "boss", "on", "pull", "spread", "out", "for", "the", "bombs", "tanks",
            "swap", "at", "three", "stacks", "healers", "stay", "in", "range", "of", "your", "group", "use",
            "nature", "resistance", "gear", "and", "potions", "interrupt", "every", "cast", "move", "to", "the",
            "left", "side", "when", "adds", "spawn", "kill", "priority", "is", "skull", "then", "cross");

    /** Words per note and per warning (tuned, see class comment). */
    static final int NOTE_WORDS_MIN = 5;
    static final int NOTE_WORDS_MAX = 10;
    static final int WARNING_WORDS_MIN = 3;
    static final int WARNING_WORDS_MAX = 7;

    /** Probability that a filled cell holds a player name; the rest is split between class and group words. */
    static final double PLAYER_SHARE = 0.8;

    private final UniformRandomProvider rng;

    public SheetGenerator(UniformRandomProvider rng) {
        this.rng = rng;
    }

    /** A sheet of the given shape. */
    public AssignmentSet generate(SheetSpec spec) {
        List<Section> sections = new ArrayList<>(spec.sections());
        for (int s = 0; s < spec.sections(); s++) {
            sections.add(section(spec, s));
        }
        return new AssignmentSet(sections);
    }

    /** The name of section {@code s} (0-based) in a generated sheet. */
    public static String sectionName(int s) {
        String base = SECTION_NAMES.get(s % SECTION_NAMES.size());
        int round = s / SECTION_NAMES.size();
        return round == 0 ? base : base + " " + (round + 1);
    }

    private Section section(SheetSpec spec, int s) {
        String name = sectionName(s);
        int roles = spec.columns() - 2;
        List<String> header = new ArrayList<>(spec.columns());
        header.add("Icon");
        header.add("Target");
        for (int r = 0; r < roles; r++) {
            header.add(ROLES.get(r % ROLES.size()));
        }
        List<Row> rows = new ArrayList<>(spec.rows());
        for (int i = 0; i < spec.rows(); i++) {
            String icon = ICONS.get(i % ICONS.size());
            String target = i == 0 ? name : pick(TARGETS);
            List<String> cells = new ArrayList<>(roles);
            for (int c = 0; c < roles; c++) {
                cells.add(cell(spec.emptyFraction()));
            }
            rows.add(new Row(icon, target, cells));
        }
        List<String> notes = new ArrayList<>();
        for (int n = 0; n < spec.notesPerSection(); n++) {
            notes.add(sentence(NOTE_WORDS_MIN, NOTE_WORDS_MAX));
        }
        List<String> warnings = new ArrayList<>();
        for (int n = 0; n < spec.warningsPerSection(); n++) {
            warnings.add(sentence(WARNING_WORDS_MIN, WARNING_WORDS_MAX));
        }
        return new Section(name, header, rows,
                new SectionMetadata(notes, warnings, List.of(), groupRows(rows)));
    }

    private String cell(double emptyFraction) {
        if (rng.nextDouble() < emptyFraction) {
            return "";
        }
        double u = rng.nextDouble();
        if (u < PLAYER_SHARE) {
            return pick(ROSTER);
        }
        return u < PLAYER_SHARE + (1 - PLAYER_SHARE) / 2 ? pick(CLASS_WORDS) : pick(GROUP_WORDS);
    }

    private String sentence(int minWords, int maxWords) {
        int n = minWords + rng.nextInt(maxWords - minWords + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = pick(NOTE_WORDS);
            if (i == 0) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            } else {
                sb.append(' ');
            }
            sb.append(w);
        }
        return sb.append('.').toString();
    }

    /**
     * 1-based indices of rows that assign a whole group (what the addon's {@code Group Rows} lists, and what its
     * sender generates when a section has none, spec §5.2).
     */
    public static List<Integer> groupRows(List<Row> rows) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (String cell : rows.get(i).cells()) {
                if (cell.startsWith("Group ")) {
                    out.add(i + 1);
                    break;
                }
            }
        }
        return out;
    }

    private String pick(List<String> pool) {
        return pool.get(rng.nextInt(pool.size()));
    }

    /**
     * A later import of {@code base} in which the sections with the given 1-based indices changed: in each, about
     * one filled cell in ten (at least one) is re-drawn to a different value. Other sections are identical (their
     * payload bytes still change on re-import, because the timestamp is inside every payload, spec §5.2).
     */
    public AssignmentSet withChanges(AssignmentSet base, SortedSet<Integer> changedSections) {
        List<Section> sections = new ArrayList<>(base.sections());
        for (int index : changedSections) {
            if (index < 1 || index > sections.size()) {
                throw new IllegalArgumentException("no section " + index + " in a sheet of " + sections.size());
            }
            sections.set(index - 1, changed(sections.get(index - 1)));
        }
        return new AssignmentSet(sections);
    }

    /** {@code count} distinct section indices out of 1..sectionCount, uniformly, sorted. */
    public SortedSet<Integer> pickSections(int sectionCount, int count) {
        if (count < 0 || count > sectionCount) {
            throw new IllegalArgumentException("cannot pick " + count + " of " + sectionCount);
        }
        int[] all = new int[sectionCount];
        for (int i = 0; i < sectionCount; i++) {
            all[i] = i + 1;
        }
        SortedSet<Integer> out = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(sectionCount - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
            out.add(all[i]);
        }
        return out;
    }

    private Section changed(Section section) {
        int roles = section.roleCount();
        if (section.rows().isEmpty() || roles == 0) {
            return section.withNote(sentence(NOTE_WORDS_MIN, NOTE_WORDS_MAX));
        }
        int cells = section.rows().size() * roles;
        int edits = Math.max(1, cells / 10);
        Section out = section;
        for (int e = 0; e < edits; e++) {
            int k = rng.nextInt(cells);
            int row = k / roles;
            int col = k % roles;
            String old = out.rows().get(row).cells().get(col);
            String value;
            do {
                value = pick(ROSTER);
            } while (value.equals(old));
            out = out.withCell(row, col, value);
        }
        List<Row> rows = out.rows();
        SectionMetadata m = out.metadata();
        return new Section(out.name(), out.header(), rows,
                new SectionMetadata(m.notes(), m.warnings(), m.guids(), groupRows(rows), m.tankColumns()),
                out.needsProcessing());
    }
}
