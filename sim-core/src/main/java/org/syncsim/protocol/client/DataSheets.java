package org.syncsim.protocol.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.PlayerView;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.SectionPayloads;
import org.syncsim.protocol.data.codec.LibCompress;
import org.syncsim.protocol.data.codec.LuaVersion;

/** Bridges the data layer ({@code protocol.data}) to what clients import and decode. */
public final class DataSheets {
    /** The addon writes at most 100 names into the structure ({@code Compression.lua:102}, §5.3). */
    public static final int STRUCTURE_CAP = 100;

    /** The data layer's decoder: real Base64 + Huffman + Lua-text parsing. */
    public static final PayloadDecoder DECODER = new PayloadDecoder() {
        @Override
        public Optional<List<String>> structureNames(String blob) {
            return Optional.ofNullable(SectionPayloads.decodeStructure(blob).valueOrNull());
        }

        @Override
        public Optional<Section> section(String blob) {
            return Optional.ofNullable(SectionPayloads.decodeSection(blob).valueOrNull());
        }
    };

    private DataSheets() {
    }

    /**
     * {@link #DECODER} with a memo of the last {@code capacity} verdicts per blob: a storm makes every member decode
     * the same blobs dozens of times. Results are identical; the memo is not thread-safe, so use one per run. It
     * holds only what depends on the blob alone: a decoded section is immutable and shared, and each client derives
     * its own {@code Tank Columns} from it ({@link org.syncsim.protocol.data.PlayerView#localTankColumns}). Decoded
     * sections are big, so that memo keeps a sixteenth of {@code capacity} (at least 16).
     */
    public static PayloadDecoder cachingDecoder(int capacity) {
        return cachingDecoder(capacity, Decoded.NONE);
    }

    /** {@link #cachingDecoder(int)} that starts out knowing the verdicts of {@code known} (shared, never changed). */
    public static PayloadDecoder cachingDecoder(int capacity, Decoded known) {
        return new PayloadDecoder() {
            private final Map<String, Optional<List<String>>> structures = lru(capacity, known.structures);
            private final Map<String, Boolean> sections = lru(capacity, known.usable);
            private final Map<String, Optional<Section>> decoded = lru(Math.max(16, capacity / 16), known.sections);
            private final Function<String, Optional<List<String>>> decodeStructure = DECODER::structureNames;
            /** Judged from the memoised decode, so a blob judged and then read decodes once. */
            private final Function<String, Boolean> judge = PayloadDecoder.super::sectionUsable;
            private final Function<String, Optional<Section>> decodeFully = DECODER::section;

            @Override
            public Optional<List<String>> structureNames(String blob) {
                return memo(structures, blob, decodeStructure);
            }

            @Override
            public boolean sectionUsable(String blob) {
                return memo(sections, blob, judge);
            }

            @Override
            public Optional<Section> section(String blob) {
                return memo(decoded, blob, decodeFully);
            }
        };
    }

    /** {@code memo.computeIfAbsent(blob, decode)} for a decoder that never returns null. */
    private static <V> V memo(Map<String, V> memo, String blob, Function<String, V> decode) {
        V known = memo.get(blob);
        if (known != null) {
            return known;
        }
        V v = decode.apply(blob);
        memo.put(blob, v);
        return v;
    }

    private static <V> Map<String, V> lru(int capacity, Map<String, V> first) {
        Map<String, V> memo = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
        memo.putAll(first);
        return memo;
    }

    /**
     * The decoder's verdicts on the blobs of some sheets, decoded once: the sheets every replication of a scenario
     * starts from, so that each replication's {@link #cachingDecoder(int, Decoded) decoder} need not decode them
     * again. Immutable (decoded sections are), so the replications of every thread share one.
     */
    public static final class Decoded {
        /** Knows nothing. */
        public static final Decoded NONE = new Decoded(Map.of(), Map.of(), Map.of());

        private final Map<String, Optional<List<String>>> structures;
        private final Map<String, Boolean> usable;
        private final Map<String, Optional<Section>> sections;

        private Decoded(Map<String, Optional<List<String>>> structures, Map<String, Boolean> usable,
                Map<String, Optional<Section>> sections) {
            this.structures = structures;
            this.usable = usable;
            this.sections = sections;
        }

        /** The verdicts on every blob of {@code sheets}, in sheet order (the order a fresh decoder would meet them). */
        public static Decoded of(EncodedSheet... sheets) {
            Map<String, Optional<List<String>>> structures = new LinkedHashMap<>();
            Map<String, Boolean> usable = new LinkedHashMap<>();
            Map<String, Optional<Section>> sections = new LinkedHashMap<>();
            for (EncodedSheet sheet : sheets) {
                structures.computeIfAbsent(sheet.structureBlob(), b -> DECODER.structureNames(b).map(List::copyOf));
                for (String blob : sheet.sectionBlobs()) {
                    Optional<Section> section = sections.computeIfAbsent(blob, DECODER::section);
                    usable.put(blob, section.map(Section::hasDisplayableRow).orElse(false));
                }
            }
            return new Decoded(Collections.unmodifiableMap(structures), Collections.unmodifiableMap(usable),
                    Collections.unmodifiableMap(sections));
        }
    }

    /**
     * {@code set} as an importable source: every section as the importer's addon processes it, and the structure,
     * encoded for the import's timestamp.
     */
    public static SheetSource source(AssignmentSet set) {
        return (ts, lib, importer) -> encode(set, ts, lib, importer);
    }

    /** {@link #encode(AssignmentSet, long, LibCompress)} by a library as Lua 5.1 runs it (the spec's measurements). */
    public static EncodedSheet encode(AssignmentSet set, long ts) {
        return encode(set, ts, LibCompress.loaded(LuaVersion.LUA_5_1));
    }

    /** {@code set} encoded exactly as given: {@link #encode(AssignmentSet, long, LibCompress, PlayerView)} by nobody. */
    public static EncodedSheet encode(AssignmentSet set, long ts, LibCompress lib) {
        return encode(set, ts, lib, PlayerView.NOBODY);
    }

    /**
     * The addon's encoding of {@code set} at data timestamp {@code ts} (§5.2, §5.3) by the importer's library
     * {@code lib}, in the addon's order: the structure, then each section ascending ({@code StoreSegmentedData},
     * {@code Compression.lua:601-650}), which decides what a Lua 5.0 library's reused table holds. Each section is
     * first processed from the {@code importer}'s point of view ({@link PlayerView#process}): the import runs
     * {@code ProcessPlayerInfo} on the new data before compressing it for sync ({@code core/Base64.lua:700-750},
     * {@code SaveAssignments} in {@code core/DataUtility.lua:380-545}), so a blob has {@code Tank Columns} exactly
     * when its section had it or mentions the importer.
     */
    public static EncodedSheet encode(AssignmentSet set, long ts, LibCompress lib, PlayerView importer) {
        List<String> names = set.sectionNames();
        String structure = SectionPayloads.encodeStructure(names.subList(0, Math.min(names.size(), STRUCTURE_CAP)),
                lib);
        List<String> blobs = new ArrayList<>(set.size());
        for (Section s : set.sections()) {
            blobs.add(SectionPayloads.encodeSection(importer.process(s), ts, lib));
        }
        return new EncodedSheet(names, blobs, structure);
    }
}
