package org.syncsim.protocol.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.syncsim.channel.AddonChannel;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.OutgoingMessage;
import org.syncsim.channel.Priority;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.protocol.chunk.ChunkSender;
import org.syncsim.protocol.client.AddonClient;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.clock.AddonTimers;
import org.syncsim.protocol.cpu.BlobSizes;
import org.syncsim.protocol.wire.Command;
import org.syncsim.protocol.wire.Message;
import org.syncsim.protocol.wire.ParseResult;

/**
 * The {@code seed} profile: the TWRA addon's G1 generation (reference snapshot {@code 67f91a7}, spec §10.2, with
 * §10.1 for what G1 kept from G0). Lazy segmented pull: a newer timestamp seen in {@code SECTION}/{@code ANC}
 * pulls the structure ({@code SREQ} → {@code SRES}), and navigating to a section whose blob is the {@code ""}
 * placeholder pulls that section ({@code SECREQ} → {@code SECRES}). An import sends only the navigation's
 * {@code SECTION} (to section 1; a Lua error stops it before {@code ANC}); joining sends nothing.
 *
 * <p>Flaws kept: every equal-timestamp member answers an {@code SREQ} (the SRES storm), sent raw on RAID whatever
 * its length; the "response seen" set is never cleared, so a member that once saw a {@code SECRES} for an index
 * never answers that index again; a member with newer data reacting to an older timestamp calls the undefined
 * {@code RespondWithStructure} (Lua error, counted by {@link MetricsRecorder#handlerAborted}); the chunk manager is
 * never initialised, so a {@code SECRES} over the inline limit raises a Lua error before anything is sent, in an
 * unprotected timer that fires and errors again every frame (counted each time), holds back this client's timers
 * after it in scan order and keeps the index's pending answer, so requesters stay on the {@code ""} placeholder;
 * {@code pendingSection} is set by every {@code SECTION} and cleared only by the navigations after SRES/SECRES.
 * G0's full-data pull ({@code DREQ}/{@code DRES}, {@link FullData}) is a placeholder at G1 and is modelled only
 * with {@link SeedPull#FULL}; {@link #requestFullData()} sends {@code DREQ} in either case. Shared mechanisms
 * (clocks, timer table, wire codec, ground truth, navigation, Tank Sync) behave as in the {@code head} profile and
 * live in {@link AddonClient}; the assumptions are listed in {@code docs/protocol.md}, section "The seed profile".
 * All {@code math.random} draws come from the stream {@code client/<name>/lua-random}.
 */
public final class SeedClient extends AddonClient<SeedClient.Runtime> {
    /** Min interval between own {@code SREQ}s ({@code RequestStructureSync}, §10.2; strict {@code <} as head). */
    static final double STRUCTURE_REQUEST_THROTTLE = 5;
    /** The no-op "structure request timeout" timer armed on every newer timestamp seen (§10.2). */
    static final double STRUCTURE_REQUEST_TIMEOUT = 1;
    /** {@code SRES} jitter {@code 0.1 + 0.3·U} (§10.2). */
    static final double SRES_JITTER_BASE = 0.1;
    static final double SRES_JITTER_SPREAD = 0.3;
    /** A responder's own cooldown between two {@code SRES} (§10.2). */
    static final double SRES_COOLDOWN = 2;
    /** {@code SECRES} jitter {@code 0.1 + 0.4·U} (§10.2). */
    static final double SECRES_JITTER_BASE = 0.1;
    static final double SECRES_JITTER_SPREAD = 0.4;
    /** A received {@code SECRES} is processed after 0.2 s and navigated to after 0.3 s (§10.2). */
    static final double SECRES_PROCESS_DELAY = 0.2;
    static final double SECRES_NAVIGATE_DELAY = 0.3;

    /** Runtime {@code TWRA.SYNC}: rebuilt on every login/reload. */
    static final class Runtime extends AddonClient.Runtime {
        double lastStructureRequestTime;
        AddonTimers.Handle structureRequestTimeout;
        Double lastStructureResponseTime;
        AddonTimers.Handle structureResponseTimer;
        final TreeMap<Integer, AddonTimers.Handle> pendingSectionResponses = new TreeMap<>();
        /** {@code receivedSectionResponses}: filled by every SECRES seen, never cleared (§10.2). */
        final TreeSet<Integer> receivedSectionResponses = new TreeSet<>();
    }

