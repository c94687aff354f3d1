package org.syncsim.protocol.wire;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.syncsim.protocol.wire.Message.Announce;
import org.syncsim.protocol.wire.Message.BulkAck;
import org.syncsim.protocol.wire.Message.MissingRequest;
import org.syncsim.protocol.wire.Message.BulkRequest;
import org.syncsim.protocol.wire.Message.BulkSection;
import org.syncsim.protocol.wire.Message.BulkStructure;
import org.syncsim.protocol.wire.Message.Chunk;
import org.syncsim.protocol.wire.Message.ChunkHeader;
import org.syncsim.protocol.wire.Message.DataRequest;
import org.syncsim.protocol.wire.Message.DataResponse;
import org.syncsim.protocol.wire.Message.Declared;
import org.syncsim.protocol.wire.Message.Section;
import org.syncsim.protocol.wire.Message.SectionRequest;
import org.syncsim.protocol.wire.Message.SectionResponse;
import org.syncsim.protocol.wire.Message.StructureRequest;
import org.syncsim.protocol.wire.Message.StructureResponse;
import org.syncsim.protocol.wire.Message.TankClear;
import org.syncsim.protocol.wire.Message.TankSet;
import org.syncsim.protocol.wire.Message.UnchangedSections;
import org.syncsim.protocol.wire.Message.Version;
import org.syncsim.protocol.wire.ParseResult.Parsed;
import org.syncsim.protocol.wire.ParseResult.Rejected;

/**
 * Formats messages into the exact strings of the spec and parses received strings, for one profile's spelling.
 *
 * <p>Two parsers, both total (any string gives a {@link ParseResult}, never an exception):
 * <ul>
 *   <li>{@link #parseStrict}: the canonical grammar {@link #format} produces — exact field count, canonical
 *       non-negative decimals. {@code parseStrict(prefix, format(m))} returns {@code m}.</li>
 *   <li>{@link #parseLikeHeadAddon}: what the HEAD addon accepts (§2.4, {@code SyncHandlers.lua:38-233}), which
 *       the {@code head} client uses: empty fields collapse ({@code a::b} is two components); a command that
 *       <em>contains</em> {@code CHUNKED} / {@code CHUNK} routes to the chunk paths; numbers go through Lua's
 *       {@code tonumber} ({@link LuaNumbers}); extra trailing fields are ignored; {@code BSEC} data is the text
 *       after the 3rd colon, {@code BSTR} data after the 2nd, {@code CHUNK} payload after the 3rd colon counted
 *       from {@code CHUNK:}; a non-numeric or non-positive {@code BSREQ} timestamp means "no timestamp" (ts 0).
 *       Where the addon would raise a Lua error in the handler, the result is {@link Rejection#HANDLER_ERROR}.</li>
 * </ul>
 * Deliberate differences of {@code parseLikeHeadAddon} from the addon (all on strings no simulated peer sends):
 * non-integral timestamps/indices (the addon keeps Lua floats) are rejected as {@link Rejection#OUT_OF_RANGE};
 * a {@code BSEC} with a non-numeric timestamp is rejected (the addon stores the blob, then errors comparing nil);
 * empty {@code BSEC}/{@code BSTR} data or {@code CHUNK} payload, a non-numeric chunk count, an empty string,
 * a NUL or a non-byte character are counted as malformed.
 */
public final class WireCodec {
    /** Default parser length limit: far above any realm's message limit, so only garbage hits it. */
    public static final int DEFAULT_MAX_LENGTH = 1 << 16;
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    /** A section content hash of the plan's {@code differential}: lower-case hex. */
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{1,16}");

    private final WireSpelling spelling;
    private final int maxLength;
    /** Every token of the spelling is a byte string, so every text {@link #format} returns is one. */
    private final boolean tokensAreBytes;

    public WireCodec(WireSpelling spelling, int maxLength) {
        this.spelling = spelling;
        this.maxLength = maxLength;
        this.tokensAreBytes = spelling.commands().stream()
                .allMatch(c -> ByteStrings.firstNonByte(spelling.token(c)) < 0);
    }

