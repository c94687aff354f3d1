package org.syncsim.protocol.wire;

/**
 * A typed wire message of any generation. Timestamps are the data version in whole seconds (§3 notation
 * {@code <ts>}); section indices are 1-based; payloads are byte strings (one char per byte).
 */
public sealed interface Message {
    Command command();

    /** {@code SECTION:<ts>:<idx>} (§3.1). */
    record Section(long ts, int index) implements Message {
        public Command command() {
            return Command.SECTION;
        }
    }

    /**
     * {@code BSREQ:<ts>} (§3.2); ts 0 stands for "no timestamp" (fresh install / non-numeric field). Under the
     * plan's {@code differential}, {@code BSREQ:<ts>:<digest>}: one content hash per section index 1..n of the data
     * the requester holds, an empty entry for a section it does not hold whole; an empty list is no digest.
     */
    record BulkRequest(long ts, java.util.List<String> digest) implements Message {
        public BulkRequest {
            digest = java.util.List.copyOf(digest);
        }

        /** A request without a digest (the addon's). */
        public BulkRequest(long ts) {
            this(ts, java.util.List.of());
        }

        public Command command() {
            return Command.BSREQ;
        }
    }

    /** {@code BSACK:<ts>:<responder>} (§3.3). */
    record BulkAck(long ts, String responder) implements Message {
        public Command command() {
            return Command.BSACK;
        }
    }

    /** {@code BSEC:<ts>:<idx>:<data>}; data is 0xF1+Base64 or {@code CHUNKED:<tid>} (§3.4). */
    record BulkSection(long ts, int index, String data) implements Message {
        public Command command() {
            return Command.BSEC;
        }
    }

    /** {@code BSTR:<ts>:<data>}; data is 0xF1+Base64 or {@code CHUNKED:<tid>} (§3.5). */
    record BulkStructure(long ts, String data) implements Message {
        public Command command() {
            return Command.BSTR;
        }
    }

    /** {@code CHUNKED:<total bytes>:<tid>:<chunk count>} (§3.6). */
    record ChunkHeader(long totalBytes, String transferId, int count) implements Message {
        public Command command() {
            return Command.CHUNKED;
        }
    }

    /** {@code CHUNK:<tid>:<n>:<payload>}, n 1-based (§3.7). */
    record Chunk(String transferId, int n, String payload) implements Message {
        public Command command() {
            return Command.CHUNK;
        }
    }

    /**
     * {@code BSMISS:<ts>:<pusher>:<i,j,...>}: the sections (ascending, possibly none) a receiver of the push of
     * version ts lacks, asked of the member it came from (the plan's {@code recovery} policy).
     */
    record MissingRequest(long ts, String pusher, java.util.List<Integer> indexes) implements Message {
        public MissingRequest {
            indexes = java.util.List.copyOf(indexes);
        }

        public Command command() {
            return Command.BSMISS;
        }
    }

    /**
     * {@code BSSAME:<ts>:<i>=<hash>,...}: the sections (ascending index, at least one) a differential push of
     * version ts left out, each with the content hash of its section (the plan's {@code differential} policy).
     */
    record UnchangedSections(long ts, java.util.SortedMap<Integer, String> hashes) implements Message {
        public UnchangedSections {
            hashes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(hashes));
        }

        public Command command() {
            return Command.BSSAME;
        }
    }

    /** {@code VER:<major>.<minor>.<patch>} (§3.8). */
    record Version(int major, int minor, int patch) implements Message {
        public Command command() {
            return Command.VER;
        }

        public String text() {
            return major + "." + minor + "." + patch;
        }
    }

    /** A declared-only command (MSREQ, MSACK, MSRES): {@code CMD} or {@code CMD:<rest>} (§3.0). */
    record Declared(Command command, String rest) implements Message {
        public Declared {
            if (command != Command.MSREQ && command != Command.MSACK && command != Command.MSRES) {
                throw new IllegalArgumentException("not a declared-only command: " + command);
            }
        }
    }

    /** G0 {@code DREQ:<ts>} (§10.1). */
    record DataRequest(long ts) implements Message {
        public Command command() {
            return Command.DREQ;
        }
    }

    /** G0 {@code DRES:<ts>:<data>} (§10.1). */
    record DataResponse(long ts, String data) implements Message {
        public Command command() {
            return Command.DRES;
        }
    }

    /** {@code ANC:<ts>:<importer>} (G0) or {@code ANC:<ts>} (G1, importer empty) (§10). */
    record Announce(long ts, String importer) implements Message {
        public Command command() {
            return Command.ANC;
        }
    }

    /** G1 {@code SREQ:<ts>} (§10.2). */
    record StructureRequest(long ts) implements Message {
        public Command command() {
            return Command.SREQ;
        }
    }

    /** G1 {@code SRES:<ts>:<b64>} (§10.2). */
    record StructureResponse(long ts, String data) implements Message {
        public Command command() {
            return Command.SRES;
        }
    }

    /** G1 {@code SECREQ:<ts>:<idx>} (§10.2). */
    record SectionRequest(long ts, int index) implements Message {
        public Command command() {
            return Command.SECREQ;
        }
    }

    /** G1 {@code SECRES:<ts>:<idx>:<b64>} (§10.2). */
    record SectionResponse(long ts, int index, String data) implements Message {
        public Command command() {
            return Command.SECRES;
        }
    }

    /** Tank Sync {@code MT CLEAR} (prefix CTRA, §3.9). */
    record TankClear() implements Message {
        public Command command() {
            return Command.TANK_CLEAR;
        }
    }

    /** Tank Sync {@code SET <slot> <name>} (prefix CTRA, §3.9); the addon writes {@code Empty} for no tank. */
    record TankSet(int slot, String name) implements Message {
        public Command command() {
            return Command.TANK_SET;
        }
    }
}