    private final SeedPull pull;
    /** The section blobs the last full-data string was built from, and that string (a simulator memo only). */
    private List<String> fullDataFrom;
    private String fullData;
    /** The run's strict parser (shared with every seed client, see {@link #sharedParse}). */
    private final Function<String, ParseResult> parser;

    /** A client whose newer-timestamp reaction is the segmented pull (§10.2). */
    public SeedClient(ProtocolEnvironment env, int id, ClientConfig config) {
        this(env, id, config, SeedPull.SEGMENTED);
    }

    /** A client whose newer-timestamp reaction is {@code pull} ({@link SeedPull}). */
    public SeedClient(ProtocolEnvironment env, int id, ClientConfig config, SeedPull pull) {
        super(env, id, config, SeedProfile.SPELLING);
        parser = env.memos().strictParser(SeedProfile.SPELLING);
        this.pull = pull;
    }

    @Override
    protected Runtime newRuntime() {
        return new Runtime();
    }

    /**
     * The import through the options' button (§10.2): the decoder itself performs the import and navigates to
     * section 1, then the caller's {@code string.len} on the table it returns raises a Lua error, so
     * {@code AnnounceDataImport} ({@code ANC}) is never reached.
     */
    @Override
    protected void afterImport(long ts) {
        guarded("import", () -> {
            throw new LuaError("DirectImportNewFormat: string.len on the decoder's table, ANC not reached");
        });
    }

    /** The decoder navigates to section 1 after every import (§10.2). */
    @Override
    protected int importTarget(EncodedSheet sheet, String previousName) {
        return 1;
    }

    /** {@code OnGroupChanged} sends nothing at G1: the {@code VER} builder has no caller (§10.2). */
    @Override
    protected boolean reactsToGroupJoin() {
        return false;
    }

    /** Navigation; unlike head, time-to-sync is checked right after it. */
    @Override
    public void navigate(int index) {
        super.navigate(index);
        checkSynced();
    }

    /**
     * The manual full sync of G0: {@code DREQ:<A>} on the group channel, asking every member whose data is at least
     * as new as this client's for the whole dataset (§10.1; the trigger and its timestamp are assumptions,
     * docs/protocol.md). Only members with {@link SeedPull#FULL} answer: at G1 the DREQ handler is a placeholder.
     */
    public void requestFullData() {
        if (online) {
            sendFullDataRequest(saved.a);
        }
    }

    /** There is no bulk push at the G1 reference snapshot (BSEC/BSTR came later, §10.1): does nothing. */
    @Override
    public void syncAll() {
    }

    // ------------------------------------------------------------------------------------- receive path