    public WireCodec(WireSpelling spelling) {
        this(spelling, DEFAULT_MAX_LENGTH);
    }

    public WireSpelling spelling() {
        return spelling;
    }

    /** The addon-message prefix of a message ({@code TWRA} or {@code CTRA}). */
    public static String prefixOf(Message m) {
        return m.command().prefix().name();
    }

    /**
     * The exact wire text of {@code m}; throws IllegalArgumentException on a value the format cannot carry. Each
     * part is checked to be a byte string, so the text is one: {@link FormattedTexts} notes that, with the data
     * part the text ends with, for the parse of the very same text when it is delivered.
     */
    public String format(Message m) {
        String text = compose(m);
        if (tokensAreBytes) {
            FormattedTexts.remember(text, endingData(m));
        }
        return text;
    }

    /** The data part {@link #compose} puts last, for the messages whose addon-dialect parse cuts it back out. */
    private static String endingData(Message m) {
        if (m instanceof Chunk c) {
            return c.payload();
        }
        if (m instanceof BulkSection b) {
            return b.data();
        }
        if (m instanceof BulkStructure b) {
            return b.data();
        }
        return null;
    }

    private String compose(Message m) {
        String t = spelling.token(m.command());
        if (m instanceof Section s) {
            return t + ":" + ts(s.ts()) + ":" + positive(s.index());
        }
        if (m instanceof BulkRequest r) {
            if (r.digest().isEmpty()) {
                return t + ":" + ts(r.ts());
            }
            if (r.digest().stream().allMatch(String::isEmpty)) {
                throw new IllegalArgumentException("BSREQ digest names no section");
            }
            StringBuilder b = new StringBuilder(t).append(':').append(ts(r.ts())).append(':');
            for (int i = 0; i < r.digest().size(); i++) {
                String h = r.digest().get(i);
                b.append(i == 0 ? "" : ",").append(h.isEmpty() ? "" : hash(h));
            }
            return b.toString();
        }
        if (m instanceof UnchangedSections u) {
            if (u.hashes().isEmpty()) {
                throw new IllegalArgumentException("BSSAME names no section");
            }
            StringBuilder b = new StringBuilder(t).append(':').append(ts(u.ts())).append(':');
            String sep = "";
            for (java.util.Map.Entry<Integer, String> e : u.hashes().entrySet()) {
                b.append(sep).append(positive(e.getKey())).append('=').append(hash(e.getValue()));
                sep = ",";
            }
            return b.toString();
        }
        if (m instanceof BulkAck a) {
            return t + ":" + ts(a.ts()) + ":" + token(a.responder());
        }
        if (m instanceof BulkSection b) {
            return t + ":" + ts(b.ts()) + ":" + positive(b.index()) + ":" + data(b.data());
        }
        if (m instanceof BulkStructure b) {
            return t + ":" + ts(b.ts()) + ":" + data(b.data());
        }
        if (m instanceof ChunkHeader h) {
            return t + ":" + ts(h.totalBytes()) + ":" + token(h.transferId()) + ":" + positive(h.count());
        }
        if (m instanceof Chunk c) {
            return t + ":" + token(c.transferId()) + ":" + positive(c.n()) + ":" + data(c.payload());
        }
        if (m instanceof MissingRequest r) {
            StringBuilder b = new StringBuilder(t).append(':').append(ts(r.ts())).append(':')
                    .append(token(r.pusher())).append(':');
            for (int i = 0; i < r.indexes().size(); i++) {
                b.append(i == 0 ? "" : ",").append(positive(r.indexes().get(i)));
            }
            return b.toString();
        }
        if (m instanceof Version v) {
            return t + ":" + ts(v.major()) + "." + ts(v.minor()) + "." + ts(v.patch());
        }
        if (m instanceof Declared d) {
            return d.rest().isEmpty() ? t : t + ":" + bytes(d.rest());
        }
        if (m instanceof DataRequest r) {
            return t + ":" + ts(r.ts());
        }
        if (m instanceof DataResponse r) {
            return t + ":" + ts(r.ts()) + ":" + data(r.data());
        }
        if (m instanceof Announce a) {
            return a.importer().isEmpty() ? t + ":" + ts(a.ts()) : t + ":" + ts(a.ts()) + ":" + token(a.importer());
        }
        if (m instanceof StructureRequest r) {
            return t + ":" + ts(r.ts());
        }
        if (m instanceof StructureResponse r) {
            return t + ":" + ts(r.ts()) + ":" + data(r.data());
        }
        if (m instanceof SectionRequest r) {
            return t + ":" + ts(r.ts()) + ":" + positive(r.index());
        }
        if (m instanceof SectionResponse r) {
            return t + ":" + ts(r.ts()) + ":" + positive(r.index()) + ":" + data(r.data());
        }
        if (m instanceof TankClear c) {
            return t;
        }
        if (m instanceof TankSet s) {
            return t + " " + positive(s.slot()) + " " + tankName(s.name());
        }
        throw new IllegalArgumentException("unknown message " + m);
    }

