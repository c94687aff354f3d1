package org.syncsim.protocol.head;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.syncsim.channel.AddonChannel;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.Priority;
import org.syncsim.engine.FrameClock;
import org.syncsim.engine.SimTime;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.protocol.chunk.ChunkManager;
import org.syncsim.protocol.chunk.ChunkSender;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ClientSnapshot;
import org.syncsim.protocol.client.DataSheets;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.SheetSource;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.client.TankList;
import org.syncsim.protocol.clock.AddonTimers;
import org.syncsim.protocol.clock.ClientClock;
import org.syncsim.protocol.wire.Command;
import org.syncsim.protocol.wire.Message;
import org.syncsim.protocol.wire.ParseResult;
import org.syncsim.protocol.wire.Rejection;
import org.syncsim.protocol.wire.WireCodec;

/**
 * The {@code head} profile: the TWRA addon at HEAD {@code b82a28a} (spec §2-§9, cheat sheet §12.1), flaws
 * included. Handlers run to completion inside the delivery event; where the addon raises a Lua error the handler
 * stops there, state stays as it stands, and {@link MetricsRecorder#handlerAborted} is counted (§12.2).
 *
 * <p>State split as §4: {@link SavedVariables} survive {@link #reload()}; {@link Runtime} (§4.2, the chunk
 * manager §4.3 and the timer table §2.5) is rebuilt on every login/reload. All {@code math.random} draws
 * (responder delay, transfer ids) come from the stream {@code client/<name>/lua-random}.
 */
public final class HeadClient implements SyncClient {
    /** Min interval between own BSREQs ({@code requestTimeout}, §3.2 step 1). */
    static final double REQUEST_MIN_INTERVAL = 5;
    /** Requester's log-only timer (§3.2 step 6). */
    static final double REQUEST_LOG_TIMER = 10;
    /** Reaction cooldown for a newer SECTION, strict {@code >} (§3.1 step 4). */
    static final double REACTION_COOLDOWN = 30;
    /** {@code syncInProgress} safety after a SECTION reaction (§3.1 step 4). */
    static final double SECTION_FLAG_SAFETY = 15;
    /** BSREQ dedup retention (§3.2 receiver step 2). */
    static final double DEDUP_RETENTION = 60;
    /** Responder delay {@code 2.0 + 0.5·U} (§3.2 receiver step 9). */
    static final double RESPONDER_DELAY_BASE = 2.0;
    static final double RESPONDER_DELAY_SPREAD = 0.5;
    /** Responder state cleanup after a push (§3.2 step 9). */
    static final double RESPONDER_CLEANUP = 5;
    /** Responder safety clear after {@code delay + 30} (§3.2 step 10). */
    static final double RESPONDER_SAFETY = 30;
    /** "I am requester" window and ACK-state cleanup (§3.3 step 5). */
    static final double REQUESTER_WINDOW = 15;
    static final double ACK_CLEANUP = 15;
    /** Min interval between own pushes and its reset timer (§6(e) steps 1, 7). */
    static final double PUSH_GUARD = 10;
    static final double PUSH_GUARD_RESET = 30;
    /** Group-join delay before VER/BSREQ (§6(d)). */
    static final double JOIN_DELAY = 2;
    /** Import push delay (§6(b) step 1). */
    static final double IMPORT_PUSH_DELAY = 0.5;
    /** {@code DATA_COMPAT} (§3.8). */
    static final int DATA_COMPAT = 1;
    /** How long the "Example" button replaces {@code NavigateToSection} (§3.1, {@code Example.lua:689-762}). */
    static final double EXAMPLE_WINDOW = 300;
    /** Example.lua's section names (§5.1). */
    static final List<String> EXAMPLE_SECTIONS = List.of("Welcome", "Grand Widow Faerlina", "Thaddius");

    private static final String PREFIX = Command.Prefix.TWRA.name();
    private static final String CHUNKED_REF = "CHUNKED:";
    private static final char MARKER = '\u00F1';

    /** Where a navigation came from; only {@link #FROM_SYNC} suppresses the SECTION broadcast (§3.1.1). */
    enum Source {
        USER, IMPORT, FROM_SYNC
    }