    /**
     * {@code OnChatMsgAddon} then the G1 router: own echo and foreign prefixes dropped, the command is the text
     * before the first colon (§10.2). Old-format chunk pieces reach the SRES/SECRES handlers as data.
     */
    @Override
    protected Message parse(long now, String prefix, String text, OutgoingMessage delivered) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            metrics.messageMalformed(now, id, "no command");
            return null;
        }
        return acceptedOrCounted(now, sharedParse(delivered, text, parser));
    }

    @Override
    protected void dispatch(Message m, int sender) {
        if (m instanceof Message.Section s) {
            onSection(s);
        } else if (m instanceof Message.Announce a) {
            checkTimestamp(a.ts());
        } else if (m instanceof Message.StructureRequest r) {
            onStructureRequest(r);
        } else if (m instanceof Message.StructureResponse r) {
            onStructureResponse(r);
        } else if (m instanceof Message.SectionRequest r) {
            onSectionRequest(r);
        } else if (m instanceof Message.SectionResponse r) {
            onSectionResponse(r);
        } else if (m instanceof Message.DataRequest r && pull == SeedPull.FULL) {
            onDataRequest(r);
        } else if (m instanceof Message.DataResponse r && pull == SeedPull.FULL) {
            onDataResponse(r);
        }
        // VER, and DREQ/DRES unless the G0 option is on: placeholder handlers at the G1 snapshot (§10.2).
    }

    /**
     * {@code CheckTimestampAndHandleResponse} (§10.2): remote newer → {@code SREQ:<remote ts>} (throttled) and the
     * 1 s no-op timer, or with {@link SeedPull#FULL} {@code DREQ:<remote ts>} at once (§10.1, no cooldown), returns
     * 1; equal → 0; local newer → the undefined {@code RespondWithStructure}: Lua error.
     */
    private int checkTimestamp(long remote) {
        long local = saved.a;
        if (local > remote) {
            throw new LuaError("RespondWithStructure is undefined (local " + local + " newer than " + remote + ")");
        }
        if (local < remote) {
            if (pull == SeedPull.FULL) {
                sendFullDataRequest(remote);
                return 1;
            }
            requestStructureSync(remote);
            rt.structureRequestTimeout = timers.schedule(STRUCTURE_REQUEST_TIMEOUT, () -> { });
            return 1;
        }
        return 0;
    }

    /**
     * {@code SECTION:<ts>:<idx>}: after the comparison (which aborts on older), the section is remembered as
     * pending whatever the outcome, equal timestamps included (§10.2); equal → navigate {@code fromSync}. Nothing
     * clears it on the equal path, so a later SECRES for that index, even one a bystander asked for, navigates
     * the member back to it.
     */
    private void onSection(Message.Section s) {
        int cmp = checkTimestamp(s.ts());
        rt.pendingSection = s.index();
        if (cmp == 0) {
            navigateTo(s.index(), Source.FROM_SYNC);
        }
    }

    /** {@code SREQ:<ts>} receiver: needs a structure; the comparison again; equal → queue SRES. */
    private void onStructureRequest(Message.StructureRequest r) {
        Compressed c = saved.compressed;
        if (c == null || c.structure == null) {
            return;
        }
        if (checkTimestamp(r.ts()) == 1) {
            return;
        }
        queueStructureResponse(c.timestamp);
    }

    /** {@code QueueStructureResponse}: 2 s own cooldown, one pending timer (a new request re-draws it). */
    private void queueStructureResponse(long ts) {
        double now = clock.getTime();
        if (rt.lastStructureResponseTime != null && now - rt.lastStructureResponseTime < SRES_COOLDOWN) {
            return;
        }
        if (rt.structureResponseTimer != null) {
            rt.structureResponseTimer.cancel();
        }
        double delay = SRES_JITTER_BASE + SRES_JITTER_SPREAD * random.nextDouble();
        rt.structureResponseTimer = scheduleUnprotected(delay, "SRES send", () -> {
            Compressed c = saved.compressed;
            if (c == null || c.structure == null) {
                return;
            }
            rt.structureResponseTimer = null;
            rt.lastStructureResponseTime = clock.getTime();
            sendOn(new Message.StructureResponse(ts, c.structure), Distribution.RAID);
            metrics.responseStarted(env.sim().now(), id, Command.SREQ.token());
        });
    }

    /**
     * {@code SRES:<ts>:<b64>} receiver: applies only if newer than A; stores the structure, wipes every section to
     * {@code ""}, builds the skeleton and navigates to the pending section or 1 {@code fromSync}.
     */
    private void onStructureResponse(Message.StructureResponse r) {
        if (rt.structureRequestTimeout != null) {
            rt.structureRequestTimeout.cancel();
            rt.structureRequestTimeout = null;
        }
        long ts = r.ts();
        boolean piece = OldChunkFormat.isChunkPiece(r.data());
        if (piece) {
            metrics.messageMalformed(env.sim().now(), id, "SRES old-format chunk piece, never reassembled");
        }
        if (saved.a >= ts) {
            if (saved.a == ts && !piece) {
                metrics.duplicateTransfer(env.sim().now(), id, Command.SRES.token());
            }
            return;
        }
        if (piece) {
            return; // the piece is decompressed as a structure, fails inside pcall: nothing changes
        }
        String data = r.data().charAt(0) == MARKER ? r.data() : MARKER + r.data();
        cpu.decodeStructure(data);
        Optional<List<String>> names = env.decoder().structureNames(data);
        if (names.isEmpty()) {
            metrics.messageMalformed(env.sim().now(), id, "SRES structure does not decode");
            return;
        }
        Compressed c = compressed();
        c.timestamp = ts;
        c.structure = data;
        c.sections = new TreeMap<>();
        List<SectionEntry> skeleton = new ArrayList<>();
        for (int i = 1; i <= names.get().size(); i++) {
            c.sections.put(i, "");
            skeleton.add(new SectionEntry(names.get().get(i - 1), true, null));
        }
        saved.a = ts;
        saved.data = skeleton;
        saved.isExample = false;
        int target = rt.pendingSection != null ? rt.pendingSection : 1;
        if (!skeleton.isEmpty()) {
            navigateTo(target, Source.FROM_SYNC);
        }
        rt.pendingSection = null; // after the navigation, which set it again on the placeholder (§10.2)
    }

    /**
     * {@code SECREQ:<ts>:<idx>} receiver: equal and holding data → queue SECRES unless a SECRES for the index was
     * ever seen; local newer → SRES at once; local older → SREQ.
     */
    private void onSectionRequest(Message.SectionRequest r) {
        long local = saved.a;
        Compressed c = saved.compressed;
        if (local == r.ts()) {
            String data = c == null ? null : c.sections.get(r.index());
            if (data != null && !data.isEmpty()) {
                queueSectionResponse(r.index(), r.ts());
            }
        } else if (local > r.ts()) {
            sendStructureResponse(local);
        } else {
            requestStructureSync(r.ts());
        }
    }

    /**
     * {@code QueueSectionResponse}: jitter, suppressed by the never-cleared seen set (checked again on firing); a
     * request for an index whose answer is already pending only joins it.
     */
    private void queueSectionResponse(int index, long ts) {
        if (rt.receivedSectionResponses.contains(index)) {
            return;
        }
        if (rt.pendingSectionResponses.containsKey(index)) {
            return;
        }
        double delay = SECRES_JITTER_BASE + SECRES_JITTER_SPREAD * random.nextDouble();
        rt.pendingSectionResponses.put(index, scheduleUnprotected(delay, "SECRES send", () -> {
            if (!rt.receivedSectionResponses.contains(index)) {
                sendSectionResponse(index, ts);
            }
            rt.pendingSectionResponses.remove(index);
        }));
    }

    /**
     * {@code SendSectionResponse}: {@code SECRES:<ts>:<idx>:<b64>} on the group channel, or, above the inline limit,
     * the uninitialised chunk manager's Lua error before anything is sent ({@link #chunkManagerError}).
     */
    private void sendSectionResponse(int index, long ts) {
        Compressed c = saved.compressed;
        String data = c == null ? null : c.sections.get(index);
        if (data == null || data.isEmpty()) {
            return;
        }
        sendInlineOrRaise(new Message.SectionResponse(ts, index, data));
    }

    /**
     * {@code SendStructureResponse}, the immediate answer to a {@code SECREQ} with an older timestamp:
     * {@code SRES:<A>:<b64>} on the group channel, or above the inline limit the chunk manager's Lua error.
     */
    private void sendStructureResponse(long ts) {
        Compressed c = saved.compressed;
        if (c != null && c.structure != null) {
            sendInlineOrRaise(new Message.StructureResponse(ts, c.structure));
        }
    }

    /** Sends {@code m} on the group channel if it fits inline; else {@link #chunkManagerError}, nothing sent. */
    private void sendInlineOrRaise(Message m) {
        if (OldChunkFormat.needsChunking(codec.format(m).length())) {
            throw chunkManagerError(m.command());
        }
        if (send(m)) {
            metrics.responseStarted(env.sim().now(), id, Command.SECREQ.token());
        }
    }

    /**
     * The Lua error of {@code chunkManager:SendChunkedMessage} at G1 (spec §10.2): {@code maxChunkSize} is set
     * only by {@code Initialize}, which nothing calls, so the piece count divides by nil before the header goes out.
     */
    private static LuaError chunkManagerError(Command command) {
        return new LuaError(command.token() + " over the inline limit: the chunk manager's maxChunkSize is nil");
    }

    /**
     * {@code SECRES:<ts>:<idx>:<b64>} receiver: must match A; stored (by requester and bystanders alike), marked
     * as seen, own pending answer cancelled; processed after 0.2 s, navigated to after 0.3 s if pending.
     */
    private void onSectionResponse(Message.SectionResponse r) {
        if (OldChunkFormat.isChunkPiece(r.data())) {
            metrics.messageMalformed(env.sim().now(), id, "SECRES old-format chunk piece, never reassembled");
        }
        if (saved.a != r.ts()) {
            return;
        }
        int index = r.index();
        Compressed c = compressed();
        c.timestamp = r.ts();
        String data = r.data().charAt(0) == MARKER ? r.data() : MARKER + r.data();
        if (data.equals(c.sections.get(index))) {
            metrics.duplicateTransfer(env.sim().now(), id, Command.SECRES.token());
        }
        c.sections.put(index, data);
        rt.receivedSectionResponses.add(index);
        AddonTimers.Handle own = rt.pendingSectionResponses.remove(index);
        if (own != null) {
            own.cancel();
        }
        scheduleUnprotected(SECRES_PROCESS_DELAY, "SECRES process", () -> {
            processSection(index);
            checkSynced();
        });
        if (rt.pendingSection != null && rt.pendingSection == index) {
            scheduleUnprotected(SECRES_NAVIGATE_DELAY, "SECRES navigate", () -> {
                if (rt.pendingSection != null && rt.pendingSection == index) {
                    rt.pendingSection = null;
                    navigateTo(index, Source.FROM_SYNC);
                }
            });
        }
    }

    /**
     * {@code DREQ:<ts>} receiver (§10.1): a member whose data is at least as new ({@code A ≥ ts}, equal included)
     * answers at once with {@code DRES:<A>:<full data>}, no jitter, cooldown or suppression, so every qualifying
     * member answers (the DRES storm). A member that cannot build the string (example data, a {@code ""}
     * placeholder or an undecodable section blob) does not answer (assumption).
     */
    private void onDataRequest(Message.DataRequest r) {
        if (saved.a < r.ts()) {
            return;
        }
        Distribution distribution = groupDistribution();
        String data = distribution == null ? null : fullDataString();
        if (data == null) {
            return;
        }
        metrics.responseStarted(env.sim().now(), id, Command.DREQ.token());
        cpu.encode(BlobSizes.of(data)); // G0 builds and compresses the whole dataset for every answer
        sendFullData(saved.a, data, distribution);
    }

    /**
     * {@code DRES:<ts>:<data>} receiver: applies only if newer than A: every section and the rebuilt structure
     * stored, the entries decoded, A = C = ts, navigation to the pending section or 1 {@code fromSync}. An
     * old-format chunk piece reaches this handler as data (never reassembled, as SRES/SECRES) and changes nothing.
     */
    private void onDataResponse(Message.DataResponse r) {
        long ts = r.ts();
        boolean piece = OldChunkFormat.isChunkPiece(r.data());
        if (piece) {
            metrics.messageMalformed(env.sim().now(), id, "DRES old-format chunk piece, never reassembled");
        }
        if (saved.a >= ts) {
            if (saved.a == ts && !piece) {
                metrics.duplicateTransfer(env.sim().now(), id, Command.DRES.token());
            }
            return;
        }
        if (piece) {
            return;
        }
        String data = r.data().charAt(0) == MARKER ? r.data() : MARKER + r.data();
        cpu.decodeWhole(data);
        Optional<EncodedSheet> decoded = FullData.decode(data);
        if (decoded.isEmpty()) {
            metrics.messageMalformed(env.sim().now(), id, "DRES data does not decode");
            return;
        }
        EncodedSheet sheet = decoded.get();
        Compressed c = new Compressed();
        List<SectionEntry> entries = new ArrayList<>();
        for (int i = 0; i < sheet.size(); i++) {
            c.sections.put(i + 1, sheet.sectionBlobs().get(i));
            entries.add(new SectionEntry(sheet.names().get(i), false, sheet.sectionBlobs().get(i)));
        }
        c.structure = sheet.structureBlob();
        c.timestamp = ts;
        saved.compressed = c;
        saved.a = ts;
        saved.data = entries;
        saved.isExample = false;
        int target = rt.pendingSection != null ? rt.pendingSection : 1;
        rt.pendingSection = null;
        navigateTo(target, Source.FROM_SYNC);
    }

    /** {@code DREQ:<ts>} on the group channel, no throttle (§10.1). */
    private void sendFullDataRequest(long ts) {
        if (send(new Message.DataRequest(ts))) {
            metrics.requestSent(env.sim().now(), id, Command.DREQ.token());
        }
    }

    /** The full-data string of the stored sections, or null if one is missing or does not decode. */
    private String fullDataString() {
        Compressed c = saved.compressed;
        if (c == null || saved.data.isEmpty()) {
            return null;
        }
        List<String> blobs = new ArrayList<>(saved.data.size());
        for (int i = 1; i <= saved.data.size(); i++) {
            String blob = c.sections.get(i);
            if (blob == null || blob.isEmpty()) {
                return null;
            }
            blobs.add(blob);
        }
        if (!blobs.equals(fullDataFrom)) {
            fullDataFrom = blobs;
            fullData = FullData.encode(blobs).orElse(null);
        }
        return fullData;
    }

    // -------------------------------------------------------------------------------------- send path

    /** A {@code ""} placeholder navigated to sends {@code SECREQ:<A>:<idx>} (no throttle, §10.2). */
    @Override
    protected void requestPlaceholderSection(int index) {
        if (send(new Message.SectionRequest(saved.a, index))) {
            metrics.requestSent(env.sim().now(), id, Command.SECREQ.token());
        }
    }

    /** {@code RequestStructureSync(ts)}: {@code SREQ:<ts>} at most once per 5 s. */
    private boolean requestStructureSync(long ts) {
        double now = clock.getTime();
        if (now - rt.lastStructureRequestTime < STRUCTURE_REQUEST_THROTTLE) {
            return false;
        }
        rt.lastStructureRequestTime = now;
        if (!send(new Message.StructureRequest(ts))) {
            return false;
        }
        metrics.requestSent(env.sim().now(), id, Command.SREQ.token());
        return true;
    }

    /**
     * Sends {@code DRES:<ts>:<data>} (the G0 option) inline, or, if longer than the inline limit, in the old
     * prefixed chunk format: header now, piece {@code i} by a timer {@code 0.2·i} s later.
     */
    private void sendFullData(long ts, String data, Distribution distribution) {
        String text = codec.format(new Message.DataResponse(ts, data));
        String token = codec.spelling().token(Command.DRES);
        if (!OldChunkFormat.needsChunking(text.length())) {
            sendText(text, distribution, token);
            return;
        }
        String tid = ChunkSender.transferId(clock.time(), random);
        String prefix = token + ":" + ts + ":";
        List<String> pieces = OldChunkFormat.pieces(prefix, data, tid);
        sendText(OldChunkFormat.header(prefix, data.length(), tid, pieces.size()), distribution,
                token + ":" + Command.CHUNKED.token());
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            timers.schedule(OldChunkFormat.STAGGER * (i + 1),
                    () -> sendText(piece, distribution, token + ":" + Command.CHUNK.token()));
        }
    }

    private void sendText(String text, Distribution d, String command) {
        cpu.message(text.length());
        env.channel().send(id, PREFIX, text, d, AddonChannel.NO_TARGET, Priority.NORMAL, command);
    }

    /** {@code ProcessSectionData(i)}: a usable blob clears the entry's {@code NeedsProcessing}. */
    @Override
    protected void processSection(int i) {
        if (i < 1 || i > saved.data.size() || saved.compressed == null) {
            return;
        }
        String blob = saved.compressed.sections.get(i);
        cpu.decodeSection(i, blob);
        if (blob != null && !blob.isEmpty() && env.decoder().sectionUsable(blob)) {
            SectionEntry e = saved.data.get(i - 1);
            e.needsProcessing = false;
            store(e, blob);
        }
    }

    /**
     * Desync: claims the newest timestamp but holds another structure or a section blob that is neither the newest
     * one nor the {@code ""} placeholder (placeholders are pulled lazily by design, so they are not counted here).
     */
    @Override
    protected boolean holdsOtherContent() {
        Compressed c = saved.compressed;
        EncodedSheet truth = env.truth().sheet();
        if (c == null || !truth.structureBlob().equals(c.structure) || saved.data.size() != truth.size()) {
            return true;
        }
        for (int i = 1; i <= truth.size(); i++) {
            String blob = c.sections.get(i);
            if (blob == null || !blob.isEmpty() && !blob.equals(truth.sectionBlobs().get(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The indices this client has seen a {@code SECRES} for (the never-cleared set), ascending. */
    public List<Integer> seenSectionResponses() {
        return List.copyOf(rt.receivedSectionResponses);
    }
}