    // ---------------------------------------------------------------------------------------------- strict

    /** Parses {@code text} received under {@code prefix} by the canonical grammar of {@link #format}. */
    public ParseResult parseStrict(String prefix, String text) {
        Rejected basic = basicChecks(text);
        if (basic != null) {
            return basic;
        }
        if (Command.Prefix.CTRA.name().equals(prefix)) {
            return parseTank(text);
        }
        int colon = text.indexOf(':');
        String head = colon < 0 ? text : text.substring(0, colon);
        Optional<Command> found = spelling.command(head);
        if (found.isEmpty() || found.get().prefix() != Command.Prefix.TWRA) {
            return new Rejected(Rejection.UNKNOWN_COMMAND, null, "unknown command");
        }
        Command c = found.get();
        String rest = colon < 0 ? null : text.substring(colon + 1);
        try {
            return switch (c) {
                case SECTION -> {
                    String[] f = fields(rest, 2, c);
                    yield new Parsed(new Section(strictLong(f[0]), strictPositive(f[1])));
                }
                case BSREQ -> {
                    if (rest == null || rest.indexOf(':') < 0) {
                        yield new Parsed(new BulkRequest(strictLong(fields(rest, 1, c)[0])));
                    }
                    String[] f = fields(rest, 2, c);
                    java.util.List<String> digest = new java.util.ArrayList<>();
                    for (String h : f[1].split(",", -1)) {
                        digest.add(h.isEmpty() ? "" : strictHash(h));
                    }
                    if (digest.stream().allMatch(String::isEmpty)) {
                        throw new Reject(Rejection.MISSING_FIELD, "BSREQ digest names no section");
                    }
                    yield new Parsed(new BulkRequest(strictLong(f[0]), digest));
                }
                case BSSAME -> {
                    String[] f = fields(rest, 2, c);
                    java.util.SortedMap<Integer, String> hashes = new java.util.TreeMap<>();
                    int last = 0;
                    for (String entry : f[1].split(",", -1)) {
                        int eq = entry.indexOf('=');
                        if (eq < 0) {
                            throw new Reject(Rejection.MISSING_FIELD, "BSSAME entry is not <index>=<hash>");
                        }
                        int index = strictPositive(entry.substring(0, eq));
                        if (index <= last) {
                            throw new Reject(Rejection.OUT_OF_RANGE, "BSSAME indexes must ascend");
                        }
                        last = index;
                        hashes.put(index, strictHash(entry.substring(eq + 1)));
                    }
                    yield new Parsed(new UnchangedSections(strictLong(f[0]), hashes));
                }
                case BSACK -> {
                    String[] f = fields(rest, 2, c);
                    yield new Parsed(new BulkAck(strictLong(f[0]), nonEmpty(f[1])));
                }
                case BSEC -> {
                    String[] f = leadingFields(rest, 2, c);
                    yield new Parsed(new BulkSection(strictLong(f[0]), strictPositive(f[1]), nonEmpty(f[2])));
                }
                case BSTR -> {
                    String[] f = leadingFields(rest, 1, c);
                    yield new Parsed(new BulkStructure(strictLong(f[0]), nonEmpty(f[1])));
                }
                case CHUNKED -> {
                    String[] f = fields(rest, 3, c);
                    yield new Parsed(new ChunkHeader(strictLong(f[0]), nonEmpty(f[1]), strictPositive(f[2])));
                }
                case CHUNK -> {
                    String[] f = leadingFields(rest, 2, c);
                    yield new Parsed(new Chunk(nonEmpty(f[0]), strictPositive(f[1]), nonEmpty(f[2])));
                }
                case BSMISS -> {
                    String[] f = fields(rest, 3, c);
                    java.util.List<Integer> indexes = new java.util.ArrayList<>();
                    if (!f[2].isEmpty()) {
                        for (String i : f[2].split(",", -1)) {
                            indexes.add(strictPositive(i));
                        }
                    }
                    yield new Parsed(new MissingRequest(strictLong(f[0]), nonEmpty(f[1]), indexes));
                }
                case VER -> {
                    String[] f = fields(rest, 1, c);
                    String[] p = f[0].split("\\.", -1);
                    if (p.length != 3) {
                        throw new Reject(Rejection.NOT_A_NUMBER, "version is not a.b.c");
                    }
                    yield new Parsed(new Version(strictInt(p[0]), strictInt(p[1]), strictInt(p[2])));
                }
                case MSREQ, MSACK, MSRES -> {
                    if (rest != null && rest.isEmpty()) {
                        throw new Reject(Rejection.MISSING_FIELD, "empty rest");
                    }
                    yield new Parsed(new Declared(c, rest == null ? "" : rest));
                }
                case DREQ -> new Parsed(new DataRequest(strictLong(fields(rest, 1, c)[0])));
                case DRES -> {
                    String[] f = leadingFields(rest, 1, c);
                    yield new Parsed(new DataResponse(strictLong(f[0]), nonEmpty(f[1])));
                }
                case ANC -> {
                    if (rest != null && rest.indexOf(':') >= 0) {
                        String[] f = fields(rest, 2, c);
                        yield new Parsed(new Announce(strictLong(f[0]), nonEmpty(f[1])));
                    }
                    yield new Parsed(new Announce(strictLong(fields(rest, 1, c)[0]), ""));
                }
                case SREQ -> new Parsed(new StructureRequest(strictLong(fields(rest, 1, c)[0])));
                case SRES -> {
                    String[] f = leadingFields(rest, 1, c);
                    yield new Parsed(new StructureResponse(strictLong(f[0]), nonEmpty(f[1])));
                }
                case SECREQ -> {
                    String[] f = fields(rest, 2, c);
                    yield new Parsed(new SectionRequest(strictLong(f[0]), strictPositive(f[1])));
                }
                case SECRES -> {
                    String[] f = leadingFields(rest, 2, c);
                    yield new Parsed(new SectionResponse(strictLong(f[0]), strictPositive(f[1]), nonEmpty(f[2])));
                }
                case TANK_CLEAR, TANK_SET -> new Rejected(Rejection.UNKNOWN_COMMAND, c, "CTRA command under TWRA");
            };
        } catch (Reject r) {
            return new Rejected(r.reason, c, r.getMessage());
        }
    }