    /** A Lua runtime error: aborts the handler at the point it is thrown. */
    private static final class LuaError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LuaError(String where) {
            super(where, null, false, false);
        }
    }

    /**
     * One entry of {@code TWRA_Assignments.data} as far as sync cares. {@code content} is the blob whose decoded
     * section the entry holds (null for a skeleton or example entry): it can lag the compressed cache (a BSEC without
     * its BSTR), and Tank Sync reads the entry, not the cache.
     */
    private static final class SectionEntry {
        final String name;
        boolean needsProcessing;
        String content;

        SectionEntry(String name, boolean needsProcessing, String content) {
            this.name = name;
            this.needsProcessing = needsProcessing;
            this.content = content;
        }
    }

    /** {@code TWRA_CompressedAssignments} (§4.1). */
    private static final class Compressed {
        String structure;
        final TreeMap<Integer, String> sections = new TreeMap<>();
        final TreeMap<Integer, String> missing = new TreeMap<>();
        long timestamp;
        String structureReference;
    }

    /** Persistent state (§4.1): survives reload. */
    private static final class SavedVariables {
        long a;
        List<SectionEntry> data = new ArrayList<>();
        int currentSection;
        String currentSectionName;
        boolean isExample;
        Compressed compressed;
        boolean liveSync;
        boolean tankSync;
    }

    /** {@code pendingBulkResponse} (§3.2 step 9). */
    private record PendingResponse(long timestamp, int requester, double responseTime, AddonTimers.Handle timer) {
    }

    /** Runtime state (§4.2, §4.3): rebuilt on every login/reload. */
    private static final class Runtime {
        boolean liveSync;
        boolean tankSync;
        int tankListeners;
        Integer pendingSection;
        double lastRequestTime;
        boolean syncInProgress;
        double lastNewerTimestampReaction;
        final Map<String, Double> processedBulkRequests = new LinkedHashMap<>();
        PendingResponse pendingBulkResponse;
        Long newerTimestampResponded;
        AddonTimers.Handle bulkSyncRequestTimeout;
        Map<String, Long> bulkSyncAcknowledgments = new LinkedHashMap<>();
        Double lastSendAllSectionsTime;
        final TreeSet<Integer> receivedSectionResponses = new TreeSet<>();
        boolean hasSeenNewerVersion;
        String newerVersionString;
        boolean wasInGroup;
        /** {@code NavigateToSection} replaced by the "Example" button's variant (§3.1). */
        boolean exampleNavigation;
        final ChunkManager chunks = new ChunkManager();
    }

    private final ProtocolEnvironment env;
    private final int id;
    private final ClientConfig config;
    private final WireCodec codec;
    private final ClientClock clock;
    private final AddonTimers timers;
    private final UniformRandomProvider random;
    private final MetricsRecorder metrics;
    private final SavedVariables saved = new SavedVariables();
    private Runtime rt = new Runtime();
    private boolean online;
    private long syncReportedFor = Long.MIN_VALUE;

    public HeadClient(ProtocolEnvironment env, int id, ClientConfig config) {
        this.env = env;
        this.id = id;
        this.config = config;
        this.codec = new WireCodec(HeadProfile.SPELLING);
        this.clock = new ClientClock(env.sim(), env.epochSeconds(), config.wallOffsetMicros(), config.getTimeOrigin());
        this.timers = new AddonTimers(env.sim(), FrameClock.ofFps(config.fps(), config.frameOriginMicros()));
        this.random = env.sim().random().stream("client/" + config.name() + "/lua-random");
        this.metrics = env.metrics();
        saved.liveSync = config.liveSync();
        saved.tankSync = config.tankSync();
        loadInitialData(config.initialData());
        env.channel().register(id, this::onAddonMessage, this::onRosterUpdate);
    }

    private void loadInitialData(InitialData initial) {
        if (initial instanceof InitialData.Saved s) {
            EncodedSheet sheet = s.sheet();
            saved.a = s.timestamp();
            saved.isExample = false;
            saved.compressed = new Compressed();
            for (int i = 0; i < sheet.size(); i++) {
                saved.data.add(new SectionEntry(sheet.names().get(i), false, sheet.sectionBlobs().get(i)));
                saved.compressed.sections.put(i + 1, sheet.sectionBlobs().get(i));
            }
            saved.compressed.structure = sheet.structureBlob();
            saved.compressed.timestamp = s.timestamp();
            saved.currentSection = sheet.size() > 0 ? 1 : 0;
            saved.currentSectionName = sheet.size() > 0 ? sheet.names().get(0) : null;
            env.truth().publish(s.timestamp(), sheet, env.sim().now());
            syncReportedFor = s.timestamp();
        } else {
            saved.a = 0;
            saved.isExample = true;
            saved.compressed = null;
            for (String n : EXAMPLE_SECTIONS) {
                saved.data.add(new SectionEntry(n, true, null));
            }
            saved.currentSection = 1;
            saved.currentSectionName = EXAMPLE_SECTIONS.get(0);
        }
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String name() {
        return config.name();
    }

    public ClientClock clock() {
        return clock;
    }

    public AddonTimers timers() {
        return timers;
    }

    // ------------------------------------------------------------------------------------ control methods

    @Override
    public void enterWorld() {
        timers.cancelAll();
        rt = new Runtime();
        rt.liveSync = saved.liveSync;
        rt.tankSync = saved.tankSync;
        rt.tankListeners = saved.liveSync && saved.tankSync ? 1 : 0;
        online = true;
        if (config.rosterEventOnLogin() && inGroup()) {
            onRosterUpdate(env.sim().now());
        }
    }

    @Override
    public void leaveWorld() {
        timers.cancelAll();
        online = false;
    }

    @Override
    public void reload() {
        leaveWorld();
        enterWorld();
    }

    @Override
    public void loadingScreen() {
        // PLAYER_ENTERING_WORLD: re-activates the liveSync flag from saved options and refreshes the UI only.
        rt.liveSync = saved.liveSync;
    }

    @Override
    public void setLiveSync(boolean on) {
        saved.liveSync = on;
        rt.liveSync = on;
    }

    /** The options checkbox for Tank Sync: turning it on registers one more listener each time (B32). */
    public void setTankSync(boolean on) {
        saved.tankSync = on;
        rt.tankSync = on;
        if (on) {
            rt.tankListeners++;
        }
    }

    @Override
    public void importSheet(SheetSource source) {
        if (!online) {
            return;
        }
        long now = env.sim().now();
        guarded("import", () -> {
            long ts = clock.time();
            EncodedSheet sheet = source.encodeAt(ts);
            String previousName = saved.currentSectionName;
            saved.a = ts;
            saved.isExample = false;
            saved.data = new ArrayList<>();
            Compressed c = new Compressed();
            for (int i = 0; i < sheet.size(); i++) {
                saved.data.add(new SectionEntry(sheet.names().get(i), false, sheet.sectionBlobs().get(i)));
                c.sections.put(i + 1, sheet.sectionBlobs().get(i));
            }
            c.structure = sheet.structureBlob();
            c.timestamp = ts;
            saved.compressed = c;
            env.truth().publish(ts, sheet, now);
            int target = Math.max(1, sheet.names().indexOf(previousName) + 1);
            navigateTo(target, Source.IMPORT);
        });
        if (inGroup()) {
            timers.schedule(IMPORT_PUSH_DELAY, () -> guarded("import push", this::sendAllSections));
        }
        checkSynced();
    }

    /**
     * The plain-Lua-text import path ({@code TWRA_ImportString=…}, B38, §6(b) step 9): A = {@code time()}, but the
     * call that should store the compressed form returns at once, so the compressed cache (sections, structure, C)
     * keeps the previous sheet; nothing is pushed or broadcast. The imported table is nested under {@code data}, so
     * {@code TWRA_Assignments.data} has no numeric entries: the navigation list is empty and the BSREQ completeness
     * test expects nothing (§3.2 step 5). A later pull from this client therefore delivers the previous sheet under
     * the new timestamp. Ground truth is what the user imported, stamped A: members receiving the old content
     * under A are desynced (and so is this client).
     */
    public void importPlainText(SheetSource source) {
        if (!online) {
            return;
        }
        long ts = clock.time();
        saved.a = ts;
        saved.isExample = false;
        saved.data = new ArrayList<>();
        env.truth().publish(ts, source.encodeAt(ts), env.sim().now());
        checkSynced();
    }

    /** {@link #importPlainText(SheetSource)} of an assignment set of the data layer. */
    public void importPlainText(org.syncsim.protocol.data.AssignmentSet set) {
        importPlainText(DataSheets.source(set));
    }

    /**
     * The options' "Example" button (§3.1, {@code Example.lua:548-774}): for {@value #EXAMPLE_WINDOW} s (an addon
     * timer, lost on reload with the rest of the Lua state) {@code NavigateToSection} is replaced by a variant that
     * fires no {@code SECTION_CHANGED}, so this client neither broadcasts SECTION nor sends Tank Sync, whatever the
     * navigation's source. The variant otherwise navigates as the original (fixed choice: the spec says only what it
     * omits). A press while the window is open changes nothing (fixed choice). Whatever else the button does is not
     * modelled: the spec describes only this override.
     */
    public void exampleButton() {
        if (!online || rt.exampleNavigation) {
            return;
        }
        rt.exampleNavigation = true;
        timers.schedule(EXAMPLE_WINDOW, () -> rt.exampleNavigation = false);
    }

    /** True while the "Example" button's navigation variant is in place. */
    public boolean exampleWindowOpen() {
        return rt.exampleNavigation;
    }

    @Override
    public void navigate(int index) {
        if (online) {
            guarded("navigate", () -> navigateTo(index, Source.USER));
        }
    }

    /** {@code /twra version}: {@code CheckVersionCompatibility()} broadcasts VER (§3.8). */
    public void slashVersion() {
        if (online) {
            sendVersion();
        }
    }

    @Override
    public void syncAll() {
        if (online) {
            guarded("Sync All", this::sendAllSections);
        }
    }

    // ------------------------------------------------------------------------------------- receive path

    /** {@code OnChatMsgAddon} (§2.2): own echo and foreign prefixes dropped, then routed (§2.4). */
    void onAddonMessage(long now, String prefix, String text, Distribution distribution, int sender) {
        if (!online || sender == id || !PREFIX.equals(prefix)) {
            return;
        }
        ParseResult parsed = codec.parseLikeHeadAddon(text);
        if (parsed instanceof ParseResult.Rejected r) {
            if (r.reason() == Rejection.HANDLER_ERROR) {
                metrics.handlerAborted(now, id, r.command() == null ? "?" : r.command().token(), r.detail());
            } else {
                metrics.messageMalformed(now, id, r.reason() + (r.command() == null ? "" : " " + r.command()));
            }
            return;
        }
        Message m = ((ParseResult.Parsed) parsed).message();
        guarded(m.command().token(), () -> dispatch(m, sender));
        checkSynced();
    }

    private void dispatch(Message m, int sender) {
        if (m instanceof Message.Section s) {
            onSection(s);
        } else if (m instanceof Message.BulkRequest r) {
            onBulkRequest(r, sender);
        } else if (m instanceof Message.BulkAck a) {
            onBulkAck(a);
        } else if (m instanceof Message.BulkSection b) {
            onBulkSection(b);
        } else if (m instanceof Message.BulkStructure b) {
            onBulkStructure(b);
        } else if (m instanceof Message.ChunkHeader h) {
            onChunkHeader(h, sender);
        } else if (m instanceof Message.Chunk c) {
            onChunk(c);
        } else if (m instanceof Message.Version v) {
            onVersion(v);
        }
    }

    /** {@code RAID_ROSTER_UPDATE}/{@code PARTY_MEMBERS_CHANGED} → {@code OnGroupChanged} (§6(d) step 1). */
    void onRosterUpdate(long now) {
        if (!online) {
            return;
        }
        boolean grouped = inGroup();
        if (grouped && !rt.wasInGroup) {
            timers.schedule(JOIN_DELAY, () -> guarded("group join", () -> {
                if (inGroup()) {
                    sendVersion();
                    if (rt.liveSync) {
                        requestBulkSync();
                    }
                }
            }));
        }
        rt.wasInGroup = grouped;
    }

    /** §3.1 receiver. */
    private void onSection(Message.Section s) {
        if (rt.syncInProgress) {
            return;
        }
        long own = saved.a;
        if (own == s.ts()) {
            navigateTo(s.index(), Source.FROM_SYNC);
        } else if (own < s.ts()) {
            rt.pendingSection = s.index();
            double now = clock.getTime();
            if (now - rt.lastNewerTimestampReaction > REACTION_COOLDOWN) {
                rt.lastNewerTimestampReaction = now;
                rt.syncInProgress = true;
                requestBulkSync();
                timers.schedule(SECTION_FLAG_SAFETY, () -> rt.syncInProgress = false);
            }
        }
    }

    /** §3.2 receiver ({@code HandleBulkSyncRequestCommand}); B1, B2, B13, B36. */
    private void onBulkRequest(Message.BulkRequest r, int sender) {
        double now = clock.getTime();
        String key = env.names().apply(sender) + "_" + (long) Math.floor(now);
        if (rt.processedBulkRequests.containsKey(key)) {
            return;
        }
        rt.processedBulkRequests.put(key, now);
        rt.processedBulkRequests.values().removeIf(t -> now - t > DEDUP_RETENTION);
        Compressed c = saved.compressed;
        if (c == null) {
            return;
        }
        long ours = saved.a;
        if (r.ts() > 0 && !(ours > r.ts())) {
            return;
        }
        int expected = saved.data.size();
        if (c.sections.size() < expected) {
            return;
        }
        for (int i = 1; i <= expected; i++) {
            if (!c.sections.containsKey(i)) {
                return;
            }
        }
        if (rt.syncInProgress) {
            return;
        }
        rt.syncInProgress = true;
        send(new Message.BulkAck(ours, config.name()));
        if (rt.pendingBulkResponse != null) {
            rt.pendingBulkResponse.timer().cancel();
        }
        double delay = RESPONDER_DELAY_BASE + RESPONDER_DELAY_SPREAD * random.nextDouble();
        AddonTimers.Handle timer = timers.schedule(delay, () -> guarded("bulk response", () -> respond(ours)));
        rt.pendingBulkResponse = new PendingResponse(ours, sender, now, timer);
        timers.schedule(delay + RESPONDER_SAFETY, () -> rt.syncInProgress = false);
    }

    /** The responder's timer (§3.2 step 9): stand down only on a strictly newer ACK (B1); B7 via the push guard. */
    private void respond(long ours) {
        if (rt.newerTimestampResponded != null && rt.newerTimestampResponded > ours) {
            rt.syncInProgress = false;
            return;
        }
        try {
            if (sendAllSections()) {
                metrics.responseStarted(env.sim().now(), id, Command.BSREQ.token());
            }
        } finally {
            rt.syncInProgress = false;
        }
        timers.schedule(RESPONDER_CLEANUP, () -> {
            rt.newerTimestampResponded = null;
            rt.pendingBulkResponse = null;
        });
    }

    /** §3.3 receiver; B25. */
    private void onBulkAck(Message.BulkAck a) {
        if (rt.bulkSyncRequestTimeout != null) {
            rt.bulkSyncRequestTimeout.cancel();
            rt.bulkSyncRequestTimeout = null;
        }
        rt.bulkSyncAcknowledgments.put(a.responder(), a.ts());
        rt.newerTimestampResponded = rt.newerTimestampResponded == null ? a.ts()
                : Math.max(rt.newerTimestampResponded, a.ts());
        if (clock.getTime() - rt.lastRequestTime < REQUESTER_WINDOW) {
            timers.schedule(ACK_CLEANUP, () -> {
                rt.bulkSyncAcknowledgments = new LinkedHashMap<>();
                rt.newerTimestampResponded = null;
            });
        }
        PendingResponse p = rt.pendingBulkResponse;
        if (p != null && a.ts() > p.timestamp()) {
            p.timer().cancel();
            rt.pendingBulkResponse = null;
            rt.syncInProgress = false;
        }
    }

    /**
     * §3.4 receiver: stored unconditionally (B11), A raised before the structure arrives (B9), a reference
     * without its blob stored as a dangling {@code CHUNKED:<tid>} (B16), ignored if the chunk manager was never
     * initialised (B30).
     */
    private void onBulkSection(Message.BulkSection b) {
        if (saved.compressed == null) {
            saved.compressed = new Compressed();
        }
        Compressed c = saved.compressed;
        int idx = b.index();
        String data = b.data();
        if (data.startsWith(CHUNKED_REF)) {
            String tid = transferIdOf(data);
            if (!rt.chunks.isInitialized()) {
                return;
            }
            String blob = rt.chunks.retrieve(tid, clock.getTime());
            if (blob == null) {
                c.sections.put(idx, CHUNKED_REF + tid);
                c.missing.put(idx, tid);
                return;
            }
            data = blob;
        }
        if (data.equals(c.sections.get(idx))) {
            metrics.duplicateTransfer(env.sim().now(), id, Command.BSEC.token());
        }
        c.sections.put(idx, data);
        if (b.ts() > saved.a) {
            saved.a = b.ts();
        }
        rt.receivedSectionResponses.add(idx);
        c.missing.remove(idx);
    }

    /**
     * §3.5 receiver: equal timestamps fully re-applied (B12); skeleton keeps older blobs (B10) and never prunes
     * (B14); any missing section ends in the call to the undefined {@code RequestMissingSectionsWhisper} (B29).
     */
    private void onBulkStructure(Message.BulkStructure b) {
        long ts = b.ts();
        long local = saved.compressed != null ? saved.compressed.timestamp : saved.a;
        if (local > ts) {
            return;
        }
        if (local == ts && saved.a == ts) {
            metrics.duplicateTransfer(env.sim().now(), id, Command.BSTR.token());
        }
        String data = b.data();
        if (data.startsWith(CHUNKED_REF)) {
            String tid = transferIdOf(data);
            if (!rt.chunks.isInitialized()) {
                return;
            }
            String blob = rt.chunks.retrieve(tid, clock.getTime());
            if (blob == null) {
                compressed().structureReference = tid;
                return;
            }
            if (blob.isEmpty()) {
                return;
            }
            data = blob;
        }
        if (data.charAt(0) != MARKER) {
            data = MARKER + data;
        }
        Compressed c = compressed();
        c.structure = data;
        c.timestamp = ts;
        Optional<List<String>> names = env.decoder().structureNames(data);
        if (names.isEmpty()) {
            return;
        }
        saved.a = ts;
        buildSkeleton(names.get(), ts);
        int n = saved.data.size();
        int target = rt.pendingSection != null ? rt.pendingSection
                : saved.currentSection > 0 ? saved.currentSection : 1;
        if (target < 1 || target > n) {
            target = 1;
        }
        for (int i = 1; i <= n; i++) {
            processSection(i);
        }
        navigateTo(target, Source.FROM_SYNC);
        rt.pendingSection = null;
        if (!c.missing.isEmpty()) {
            checkSynced();
            throw new LuaError("BSTR: RequestMissingSectionsWhisper is undefined (B29), " + c.missing.size()
                    + " missing");
        }
        c.structureReference = null;
    }

    /** {@code BuildSkeletonFromStructure(names, ts, preserve = true)} (§3.5 step 8). */
    private void buildSkeleton(List<String> names, long ts) {
        List<SectionEntry> data = new ArrayList<>(names.size());
        for (String n : names) {
            data.add(new SectionEntry(n, true, null));
        }
        saved.data = data;
        saved.isExample = false;
        Compressed c = compressed();
        c.timestamp = ts;
        for (int i = 1; i <= names.size(); i++) {
            c.sections.putIfAbsent(i, "");
        }
    }

    /**
     * {@code ProcessSectionData(i)}: decodes one section; success clears its missing mark (fixed choice),
     * failure (placeholder, dangling reference, bad blob) sets it.
     */
    private void processSection(int i) {
        Compressed c = saved.compressed;
        String blob = c.sections.get(i);
        SectionEntry e = saved.data.get(i - 1);
        if (blob != null && !blob.isEmpty() && env.decoder().sectionUsable(blob)) {
            e.needsProcessing = false;
            e.content = blob;
            c.missing.remove(i);
        } else {
            c.missing.put(i, "true");
        }
    }

    /** §3.6 receiver. A restart wipes chunks already received (B15). */
    private void onChunkHeader(Message.ChunkHeader h, int sender) {
        ChunkManager.HeaderOutcome o = rt.chunks.onHeader(h.transferId(), h.totalBytes(), h.count(), sender,
                clock.getTime());
        if (o == ChunkManager.HeaderOutcome.RESTARTED) {
            metrics.duplicateTransfer(env.sim().now(), id, Command.CHUNKED.token());
        }
    }

    /** §3.7 receiver: duplicates count as progress (B15), unknown transfers discarded. */
    private void onChunk(Message.Chunk c) {
        ChunkManager.ChunkOutcome o = rt.chunks.onChunk(c.transferId(), c.n(), c.payload(), clock.getTime());
        if (o == ChunkManager.ChunkOutcome.DUPLICATE_COUNTED) {
            metrics.duplicateTransfer(env.sim().now(), id, Command.CHUNK.token());
        }
    }

    /** §3.8 receiver; the reply to an older incompatible peer goes to WHISPER without a target (B23). */
    private void onVersion(Message.Version v) {
        int[] ours = parseVersion(config.version());
        boolean incompatible;
        boolean newer;
        if (v.major() != ours[0]) {
            incompatible = true;
            newer = v.major() > ours[0];
        } else if (v.minor() != ours[1]) {
            incompatible = v.minor() < DATA_COMPAT;
            newer = v.minor() > ours[1];
        } else {
            incompatible = false;
            newer = v.patch() > ours[2];
        }
        if (newer) {
            rt.hasSeenNewerVersion = true;
            rt.newerVersionString = v.text();
        }
        if (incompatible && !newer) {
            String text = codec.format(versionMessage());
            env.channel().send(id, PREFIX, text, Distribution.WHISPER, AddonChannel.NO_TARGET, Priority.NORMAL,
                    Command.VER.token());
        }
    }

    // -------------------------------------------------------------------------------------- send path

    /** {@code NavigateToSection(index, source)} (§3.1.1). */
    private boolean navigateTo(int index, Source source) {
        int n = saved.data.size();
        if (index < 1 || index > n) {
            return false;
        }
        if (saved.compressed == null) {
            throw new LuaError("NavigateToSection: TWRA_CompressedAssignments is nil (example data)");
        }
        String blob = saved.compressed.sections.get(index);
        if ("".equals(blob) && !saved.isExample) {
            rt.pendingSection = index;
            requestBulkSync();
        }
        SectionEntry e = saved.data.get(index - 1);
        if (e.needsProcessing && blob != null) {
            processSection(index);
        }
        saved.currentSection = index;
        saved.currentSectionName = e.name;
        if (!rt.exampleNavigation) {
            sectionChanged(index, source);
        }
        return true;
    }

    /**
     * {@code SECTION_CHANGED} listeners in registration order: the sync broadcast (§3.1), then each Tank Sync
     * listener (§3.9, B32), any source including {@code fromSync}.
     */
    private void sectionChanged(int index, Source source) {
        if (source != Source.FROM_SYNC && rt.liveSync && inGroup()) {
            send(new Message.Section(saved.a, index));
        }
        for (int k = 0; k < rt.tankListeners; k++) {
            updateTanks(index);
        }
    }

    /**
     * {@code UpdateTanks} (§3.9): if Tank Sync is on, oRA2 is loaded and the current section's entry has
     * {@code Tank Columns}, {@code MT CLEAR} then {@code SET <i> <name|Empty>} for i = 1..10 on RAID; names by
     * {@link TankList}, read from the decoded entry (what the client displays), not from the compressed cache.
     */
    private void updateTanks(int index) {
        if (!rt.tankSync || !config.oRA2Loaded()) {
            return;
        }
        String content = saved.data.get(index - 1).content;
        Optional<List<String>> slots = content == null ? Optional.empty() : env.decoder().tankSlots(content);
        if (slots.isEmpty()) {
            return;
        }
        sendOn(new Message.TankClear(), Distribution.RAID);
        List<String> names = slots.get();
        for (int slot = 1; slot <= names.size(); slot++) {
            sendOn(new Message.TankSet(slot, names.get(slot - 1)), Distribution.RAID);
        }
    }

    /** {@code RequestBulkSync()} (§3.2 sender): B5, B8, B26. */
    private boolean requestBulkSync() {
        double now = clock.getTime();
        if (now - rt.lastRequestTime < REQUEST_MIN_INTERVAL) {
            return false;
        }
        rt.lastRequestTime = now;
        if (!inGroup()) {
            return false;
        }
        rt.syncInProgress = false;
        rt.newerTimestampResponded = null;
        rt.pendingBulkResponse = null;
        send(new Message.BulkRequest(saved.a));
        metrics.requestSent(env.sim().now(), id, Command.BSREQ.token());
        if (rt.bulkSyncRequestTimeout != null) {
            rt.bulkSyncRequestTimeout.cancel();
        }
        rt.bulkSyncRequestTimeout = timers.schedule(REQUEST_LOG_TIMER, () -> rt.syncInProgress = false);
        rt.bulkSyncAcknowledgments = new LinkedHashMap<>();
        return true;
    }

    /**
     * {@code SendAllSections()} (§6(e)): one synchronous burst [chunk transfers] → [BSEC 1..n] → [BSTR] at A.
     * The guard time is stamped before the remaining checks (B37); no pacing (B18).
     */
    private boolean sendAllSections() {
        if (!inGroup()) {
            return false;
        }
        Compressed c = saved.compressed;
        if (c == null) {
            return false;
        }
        double now = clock.getTime();
        if (rt.lastSendAllSectionsTime != null && now - rt.lastSendAllSectionsTime < PUSH_GUARD) {
            return false;
        }
        rt.lastSendAllSectionsTime = now;
        if (c.sections.isEmpty() || c.structure == null) {
            return false;
        }
        long ts = saved.a;
        List<Integer> toChunk = new ArrayList<>();
        for (Map.Entry<Integer, String> e : c.sections.entrySet()) {
            String data = e.getValue();
            if (!data.isEmpty() && e.getKey() >= 1
                    && ChunkSender.needsChunking(codec.format(new Message.BulkSection(ts, e.getKey(), data)).length())) {
                toChunk.add(e.getKey());
            }
        }
        if (!config.chunkOrderAscending()) {
            java.util.Collections.reverse(toChunk);
        }
        Map<Integer, String> refs = new TreeMap<>();
        for (int idx : toChunk) {
            refs.put(idx, chunkContent(c.sections.get(idx)));
        }
        String structureRef = null;
        if (ChunkSender.needsChunking(codec.format(new Message.BulkStructure(ts, c.structure)).length())) {
            structureRef = chunkContent(c.structure);
        }
        for (Map.Entry<Integer, String> e : c.sections.entrySet()) {
            if (e.getValue().isEmpty() || e.getKey() < 1) {
                continue;
            }
            String tid = refs.get(e.getKey());
            send(new Message.BulkSection(ts, e.getKey(), tid != null ? ChunkSender.reference(tid) : e.getValue()));
        }
        send(new Message.BulkStructure(ts, structureRef != null ? ChunkSender.reference(structureRef) : c.structure));
        timers.schedule(PUSH_GUARD_RESET, () -> rt.lastSendAllSectionsTime = null);
        return true;
    }

    /** {@code ChunkContent(data)}: header then every chunk, immediately; returns the transfer id. */
    private String chunkContent(String data) {
        rt.chunks.ensureInitialized();
        String tid = ChunkSender.transferId(clock.time(), random);
        for (Message m : ChunkSender.split(data, tid, ChunkSender.CHUNK_SIZE)) {
            send(m);
        }
        return tid;
    }

    private void sendVersion() {
        send(versionMessage());
    }

    private Message.Version versionMessage() {
        int[] v = parseVersion(config.version());
        return new Message.Version(v[0], v[1], v[2]);
    }

    private static int[] parseVersion(String s) {
        String[] p = s.split("\\.");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    /** {@code TWRA:SendAddonMessage} (§2.3): RAID if in a raid, else PARTY, else refused. */
    private boolean send(Message m) {
        Distribution d = groupDistribution();
        if (d == null) {
            return false;
        }
        sendOn(m, d);
        return true;
    }

    private void sendOn(Message m, Distribution d) {
        env.channel().send(id, WireCodec.prefixOf(m), codec.format(m), d, AddonChannel.NO_TARGET, Priority.NORMAL,
                codec.spelling().token(m.command()));
    }

    private Distribution groupDistribution() {
        if (env.channel().raidMembers(id) > 0) {
            return Distribution.RAID;
        }
        if (env.channel().partyMembers(id) > 0) {
            return Distribution.PARTY;
        }
        return null;
    }

    private boolean inGroup() {
        return groupDistribution() != null;
    }

    // ----------------------------------------------------------------------------------------- helpers

    private Compressed compressed() {
        if (saved.compressed == null) {
            saved.compressed = new Compressed();
        }
        return saved.compressed;
    }

    /** The transfer id of a {@code CHUNKED:<tid>[:...]} reference: text up to the next colon. */
    private static String transferIdOf(String ref) {
        String rest = ref.substring(CHUNKED_REF.length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    /** Runs a handler; a {@link LuaError} stops it where it was thrown and is counted. */
    private void guarded(String what, Runnable body) {
        try {
            body.run();
        } catch (LuaError e) {
            metrics.handlerAborted(env.sim().now(), id, what, e.getMessage());
        }
    }

    /** Reports time-to-sync the first time this client holds the newest complete data. */
    private void checkSynced() {
        if (!env.truth().isPresent() || syncReportedFor == env.truth().timestamp()) {
            return;
        }
        if (holdsTruth()) {
            syncReportedFor = env.truth().timestamp();
            metrics.clientSynced(env.sim().now(), id, syncReportedFor);
        }
    }

    private boolean holdsTruth() {
        Compressed c = saved.compressed;
        return c != null && env.truth().heldBy(saved.a, c.timestamp, saved.data.size(), c.structure, c.sections,
                c.missing);
    }

    /** True once this client has reported holding the newest data (or held it from the start). */
    public boolean isSynced() {
        return env.truth().isPresent() && holdsTruth();
    }

    @Override
    public boolean checkDesync() {
        if (env.truth().isPresent() && saved.a == env.truth().timestamp() && !holdsTruth()) {
            metrics.desyncDetected(env.sim().now(), id, saved.a);
            return true;
        }
        return false;
    }

    @Override
    public ClientSnapshot snapshot() {
        Compressed c = saved.compressed;
        List<String> names = new ArrayList<>();
        for (SectionEntry e : saved.data) {
            names.add(e.name);
        }
        return new ClientSnapshot(config.name(), saved.a, c == null ? 0 : c.timestamp, c != null, List.copyOf(names),
                c == null ? new TreeMap<>() : new TreeMap<>(c.sections), c == null ? null : c.structure,
                c == null ? new TreeMap<>() : new TreeMap<>(c.missing), saved.currentSection, saved.isExample,
                rt.syncInProgress, online);
    }

    /** Virtual time of the next frame of this client at or after {@code t} (for tests and runners). */
    public long frameAtOrAfter(long t) {
        return timers.frames().atOrAfter(t);
    }

    @Override
    public String toString() {
        return "HeadClient[" + config.name() + " A=" + saved.a + " t=" + SimTime.format(env.sim().now()) + "]";
    }
}
