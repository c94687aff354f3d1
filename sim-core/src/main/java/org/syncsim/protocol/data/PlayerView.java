package org.syncsim.protocol.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addon's "player info" view of a section ({@code ProcessPlayerInfo}, {@code core/DataProcessing.lua:102-116}):
 * which sections mention the local player, and the one side effect on data that travels, the {@code Tank Columns}
 * metadata key. {@code GenerateOSDInfoForSection} ({@code DataProcessing.lua:881-905}) returns early for a section
 * with no relevant row; otherwise, when the key is missing or empty, it stores {@link #findTankRoleColumns} there.
 * The importer runs this before compressing (so blobs carry the key exactly for the sections that mention it), and
 * every receiver runs it again on what it decodes ({@code ProcessSectionData}, {@code DataProcessing.lua:845}).
 *
 * @param name the player's name ({@code UnitName("player")})
 * @param wowClass the player's class, or {@code null} if unknown (no class group then matches)
 * @param group the player's raid subgroup 1..8, or 0 when not in a raid group (group rows then never match,
 *     {@code DataProcessing.lua:299-305})
 */
public record PlayerView(String name, WowClass wowClass, int group) {

    /** A view no section mentions: encodes sections exactly as given. */
    public static final PlayerView NOBODY = new PlayerView("", null, 0);

    /** Role-header substrings that mark a tank column ({@code FindTankRoleColumns}, {@code DataUtility.lua:159-171}). */
    static final List<String> TANK_WORDS = List.of("tank", "mt", "ot", "maintank", "main tank", "offtank",
            "off tank", "t1", "t2", "t3", "t4", "tank1", "tank2", "tank3", "tank4");

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** The group search of each raid subgroup 1..8 (index 0 unused), compiled once: receivers run it on every store. */
    private static final Pattern[] GROUP_SEARCH = new Pattern[9];

    static {
        for (int g = 1; g <= 8; g++) {
            GROUP_SEARCH[g] = Pattern.compile("(group|gr\\.|gr|grp)\\s*" + g);
        }
    }

    public PlayerView {
        if (name == null) {
            throw new IllegalArgumentException("a player view needs a name");
        }
        if (group < 0 || group > 8) {
            throw new IllegalArgumentException("raid subgroup must be 0 (none) or 1..8, got " + group);
        }
    }

    /** Whether any row mentions this player statically (name, class group) or by its raid subgroup. */
    public boolean relevant(Section section) {
        return mentionsStatically(section) || mentionsGroup(section);
    }

    /**
     * {@code ProcessStaticPlayerInfoForSection} ({@code DataProcessing.lua:193-219}): a row whose first cell is not
     * {@code Note}, {@code Warning} or {@code GUID} is relevant when a non-empty cell from column 3 on equals the
     * player's name or its class group word.
     */
    boolean mentionsStatically(Section section) {
        String plural = wowClass == null ? null : wowClass.plural();
        for (Row row : section.rows()) {
            List<String> values = row.values();
            String first = values.isEmpty() ? "" : values.get(0);
            if (first.equals("Note") || first.equals("Warning") || first.equals("GUID")) {
                continue;
            }
            for (int c = 2; c < values.size(); c++) {
                String cell = values.get(c);
                if (!cell.isEmpty() && (cell.equals(name) || cell.equals(plural))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code ProcessDynamicPlayerInfoForSection} ({@code DataProcessing.lua:311-360}): over the rows the metadata's
     * {@code Group Rows} lists, a non-empty cell from column 3 on is relevant when its lower-case text contains
     * {@code group}, {@code gr.}, {@code gr} or {@code grp}, optional spaces, then the group number ({@code
     * string.find}: a substring, so {@code Group 12} also matches group 1), or when it contains {@code Group}
     * (case-sensitive) and any digit run equal to the group number ({@code Groups 1, 3, 5}).
     */
    boolean mentionsGroup(Section section) {
        if (group == 0) {
            return false;
        }
        Pattern find = GROUP_SEARCH[group];
        for (int index : section.metadata().groupRows()) {
            if (index < 1 || index > section.rows().size()) {
                continue;
            }
            List<String> values = section.rows().get(index - 1).values();
            for (int c = 2; c < values.size(); c++) {
                String cell = values.get(c);
                if (!cell.isEmpty() && (find.matcher(cell.toLowerCase(Locale.ROOT)).find() || namesGroup(cell))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean namesGroup(String cell) {
        if (!cell.contains("Group")) {
            return false;
        }
        Matcher m = DIGITS.matcher(cell);
        while (m.find()) {
            String digits = m.group().replaceFirst("^0+(?=\\d)", "");
            if (digits.length() <= 1 && Integer.parseInt(digits) == group) {
                return true;
            }
        }
        return false;
    }

    /**
     * The section as this player's addon holds it after {@code ProcessPlayerInfo}: when the section mentions the
     * player and its {@code Tank Columns} key is missing or empty, the key becomes {@link #findTankRoleColumns}
     * ({@code DataProcessing.lua:896-904}); otherwise unchanged.
     */
    public Section process(Section section) {
        List<Integer> columns = localTankColumns(section, null);
        return columns == section.metadata().tankColumns() ? section : section.withTankColumns(columns);
    }

    /** {@link #process} of every section. */
    public AssignmentSet process(AssignmentSet set) {
        List<Section> out = new ArrayList<>(set.size());
        for (Section s : set.sections()) {
            out.add(process(s));
        }
        return new AssignmentSet(out);
    }

    /**
     * The {@code Tank Columns} key of a received section in this player's stored data ({@code null}: no key): the
     * decoded section's own key, else the key the entry it replaced had ({@code inherited}; {@code
     * ProcessSectionData} copies the old metadata's keys the new one lacks, {@code DataProcessing.lua:751-775}),
     * then {@link #process}'s rule.
     */
    public List<Integer> localTankColumns(Section section, List<Integer> inherited) {
        List<Integer> key = section.metadata().hasTankColumns() ? section.metadata().tankColumns() : inherited;
        if ((key == null || key.isEmpty()) && relevant(section)) {
            return findTankRoleColumns(section.header());
        }
        return key;
    }

    /**
     * {@code FindTankRoleColumns} ({@code core/DataUtility.lua:141-190}): the 1-based header columns whose
     * lower-case text {@code ROLE_MAPPINGS} maps to {@code tank} ({@code core/Constants.lua:210-231}; every such key
     * contains one of {@link #TANK_WORDS}) or that contain one of {@link #TANK_WORDS} as a substring, so {@code Tank
     * Heal} and {@code Shot Caller} (which contains {@code ot}) count. Possibly empty.
     */
    public static List<Integer> findTankRoleColumns(List<String> header) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String lc = header.get(i).toLowerCase(Locale.ROOT);
            if (TANK_WORDS.stream().anyMatch(lc::contains)) {
                out.add(i + 1);
            }
        }
        return out;
    }
}