    private ParseResult parseTank(String text) {
        if (spelling.speaks(Command.TANK_CLEAR) && text.equals(spelling.token(Command.TANK_CLEAR))) {
            return new Parsed(new TankClear());
        }
        if (!spelling.speaks(Command.TANK_SET)) {
            return new Rejected(Rejection.UNKNOWN_COMMAND, null, "unknown CTRA message");
        }
        String t = spelling.token(Command.TANK_SET) + " ";
        if (!text.startsWith(t)) {
            return new Rejected(Rejection.UNKNOWN_COMMAND, null, "unknown CTRA message");
        }
        String rest = text.substring(t.length());
        int sp = rest.indexOf(' ');
        if (sp < 0) {
            return new Rejected(Rejection.MISSING_FIELD, Command.TANK_SET, "SET needs slot and name");
        }
        try {
            return new Parsed(new TankSet(strictPositive(rest.substring(0, sp)), nonEmpty(rest.substring(sp + 1))));
        } catch (Reject r) {
            return new Rejected(r.reason, Command.TANK_SET, r.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------ addon dialect

    /** Parses {@code text} (prefix {@code TWRA}) exactly as the HEAD addon's router would (§2.4). */
    public ParseResult parseLikeHeadAddon(String text) {
        Rejected basic = basicChecks(text);
        if (basic != null) {
            return basic;
        }
        List<String> comp = components(text);
        if (comp.isEmpty()) {
            return new Rejected(Rejection.EMPTY, null, "no components");
        }
        String cmd = comp.get(0);
        try {
            if (cmd.contains(Command.CHUNKED.token())) { // the addon tests with string.find, not equality
                if (comp.size() < 4) {
                    throw new Reject(Rejection.MISSING_FIELD, "CHUNKED needs 3 fields");
                }
                double len = LuaNumbers.toNumber(comp.get(1));
                long total = LuaNumbers.isExactInteger(len) ? (long) len : -1;
                return parsedOf(new ChunkHeader(total, comp.get(2), luaInt(comp.get(3))));
            }
            if (cmd.contains(Command.CHUNK.token())) {
                if (comp.size() < 3) {
                    throw new Reject(Rejection.MISSING_FIELD, "CHUNK needs tid and n");
                }
                int n = luaInt(comp.get(2));
                int from = Math.max(0, text.indexOf(Command.CHUNK.token() + ":"));
                String payload = afterColons(text, from, 3);
                if (payload == null || payload.isEmpty()) {
                    throw new Reject(Rejection.MISSING_FIELD, "CHUNK without payload");
                }
                return parsedOf(new Chunk(comp.get(1), n, payload));
            }
            if (cmd.equals(Command.BSREQ.token())) {
                double ts = comp.size() > 1 ? LuaNumbers.toNumber(comp.get(1)) : Double.NaN;
                if (!Double.isNaN(ts) && ts > 0) {
                    return parsedOf(new BulkRequest(luaLong(comp.get(1))));
                }
                return parsedOf(new BulkRequest(0));
            }
            if (cmd.equals(Command.BSACK.token())) {
                if (comp.size() < 3) {
                    throw new Reject(Rejection.MISSING_FIELD, "BSACK needs ts and name");
                }
                return parsedOf(new BulkAck(luaLong(comp.get(1)), comp.get(2)));
            }
            Optional<Command> known = spelling.command(cmd);
            Command c = known.orElse(null);
            if (c == Command.SECTION) {
                if (comp.size() < 3) {
                    throw new Reject(Rejection.HANDLER_ERROR, "SECTION without index: concatenating nil in the log line");
                }
                return parsedOf(new Section(luaLong(comp.get(1)), luaInt(comp.get(2))));
            }
            if (c == Command.BSEC) {
                String data = afterColons(text, 0, 3);
                if (comp.size() < 3 || data == null || data.isEmpty()) {
                    throw new Reject(Rejection.MISSING_FIELD, "BSEC needs ts, index and data");
                }
                return parsedOf(new BulkSection(luaLong(comp.get(1)), luaInt(comp.get(2)), data));
            }
            if (c == Command.BSTR) {
                String data = afterColons(text, 0, 2);
                if (comp.size() < 2 || data == null || data.isEmpty()) {
                    throw new Reject(Rejection.MISSING_FIELD, "BSTR needs ts and data");
                }
                return parsedOf(new BulkStructure(luaLong(comp.get(1)), data));
            }
            if (c == Command.VER) {
                Matcher m = comp.size() > 1 ? VERSION.matcher(comp.get(1)) : null;
                if (m == null || !m.find()) {
                    throw new Reject(Rejection.NOT_A_NUMBER, "version without three numeric parts");
                }
                return parsedOf(new Version(smallInt(m.group(1)), smallInt(m.group(2)), smallInt(m.group(3))));
            }
            if (c == Command.MSREQ || c == Command.MSACK) {
                throw new Reject(Rejection.HANDLER_ERROR, c + " handler is an undefined method (B24)");
            }
            throw new Reject(Rejection.UNKNOWN_COMMAND, "unknown command");
        } catch (Reject r) {
            Command routed = routedCommand(cmd);
            return new Rejected(r.reason, routed, r.getMessage());
        }
    }

    private Command routedCommand(String cmd) {
        if (cmd.contains(Command.CHUNKED.token())) {
            return Command.CHUNKED;
        }
        if (cmd.contains(Command.CHUNK.token())) {
            return Command.CHUNK;
        }
        return spelling.command(cmd).orElse(null);
    }

    private static ParseResult parsedOf(Message m) {
        return new Parsed(m);
    }

    /**
     * Non-empty runs of non-colon characters (Lua {@code gfind(msg, "([^:]+)")}). The runs are located at once
     * but cut out of the text only when read: the router reads the first few, and a chunk's last run is its
     * whole payload.
     */
    static List<String> components(String text) {
        return new Components(text);
    }

    private static final class Components extends AbstractList<String> {
        private final String text;
        /** Start and end (exclusive) of run k at 2k and 2k + 1. */
        private int[] bounds = new int[8];
        private int size;

        Components(String text) {
            this.text = text;
            int start = 0;
            while (start <= text.length()) {
                int colon = text.indexOf(':', start); // intrinsic: a chunk's kilobyte payload is one run
                int end = colon < 0 ? text.length() : colon;
                if (end > start) {
                    if (2 * size + 2 > bounds.length) {
                        bounds = Arrays.copyOf(bounds, 2 * bounds.length);
                    }
                    bounds[2 * size] = start;
                    bounds[2 * size + 1] = end;
                    size++;
                }
                start = end + 1;
            }
        }

        @Override
        public String get(int k) {
            Objects.checkIndex(k, size);
            return text.substring(bounds[2 * k], bounds[2 * k + 1]);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** The text after the {@code k}-th colon at or after {@code from}, or null if there are fewer colons. */
    static String afterColons(String text, int from, int k) {
        int p = from - 1;
        for (int i = 0; i < k; i++) {
            p = text.indexOf(':', p + 1);
            if (p < 0) {
                return null;
            }
        }
        return FormattedTexts.tail(text, p + 1);
    }

    private static long luaLong(String s) {
        double v = LuaNumbers.toNumber(s);
        if (Double.isNaN(v)) {
            throw new Reject(Rejection.NOT_A_NUMBER, "not a number: " + abbreviate(s));
        }
        if (!LuaNumbers.isExactInteger(v)) {
            throw new Reject(Rejection.OUT_OF_RANGE, "not an integer: " + abbreviate(s));
        }
        return (long) v;
    }

    private static int luaInt(String s) {
        long v = luaLong(s);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new Reject(Rejection.OUT_OF_RANGE, "index out of range: " + abbreviate(s));
        }
        return (int) v;
    }

    private static int smallInt(String digits) {
        if (digits.length() > 9) {
            throw new Reject(Rejection.OUT_OF_RANGE, "version part too large");
        }
        return Integer.parseInt(digits);
    }

    // ----------------------------------------------------------------------------------------- helpers

    private Rejected basicChecks(String text) {
        if (text == null || text.isEmpty()) {
            return new Rejected(Rejection.EMPTY, null, "empty message");
        }
        if (text.length() > maxLength) {
            return new Rejected(Rejection.OVERSIZED, null, "length " + text.length() + " > " + maxLength);
        }
        int i = ByteStrings.firstNonByteOfReceived(text);
        if (i >= 0) {
            return new Rejected(Rejection.NOT_A_BYTE_STRING, null, "character " + (int) text.charAt(i) + " at " + i);
        }
        return null;
    }

    /** Exactly {@code n} colon-separated fields. */
    private static String[] fields(String rest, int n, Command c) {
        if (rest == null) {
            throw new Reject(Rejection.MISSING_FIELD, c + " needs " + n + " fields");
        }
        String[] f = rest.split(":", -1);
        if (f.length < n) {
            throw new Reject(Rejection.MISSING_FIELD, c + " needs " + n + " fields");
        }
        if (f.length > n) {
            throw new Reject(Rejection.EXTRA_FIELD, c + " has " + f.length + " fields");
        }
        return f;
    }

    /** {@code n} leading fields plus the remainder (which may contain colons). */
    private static String[] leadingFields(String rest, int n, Command c) {
        if (rest == null) {
            throw new Reject(Rejection.MISSING_FIELD, c + " needs " + (n + 1) + " fields");
        }
        String[] f = rest.split(":", n + 1);
        if (f.length < n + 1) {
            throw new Reject(Rejection.MISSING_FIELD, c + " needs " + (n + 1) + " fields");
        }
        return f;
    }

    private static long strictLong(String s) {
        if (s.isEmpty() || s.length() > 18) {
            throw new Reject(s.isEmpty() ? Rejection.MISSING_FIELD : Rejection.OUT_OF_RANGE, "bad number length");
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new Reject(Rejection.NOT_A_NUMBER, "not a decimal: " + abbreviate(s));
            }
        }
        if (s.length() > 1 && s.charAt(0) == '0') {
            throw new Reject(Rejection.NOT_A_NUMBER, "leading zero: " + abbreviate(s));
        }
        return Long.parseLong(s);
    }

    private static int strictInt(String s) {
        long v = strictLong(s);
        if (v > Integer.MAX_VALUE) {
            throw new Reject(Rejection.OUT_OF_RANGE, "too large: " + abbreviate(s));
        }
        return (int) v;
    }

    private static int strictPositive(String s) {
        int v = strictInt(s);
        if (v < 1) {
            throw new Reject(Rejection.OUT_OF_RANGE, "must be >= 1");
        }
        return v;
    }

    private static String strictHash(String s) {
        if (!HASH.matcher(s).matches()) {
            throw new Reject(Rejection.NOT_A_NUMBER, "not a lower-case hex hash: " + abbreviate(s));
        }
        return s;
    }

    private static String hash(String s) {
        if (!HASH.matcher(s).matches()) {
            throw new IllegalArgumentException("a section hash is 1-16 lower-case hex digits: " + abbreviate(s));
        }
        return s;
    }

    private static String nonEmpty(String s) {
        if (s.isEmpty()) {
            throw new Reject(Rejection.MISSING_FIELD, "empty field");
        }
        return s;
    }

    private static String ts(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative number on the wire: " + v);
        }
        return Long.toString(v);
    }

    private static String positive(long v) {
        if (v < 1) {
            throw new IllegalArgumentException("index/count must be >= 1: " + v);
        }
        return Long.toString(v);
    }

    private static String token(String s) {
        if (s.isEmpty() || s.indexOf(':') >= 0) {
            throw new IllegalArgumentException("field must be non-empty and colon-free: " + abbreviate(s));
        }
        return bytes(s);
    }

    private static String tankName(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("tank name must be non-empty");
        }
        return bytes(s);
    }

    private static String data(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("data must be non-empty");
        }
        return bytes(s);
    }

    private static String bytes(String s) {
        int i = ByteStrings.firstNonByteOfPart(s);
        if (i >= 0) {
            throw new IllegalArgumentException("not a byte string: char " + (int) s.charAt(i));
        }
        return s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }

    /** Internal control flow for a rejection; never escapes this class. */
    private static final class Reject extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Rejection reason;

        Reject(Rejection reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
