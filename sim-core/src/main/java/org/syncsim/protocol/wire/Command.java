package org.syncsim.protocol.wire;

/**
 * Every command any simulated TWRA generation puts on the wire (spec §3, §3.9 and the {@code seed} generation
 * §10.2). The wire spelling of a command belongs to the profile ({@link WireSpelling}); {@link #token()} is the
 * spelling the addon used. Tank Sync's two messages travel under the {@code CTRA} prefix (§3.9).
 */
public enum Command {
    /** {@code SECTION:<ts>:<idx>} live navigation (§3.1). */
    SECTION("SECTION", Prefix.TWRA),
    /** {@code BSREQ:<ts>} bulk pull request (§3.2); the plan's {@code differential} appends {@code :<digest>}. */
    BSREQ("BSREQ", Prefix.TWRA),
    /** {@code BSACK:<ts>:<name>} responder acknowledgement (§3.3). */
    BSACK("BSACK", Prefix.TWRA),
    /** {@code BSEC:<ts>:<idx>:<b64 | CHUNKED:tid>} one section of a push (§3.4). */
    BSEC("BSEC", Prefix.TWRA, true),
    /** {@code BSTR:<ts>:<b64 | CHUNKED:tid>} structure, ends a push (§3.5). */
    BSTR("BSTR", Prefix.TWRA, true),
    /** {@code CHUNKED:<len>:<tid>:<count>} chunk transfer header (§3.6). */
    CHUNKED("CHUNKED", Prefix.TWRA),
    /** {@code CHUNK:<tid>:<n>:<payload>} chunk payload (§3.7). */
    CHUNK("CHUNK", Prefix.TWRA),
    /** {@code VER:<major.minor.patch>} version announcement (§3.8). */
    VER("VER", Prefix.TWRA),
    /** Declared at HEAD, never sent; receiving it calls an undefined method (§3.0, B24). */
    MSREQ("MSREQ", Prefix.TWRA),
    /** Declared at HEAD, never sent; receiving it calls an undefined method (§3.0, B24). */
    MSACK("MSACK", Prefix.TWRA),
    /** Declared at HEAD, never sent; no handler ("Unknown command", §2.4 rule 6). */
    MSRES("MSRES", Prefix.TWRA),
    /** G0 full-data request {@code DREQ:<ts>} (§10.1). */
    DREQ("DREQ", Prefix.TWRA),
    /** G0 full-data response {@code DRES:<ts>:<data>} (§10.1). */
    DRES("DRES", Prefix.TWRA, true),
    /** Import announcement {@code ANC:<ts>[:<importer>]} (§10.1, §10.2). */
    ANC("ANC", Prefix.TWRA),
    /** G1 structure request {@code SREQ:<ts>} (§10.2). */
    SREQ("SREQ", Prefix.TWRA),
    /** G1 structure response {@code SRES:<ts>:<b64>} (§10.2). */
    SRES("SRES", Prefix.TWRA, true),
    /** G1 section request {@code SECREQ:<ts>:<idx>} (§10.2). */
    SECREQ("SECREQ", Prefix.TWRA),
    /** G1 section response {@code SECRES:<ts>:<idx>:<b64>} (§10.2; the plan calls it SECRESP). */
    SECRES("SECRES", Prefix.TWRA, true),
    /** Tank Sync {@code MT CLEAR} on prefix CTRA (§3.9). */
    TANK_CLEAR("MT CLEAR", Prefix.CTRA),
    /** Tank Sync {@code SET <i> <name>} on prefix CTRA (§3.9). */
    TANK_SET("SET", Prefix.CTRA),
    /**
     * {@code BSMISS:<ts>:<pusher>:<i,j,...>} the plan's repair request (policy {@code recovery}): the named pusher
     * of version ts resends the listed sections and the structure; an empty list asks for the structure alone.
     * Not part of the addon; head members do not know it (docs/protocol.md). Last in the table so that the
     * addon's commands keep their report colours.
     */
    BSMISS("BSMISS", Prefix.TWRA),
    /**
     * {@code BSSAME:<ts>:<i>=<hash>,...} the plan's differential push (policy {@code differential}): sections of
     * version ts left out of the push because the requester's digest showed it holds their content; each carries
     * its content hash, so a receiver fills it only from a section it holds with that hash. Not part of the addon.
     */
    BSSAME("BSSAME", Prefix.TWRA, true);

    /** The addon-message prefixes in use. */
    public enum Prefix {
        TWRA, CTRA
    }

    private final String token;
    private final Prefix prefix;
    private final boolean carriesData;

    Command(String token, Prefix prefix) {
        this(token, prefix, false);
    }

    Command(String token, Prefix prefix, boolean carriesData) {
        this.token = token;
        this.prefix = prefix;
        this.carriesData = carriesData;
    }

    /** The addon's own spelling of this command. */
    public String token() {
        return token;
    }

    /**
     * True if the message carries sheet data a receiver may store (a section, the structure or the whole sheet, or a
     * reference to chunks holding one): only these can change what a receiver holds, so only these make it judge its
     * progress again. A chunk's piece is not stored data until the message naming its transfer arrives.
     */
    public boolean carriesData() {
        return carriesData;
    }

    /** The addon-message prefix this command travels under. */
    public Prefix prefix() {
        return prefix;
    }
}
