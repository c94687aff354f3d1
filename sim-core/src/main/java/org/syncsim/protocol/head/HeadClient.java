package org.syncsim.protocol.head;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.syncsim.channel.AddonChannel;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.OutgoingMessage;
import org.syncsim.channel.Priority;
import org.syncsim.metrics.MetricsRecorder;
import org.syncsim.protocol.chunk.ChunkManager;
import org.syncsim.protocol.chunk.ChunkSender;
import org.syncsim.protocol.chunk.LuaPairsOrder;
import org.syncsim.protocol.chunk.SweptTable;
import org.syncsim.protocol.chunk.TextIds;
import org.syncsim.protocol.client.AddonClient;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.FixedChoices;
import org.syncsim.protocol.client.DataSheets;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.RunMemos;
import org.syncsim.protocol.client.SheetSource;
import org.syncsim.protocol.clock.AddonTimers;
import org.syncsim.protocol.cpu.BlobSizes;
import org.syncsim.protocol.plan.CompressedCache;
import org.syncsim.protocol.plan.Differential;
import org.syncsim.protocol.plan.Permissions;
import org.syncsim.protocol.plan.PlanPolicies;
import org.syncsim.protocol.plan.Recovery;
import org.syncsim.protocol.plan.RequestCoalescing;
import org.syncsim.protocol.plan.Responders;
import org.syncsim.protocol.plan.SkipRedundant;
import org.syncsim.protocol.plan.VersionCheck;
import org.syncsim.protocol.plan.Versioning;
import org.syncsim.protocol.wire.Command;
import org.syncsim.protocol.wire.Message;
import org.syncsim.protocol.wire.ParseResult;
import org.syncsim.protocol.wire.Rejection;
import org.syncsim.protocol.wire.WireSpelling;

/**
 * The {@code head} profile: the TWRA addon at HEAD {@code b82a28a} (spec §2-§9, cheat sheet §12.1), flaws
 * included. Handlers run to completion inside the delivery event; where the addon raises a Lua error the handler
 * stops there, state stays as it stands, and {@link MetricsRecorder#handlerAborted} is counted (§12.2).
 *
 * <p>State split as §4: {@link SavedVariables} survive {@link #reload()}; {@link Runtime} (§4.2, the chunk
 * manager §4.3 and the timer table §2.5) is rebuilt on every login/reload. All {@code math.random} draws
 * (responder delay, transfer ids) come from the stream {@code client/<name>/lua-random}. What both profiles share
 * (lifecycle, import, navigation, Tank Sync, sending, ground-truth reporting) is in {@link AddonClient}; this class
 * holds the head router, the BSREQ/BSEC/BSTR pull and push, chunking, VER handling and the head-only controls.
 */
public final class HeadClient extends AddonClient<HeadClient.Runtime> {
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
    /** Longest random wait before answering a new member's VER (version-check gate). */
    static final double VERSION_REPLY_JITTER = 2;
    /** No VER answer within this many seconds of this client's own announcement (version-check gate). */
    static final double VERSION_QUIET = 10;
    /** A margin past a guard's end, so a timer due there is not refused by the guard it waits for. */
    private static final double FRAME_MARGIN = 0.05;
    /** Min interval between own pushes and its reset timer (§6(e) steps 1, 7). */
    static final double PUSH_GUARD = 10;
    static final double PUSH_GUARD_RESET = 30;
    /** Import push delay (§6(b) step 1). */
    static final double IMPORT_PUSH_DELAY = 0.5;
    /** {@code DATA_COMPAT} (§3.8). */
    static final int DATA_COMPAT = 1;
    /** How long the "Example" button replaces {@code NavigateToSection} (§3.1, {@code Example.lua:689-762}). */
    static final double EXAMPLE_WINDOW = 300;

    /** {@code pendingBulkResponse} (§3.2 step 9), with the request's digest ({@link Differential}; head: none). */
    private record PendingResponse(long timestamp, int requester, double responseTime, AddonTimers.Handle timer,
            List<String> digest) {
    }

    /** Runtime state (§4.2, §4.3): rebuilt on every login/reload. */
    static final class Runtime extends AddonClient.Runtime {
        double lastRequestTime;
        boolean syncInProgress;
        double lastNewerTimestampReaction;
        /** BSREQ dedup: sender_second (numbered by {@link #bulkRequestKeys}) → when it came. */
        final SweptTable<Boolean> processedBulkRequests = new SweptTable<>();
        final TextIds bulkRequestKeys = new TextIds();
        PendingResponse pendingBulkResponse;
        Long newerTimestampResponded;
        AddonTimers.Handle bulkSyncRequestTimeout;
        Map<String, Long> bulkSyncAcknowledgments = new LinkedHashMap<>();
        Double lastSendAllSectionsTime;
        boolean hasSeenNewerVersion;
        String newerVersionString;
        /** {@code NavigateToSection} replaced by the "Example" button's variant (§3.1). */
        boolean exampleNavigation;
        final ChunkManager chunks;
        /** The plan's state (null under head: every policy off). */
        final PlanState plan;

        Runtime(RunMemos memos, boolean planned) {
            plan = planned ? new PlanState() : null;
            chunks = new ChunkManager(memos.chunkJoins(), memos.transferIds());
        }
    }

    /**
     * What the plan's policies keep per session (runtime: lost on reload like the rest of {@code TWRA.SYNC}): the
     * newest data version heard of, when push traffic last arrived, the pending retry and coalesced pull, and the
     * acknowledgements a fallback responder counts.
     */
    static final class PlanState {
        long newestSeen;
        double lastPushHeard = Double.NEGATIVE_INFINITY;
        /** GetTime of the last BSTR heard at or above this client's version: a push went out. */
        double lastPushSeen = Double.NEGATIVE_INFINITY;
        int retries;
        double lastRetryDelay;
        AddonTimers.Handle retryTimer;
        /**
         * A retry that found no newer version known and nothing pushed since its pull (GetTime asked, its delay), kept
         * until word of a newer version wakes it; null if none.
         */
        double[] dormantRetry;
        boolean pullPending;
        /** GetTime when the pending coalesced pull began. */
        double pullStarted;
        /** GetTime when another member's pull (or a newer BSACK) was last heard. */
        double lastPullHeard = Double.NEGATIVE_INFINITY;
        /** A newer push held aside until complete ({@link Recovery.Resume}), or null. */
        PushStaging staging;
        /** Versions announced by other members ({@link VersionCheck.Gate}). */
        final Map<Integer, Message.Version> peers = new java.util.HashMap<>();
        /** GetTime this client last announced its version, and whether a reply is scheduled. */
        double lastVersionSent = Double.NEGATIVE_INFINITY;
        boolean versionReplyPending;
        /** BSACKs heard: sender → (GetTime heard, timestamp acknowledged). */
        final Map<Integer, double[]> acks = new java.util.HashMap<>();
    }

    private static final WireSpelling PLAN_SPELLING = WireSpelling.plan();

    /** The run's head-dialect parser, or strict one under recovery (shared per run, see {@link #sharedParse}). */
    private final Function<String, ParseResult> parser;
    /** The improvement plan's policies; {@link PlanPolicies#OFF} is the addon as it is. */
    private final PlanPolicies policies;
    /** The plan's own draws (stream {@code client/<name>/plan}), so a policy never shifts the addon's draws. */
    private final UniformRandomProvider planRandom;

    /** A {@code head} client: the addon as it is. */
    public HeadClient(ProtocolEnvironment env, int id, ClientConfig config) {
        this(env, id, config, PlanPolicies.OFF);
    }

    /** A client running head with the plan's {@code policies} ({@link PlanPolicies#OFF}: head exactly). */
    public HeadClient(ProtocolEnvironment env, int id, ClientConfig config, PlanPolicies policies) {
        super(env, id, config, spellingFor(policies));
        this.policies = policies;
        this.parser = policies.recovery() instanceof Recovery.Resume
                ? env.memos().strictParser(codec.spelling())
                : env.memos().headDialectParser(HeadProfile.SPELLING);
        this.planRandom = policies.isOff() ? null
                : env.sim().random().stream("client/" + config.name() + "/plan");
        rt = newRuntime(); // the base constructor built one before the policies were known
        cpu.keepDecoded(policies.compressedCache() instanceof CompressedCache.PerImport);

    }

    /** Head's spelling; with recovery, the plan's (head's plus {@code BSMISS}). */
    private static WireSpelling spellingFor(PlanPolicies policies) {
        return policies.recovery() instanceof Recovery.Resume ? PLAN_SPELLING : HeadProfile.SPELLING;
    }

    @Override
    protected Runtime newRuntime() {
        return new Runtime(env.memos(), policies != null && !policies.isOff());
    }

    // ------------------------------------------------------------------------------------ control methods

    /** Import (§6(b)): the push follows {@value #IMPORT_PUSH_DELAY} s later if grouped. */
    @Override
    protected void afterImport(long ts) {
        if (inGroup() && mayPush()) {
            timers.schedule(IMPORT_PUSH_DELAY, () -> guarded("import push", this::sendAllSections));
        }
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
        long ts = importTimestamp();
        saved.a = ts;
        saved.isExample = false;
        saved.data = new ArrayList<>();
        env.truth().publish(ts, source.encodeAt(ts, libCompress, config.player()), env.sim().now());
        storedDataChanged();
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
    public void syncAll() {
        if (online && mayPush()) {
            guarded("Sync All", this::sendAllSections);
        }
    }

    // ------------------------------------------------------------------------------------- receive path

    /** The head router's parse (§2.2, §2.4). */
    @Override
    protected Message parse(long now, String prefix, String text, OutgoingMessage delivered) {
        ParseResult parsed = sharedParse(delivered, text, parser);
        if (parsed instanceof ParseResult.Rejected r && r.reason() == Rejection.HANDLER_ERROR) {
            metrics.handlerAborted(now, id, r.command() == null ? "?" : r.command().token(), r.detail());
            return null;
        }
        return acceptedOrCounted(now, parsed);
    }

    @Override
    protected void dispatch(Message m, int sender) {
        if (rt.plan != null) {
            String refusal = refusal(m, sender);
            if (refusal != null) {
                metrics.messageRefused(env.sim().now(), id, m.command().token(), refusal);
                return;
            }
            heard(m, sender);
        }
        if (m instanceof Message.Section s) {
            onSection(s);
        } else if (m instanceof Message.BulkRequest r) {
            onBulkRequest(r, sender);
        } else if (m instanceof Message.BulkAck a) {
            onBulkAck(a, sender);
        } else if (m instanceof Message.BulkSection b) {
            onBulkSection(b, sender);
        } else if (m instanceof Message.BulkStructure b) {
            onBulkStructure(b, sender);
        } else if (m instanceof Message.ChunkHeader h) {
            onChunkHeader(h, sender);
        } else if (m instanceof Message.Chunk c) {
            onChunk(c);
        } else if (m instanceof Message.Version v) {
            onVersion(v);
        } else if (m instanceof Message.MissingRequest r) {
            onMissingRequest(r);
        } else if (m instanceof Message.UnchangedSections u) {
            onUnchangedSections(u, sender);
        }
    }

    /** The join reaction (§6(d)): after {@code VER}, a bulk request if liveSync is on. */
    @Override
    protected void onJoinedGroup() {
        if (rt.plan != null) {
            rt.plan.lastVersionSent = clock.getTime();
        }
        if (rt.liveSync) {
            pull();
        }
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
                pull();
                timers.schedule(SECTION_FLAG_SAFETY, () -> rt.syncInProgress = false);
            }
        }
    }

    /** §3.2 receiver ({@code HandleBulkSyncRequestCommand}); B1, B2, B13, B36. */
    private void onBulkRequest(Message.BulkRequest r, int sender) {
        double now = clock.getTime();
        int key = rt.bulkRequestKeys.of(env.names().apply(sender) + "_" + (long) Math.floor(now));
        if (rt.processedBulkRequests.containsKey(key)) {
            return;
        }
        rt.processedBulkRequests.put(key, Boolean.TRUE, now);
        rt.processedBulkRequests.sweep(now, DEDUP_RETENTION, rt.bulkRequestKeys::release);
        if (!mayPush()) {
            return;
        }
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
        if (skipsRedundant() && !holdsComplete()) {
            return; // B13: holes are not data to give
        }
        if (rt.syncInProgress) {
            return;
        }
        rt.syncInProgress = true;
        double extra = policies.responders() instanceof Responders.Elected e ? e.extraWait(rank(sender)) : 0;
        if (extra == 0) {
            send(new Message.BulkAck(ours, config.name()));
        }
        if (rt.pendingBulkResponse != null) {
            rt.pendingBulkResponse.timer().cancel();
        }
        double delay = RESPONDER_DELAY_BASE + RESPONDER_DELAY_SPREAD * random.nextDouble();
        if (policies.responders() instanceof Responders.Elected) {
            delay = Math.max(delay, pushGuardLeft()); // B7: the push an elected responder acknowledges does come
        }
        AddonTimers.Handle timer = extra == 0
                ? timers.schedule(delay, () -> guarded("bulk response", () -> respond(ours)))
                : timers.schedule(delay + extra, () -> guarded("bulk response", () -> fallbackRespond(ours)));
        rt.pendingBulkResponse = new PendingResponse(ours, sender, now, timer, r.digest());
        timers.schedule(delay + extra + RESPONDER_SAFETY, () -> rt.syncInProgress = false);
    }

    /**
     * An elected responder past the first {@code count} ranks ({@link Responders.Elected}): it answers, with its
     * BSACK, only if fewer than {@code count} better-ranked members acknowledged this version since the request
     * came (less the longest responder delay, since an ACK may overtake the request it answers).
     */
    private void fallbackRespond(long ours) {
        PendingResponse p = rt.pendingBulkResponse;
        double since = (p == null ? clock.getTime() : p.responseTime()) - RESPONDER_DELAY_BASE
                - RESPONDER_DELAY_SPREAD;
        int better = 0;
        for (Map.Entry<Integer, double[]> a : rt.plan.acks.entrySet()) {
            if (a.getValue()[0] >= since && a.getValue()[1] >= ours && ranksBefore(a.getKey(), id)
                    && (p == null || a.getKey() != p.requester())) {
                better++;
            }
        }
        if (better >= ((Responders.Elected) policies.responders()).count()) {
            rt.pendingBulkResponse = null;
            rt.syncInProgress = false;
            return;
        }
        send(new Message.BulkAck(ours, config.name()));
        respond(ours);
    }

    /**
     * This client's place in the responder ranking for a pull by {@code requester} (0 = first): group members
     * online in the roster, requester excluded, ordered leader, assistants, members, then by name. Every member
     * sees the same roster, so all compute the same order.
     */
    private int rank(int requester) {
        int place = 0;
        for (int other = 0; other < env.channel().clientLimit(); other++) {
            if (other != id && other != requester && env.channel().inRosterOnline(id, other)
                    && policies.permissions().allows(env.names().apply(other), env.channel().rank(other))
                    && ranksBefore(other, id)) {
                place++;
            }
        }
        return place;
    }

    private boolean ranksBefore(int a, int b) {
        int byRank = env.channel().rank(a).compareTo(env.channel().rank(b));
        return byRank != 0 ? byRank < 0 : env.names().apply(a).compareTo(env.names().apply(b)) < 0;
    }

    /** The responder's timer (§3.2 step 9): stand down only on a strictly newer ACK (B1); B7 via the push guard. */
    private void respond(long ours) {
        if (rt.newerTimestampResponded != null && rt.newerTimestampResponded > ours) {
            rt.syncInProgress = false;
            return;
        }
        PendingResponse pending = rt.pendingBulkResponse;
        if (skipsRedundant() && pending != null && rt.plan.lastPushSeen >= pending.responseTime()) {
            rt.syncInProgress = false; // B4: a push of this version went out since the request
            rt.pendingBulkResponse = null;
            return;
        }
        try {
            Compressed c = saved.compressed;
            java.util.SortedMap<Integer, String> unchanged = pending == null || c == null ? new TreeMap<>()
                    : unchangedFor(pending.digest(), c);
            if (sendAllSections(unchanged)) {
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

    /** §3.3 receiver; B25. Under elected responders, a better-ranked member's tie or newer ACK is counted. */
    private void onBulkAck(Message.BulkAck a, int sender) {
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
        if (rt.plan != null) {
            rt.plan.acks.put(sender, new double[] {clock.getTime(), a.ts()});
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
     * initialised (B30). Step 6's {@code receivedSectionResponses} is not kept: only dead code reads it.
     */
    private void onBulkSection(Message.BulkSection b, int sender) {
        if (redundantRepush(b.ts(), Command.BSEC)) {
            return;
        }
        if (policies.recovery() instanceof Recovery.Resume resume) {
            if (b.ts() < saved.a) {
                return; // an older version's section is never written into a newer one (B11)
            }
            if (!ChunkSender.isReference(b.data())) {
                cpu.decodeSection(b.index(), b.data()); // strict validation decodes the blob on receipt
            }
            if (!ChunkSender.isReference(b.data()) && !env.decoder().sectionUsable(b.data())) {
                metrics.messageMalformed(env.sim().now(), id, "BSEC blob does not decode");
                return;
            }
            stage(b.ts(), sender, resume).offerSection(b.index(), b.data(), rt.chunks, clock.getTime(),
                    env.decoder());
            tryApplyStaged(resume);
            return;
        }
        Compressed c = compressed();
        int idx = b.index();
        String data = b.data();
        if (ChunkSender.isReference(data)) {
            String tid = ChunkSender.transferIdOf(data);
            if (!rt.chunks.isInitialized()) {
                return;
            }
            String blob = rt.chunks.retrieve(tid, clock.getTime());
            if (blob == null) {
                c.sections.put(idx, ChunkSender.reference(tid));
                c.missing.put(idx, tid);
                return;
            }
            data = blob;
        }
        String previous = c.sections.put(idx, data);
        if (data.equals(previous)) {
            metrics.duplicateTransfer(env.sim().now(), id, Command.BSEC.token());
        }
        boolean raised = b.ts() > saved.a;
        if (raised) {
            saved.a = b.ts();
        }
        if (c.missing.remove(idx) == null && previous == data && !raised) {
            storedNothingNew();
        }
    }

    /**
     * §3.5 receiver: equal timestamps fully re-applied (B12); skeleton keeps older blobs (B10) and never prunes
     * (B14); any missing section ends in the call to the undefined {@code RequestMissingSectionsWhisper} (B29).
     */
    private void onBulkStructure(Message.BulkStructure b, int sender) {
        if (redundantRepush(b.ts(), Command.BSTR)) {
            return;
        }
        if (policies.recovery() instanceof Recovery.Resume resume && b.ts() >= saved.a) {
            if (!ChunkSender.isReference(b.data())) {
                cpu.decodeStructure(marked(b.data()));
            }
            if (!ChunkSender.isReference(b.data()) && env.decoder().structureNames(marked(b.data())).isEmpty()) {
                metrics.messageMalformed(env.sim().now(), id, "BSTR structure does not decode");
                return;
            }
            stage(b.ts(), sender, resume).offerStructure(marked(b.data()));
            tryApplyStaged(resume);
            return;
        }
        long ts = b.ts();
        long local = saved.compressed != null ? saved.compressed.timestamp : saved.a;
        if (local > ts) {
            return;
        }
        if (local == ts && saved.a == ts) {
            metrics.duplicateTransfer(env.sim().now(), id, Command.BSTR.token());
        }
        String data = b.data();
        if (ChunkSender.isReference(data)) {
            String tid = ChunkSender.transferIdOf(data);
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
        cpu.decodeStructure(data);
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
    @Override
    protected void processSection(int i) {
        Compressed c = saved.compressed;
        String blob = c.sections.get(i);
        SectionEntry e = saved.data.get(i - 1);
        cpu.decodeSection(i, blob);
        if (blob != null && !blob.isEmpty() && env.decoder().sectionUsable(blob)) {
            e.needsProcessing = false;
            store(e, blob);
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
        if (o == ChunkManager.ChunkOutcome.COMPLETED && policies.recovery() instanceof Recovery.Resume resume) {
            tryApplyStaged(resume); // a reference that came before its chunks resolves now (B16)
        }
    }

    /** §3.8 receiver; the reply to an older incompatible peer goes to WHISPER without a target (B23). */
    private void onVersion(Message.Version v) {
        int[] ours = parseVersion(announcedVersion());
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

    // ------------------------------------------------------------------------------ recovery (plan policy 4)

    /**
     * The staging of the push of version {@code ts} from {@code sender}: the current one, or a new one if
     * {@code ts} is newer (an older staging is dropped). Every part re-arms the quiet timer.
     */
    private PushStaging stage(long ts, int sender, Recovery.Resume resume) {
        PlanState plan = rt.plan;
        PushStaging st = plan.staging;
        if (st == null || ts > st.ts) {
            if (st != null && st.quietTimer != null) {
                st.quietTimer.cancel();
            }
            st = new PushStaging(ts, sender);
            plan.staging = st;
        } else if (ts < st.ts) {
            return new PushStaging(ts, sender); // older than the push under way: held nowhere
        }
        st.pusher = sender;
        if (st.quietTimer != null) {
            st.quietTimer.cancel();
        }
        PushStaging armed = st;
        st.quietTimer = timers.schedule(resume.timeoutSeconds(), () -> guarded("recovery", () -> quiet(armed, resume)));
        return st;
    }

    /**
     * A BSEC or BSTR of the version this client holds whole, under {@code skip-redundant} or {@code recovery}: counted
     * as a duplicate and not stored or rebuilt (B12), so a re-push with a hole cannot punch one into complete data.
     */
    private boolean redundantRepush(long ts, Command command) {
        if ((skipsRedundant() || policies.recovery() instanceof Recovery.Resume) && ts == saved.a
                && holdsComplete()) {
            metrics.duplicateTransfer(env.sim().now(), id, command.token());
            return true;
        }
        return false;
    }

    /**
     * Whether this client holds its version whole: a structure that decodes and a usable blob for every section it
     * names. Under recovery a push of that same version is then a duplicate and is not applied again, so a re-push
     * with a hole cannot punch one into complete data.
     */
    private boolean holdsComplete() {
        Compressed c = saved.compressed;
        if (c == null || c.structure == null || saved.a == 0 || c.timestamp != saved.a) {
            return false;
        }
        Optional<List<String>> names = env.decoder().structureNames(c.structure);
        if (names.isEmpty()) {
            return false;
        }
        for (int i = 1; i <= names.get().size(); i++) {
            String blob = c.sections.get(i);
            if (blob == null || ChunkSender.isReference(blob) || !env.decoder().sectionUsable(blob)) {
                return false;
            }
        }
        return true;
    }

    /** A structure blob with its marker byte, as {@code BSTR} stores it (§3.5 step 7). */
    private static String marked(String data) {
        return data.charAt(0) == MARKER ? data : MARKER + data;
    }

    /** Applies the staged push if it is complete (the structure and every section it names are held). */
    private void tryApplyStaged(Recovery.Resume resume) {
        PushStaging st = rt.plan.staging;
        if (st == null) {
            return;
        }
        List<Integer> missing = st.missing(rt.chunks, clock.getTime(), env.decoder());
        if (missing == null || !missing.isEmpty()) {
            return;
        }
        if (st.quietTimer != null) {
            st.quietTimer.cancel();
        }
        rt.plan.staging = null;
        List<String> names = st.names(rt.chunks, clock.getTime(), env.decoder());
        Compressed c = new Compressed();
        c.sections.putAll(st.sections(names.size()));
        c.structure = marked(st.structure());
        c.timestamp = st.ts;
        saved.compressed = c;
        saved.a = st.ts;
        buildSkeleton(names, st.ts);
        int n = saved.data.size();
        int target = rt.pendingSection != null ? rt.pendingSection
                : saved.currentSection > 0 ? saved.currentSection : 1;
        for (int i = 1; i <= n; i++) {
            processSection(i);
        }
        navigateTo(target < 1 || target > n ? 1 : target, Source.FROM_SYNC);
        rt.pendingSection = null;
        storedDataChanged(); // may complete on a CHUNK, which carries no data of its own
    }

    /**
     * The staged push has been quiet for the timeout: ask its pusher for what is missing (the structure alone if
     * even that is missing), up to the policy's number of requests; after that, or if the pusher would not read
     * {@code BSMISS}, pull the whole version instead (once; backoff retries that pull).
     */
    private void quiet(PushStaging st, Recovery.Resume resume) {
        st.quietTimer = null;
        if (rt.plan.staging != st) {
            return;
        }
        tryApplyStaged(resume);
        if (rt.plan.staging != st) {
            return;
        }
        if (st.repairRequests >= resume.maxRequests()
                || policies.versionCheck() instanceof VersionCheck.Gate && !speaksPlan(st.pusher)) {
            st.repairRequests = Integer.MAX_VALUE; // no more repair rounds: a whole push, pulled (with backoff)
            requestWithRetries();
            return;
        }
        List<Integer> missing = st.missing(rt.chunks, clock.getTime(), env.decoder());
        st.repairRequests++;
        if (send(fittingMissingRequest(st, missing == null ? List.of() : missing))) {
            metrics.requestSent(env.sim().now(), id, Command.BSMISS.token());
        }
        st.quietTimer = timers.schedule(resume.timeoutSeconds(), () -> guarded("recovery", () -> quiet(st, resume)));
    }

    /**
     * The repair request for {@code missing}, cut to the first indexes that fit the realm's message limit (the
     * rest are asked for in the next round, once these have come).
     */
    private Message.MissingRequest fittingMissingRequest(PushStaging st, List<Integer> missing) {
        String pusher = env.names().apply(st.pusher);
        int limit = env.channel().maxTextLength(PREFIX);
        int n = missing.size();
        while (n > 1 && codec.format(new Message.MissingRequest(st.ts, pusher, missing.subList(0, n))).length()
                > limit) {
            n--;
        }
        return new Message.MissingRequest(st.ts, pusher, missing.subList(0, n));
    }

    /** {@code BSMISS} for this client's version: send the sections asked for (chunked as needed) and the structure. */
    private void onMissingRequest(Message.MissingRequest r) {
        Compressed c = saved.compressed;
        if (!r.pusher().equals(config.name()) || c == null || c.structure == null || saved.a != r.ts()
                || !inGroup()) {
            return;
        }
        java.util.Set<Integer> wanted = new java.util.HashSet<>(r.indexes());
        pushSections(saved.a, c, wanted::contains, new TreeMap<>());
        metrics.responseStarted(env.sim().now(), id, Command.BSMISS.token());
    }

    // -------------------------------------------------------------------------- differential (plan policy 6)

    /**
     * The digest this client's request carries ({@link Differential.Sections}, with the version gate and recovery
     * that assemble a partial push): the content hash of each section 1..n it holds, {@code ""} where it holds none;
     * empty (no digest) if it holds nothing usable or the request would not fit the realm's limit.
     */
    private List<String> requestDigest() {
        Compressed c = saved.compressed;
        if (!(policies.differential() instanceof Differential.Sections)
                || !(policies.versionCheck() instanceof VersionCheck.Gate)
                || !(policies.recovery() instanceof Recovery.Resume) || c == null || saved.a == 0) {
            return List.of();
        }
        List<String> digest = new ArrayList<>();
        boolean any = false;
        for (int i = 1; i <= saved.data.size(); i++) {
            String blob = c.sections.get(i);
            String hash = blob == null || ChunkSender.isReference(blob) ? "" : env.memos().sectionHashes().of(blob);
            digest.add(hash);
            any |= !hash.isEmpty();
        }
        if (!any || codec.format(new Message.BulkRequest(saved.a, digest)).length()
                > env.channel().maxTextLength(PREFIX)) {
            return List.of();
        }
        return digest;
    }

    /**
     * The sections of a push whose content {@code digest} names (so the requester holds them), with their hashes,
     * to be left out and named in {@code BSSAME}; none (a whole push, B19) if the policy is off, the request had no
     * digest, a member online in the group has not announced the plan (it would apply a partial push over its old
     * blobs, B10), or the {@code BSSAME} would not fit the realm's limit.
     */
    private java.util.SortedMap<Integer, String> unchangedFor(List<String> digest, Compressed c) {
        java.util.SortedMap<Integer, String> out = new TreeMap<>();
        if (!(policies.differential() instanceof Differential.Sections)
                || !(policies.versionCheck() instanceof VersionCheck.Gate) || digest.isEmpty() || !groupSpeaksPlan()) {
            return out;
        }
        java.util.Set<String> held = new java.util.HashSet<>(digest);
        held.remove("");
        for (Map.Entry<Integer, String> e : c.sections.entrySet()) {
            String blob = e.getValue();
            if (e.getKey() >= 1 && !blob.isEmpty() && !ChunkSender.isReference(blob)) {
                String hash = env.memos().sectionHashes().of(blob);
                if (!hash.isEmpty() && held.contains(hash)) {
                    out.put(e.getKey(), hash);
                }
            }
        }
        if (!out.isEmpty() && codec.format(new Message.UnchangedSections(saved.a, out)).length()
                > env.channel().maxTextLength(PREFIX)) {
            out.clear();
        }
        return out;
    }

    /** Whether every other member online in the group announced the plan's version (so all read BSSAME). */
    private boolean groupSpeaksPlan() {
        for (int other = 0; other < env.channel().clientLimit(); other++) {
            if (other != id && env.channel().inRosterOnline(id, other) && !speaksPlan(other)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code BSSAME}: each section named is filled into the staged push from a section this client holds with the
     * same content hash, restamped to the push's version (the addon stamps the version into every section's text,
     * §5.2); a section it cannot fill stays missing, for recovery to ask of the pusher.
     */
    private void onUnchangedSections(Message.UnchangedSections u, int sender) {
        if (!(policies.recovery() instanceof Recovery.Resume resume) || u.ts() < saved.a) {
            return;
        }
        if (u.ts() == saved.a && holdsComplete()) {
            metrics.duplicateTransfer(env.sim().now(), id, Command.BSSAME.token());
            return;
        }
        Map<String, String> heldByHash = new java.util.HashMap<>();
        Compressed c = saved.compressed;
        if (c != null) {
            for (Map.Entry<Integer, String> e : c.sections.entrySet()) {
                String blob = e.getValue();
                if (e.getKey() >= 1 && !blob.isEmpty() && !ChunkSender.isReference(blob)) {
                    String hash = env.memos().sectionHashes().of(blob);
                    if (!hash.isEmpty()) {
                        heldByHash.putIfAbsent(hash, blob);
                    }
                }
            }
        }
        PushStaging st = stage(u.ts(), sender, resume);
        for (Map.Entry<Integer, String> e : u.hashes().entrySet()) {
            String held = heldByHash.get(e.getValue());
            if (held != null && !st.holds(e.getKey())) {
                String blob = env.memos().sectionHashes().restamped(held, u.ts());
                cpu.encode(BlobSizes.of(blob));
                st.offerSection(e.getKey(), blob, rt.chunks, clock.getTime(), env.decoder());
            }
        }
        tryApplyStaged(resume);
    }

    // -------------------------------------------------------------------------------------- send path

    /** A {@code ""} placeholder navigated to pulls everything: {@code RequestBulkSync()} (§3.1.1). */
    @Override
    protected void requestPlaceholderSection(int index) {
        pull();
    }

    /** {@code SECTION_CHANGED} is not fired while the "Example" button's variant is in place (§3.1). */
    @Override
    protected boolean sectionChangedFires() {
        return !rt.exampleNavigation;
    }

    /**
     * A pull where the addon calls {@code RequestBulkSync()}: at once under head; under request coalescing after a
     * jitter, and not at all if another member's request or a newer BSACK was heard (then only if no push came
     * within the window); under backoff followed by retries while it stays unanswered.
     */
    private void pull() {
        if (!(policies.coalescing() instanceof RequestCoalescing.Listen listen)) {
            requestWithRetries();
            return;
        }
        PlanState plan = rt.plan;
        if (plan.pullPending) {
            return;
        }
        plan.pullPending = true;
        plan.pullStarted = clock.getTime();
        double jitter = listen.jitterSpan(env.channel().raidMembers(id)) * planRandom.nextDouble();
        timers.schedule(jitter, () -> coalescedPull(listen));
    }

    /**
     * The end of a pull's jitter: wait while a pull heard within the window may bring the push instead; then ask,
     * unless such a pull was heard or a push has come since the pull began, and nothing this client knows of is
     * missing (a pull for a version no newer than its own that nobody answered means nobody has newer data).
     */
    private void coalescedPull(RequestCoalescing.Listen listen) {
        PlanState plan = rt.plan;
        double left = plan.lastPullHeard + listen.windowSeconds() - clock.getTime();
        if (left > 0) {
            timers.schedule(left, () -> coalescedPull(listen));
            return;
        }
        plan.pullPending = false;
        boolean answered = plan.lastPullHeard >= plan.pullStarted - listen.windowSeconds()
                || plan.lastPushHeard >= plan.pullStarted;
        if (!answered || wantsData()) {
            guarded("bulk request", this::requestWithRetries);
        }
    }

    /** {@link #requestBulkSync()} and, under a backoff policy, the first retry's timer. */
    private void requestWithRetries() {
        boolean sent = requestBulkSync();
        if (sent && rt.plan != null && policies.backoff().maxRetries() > 0) {
            rt.plan.dormantRetry = null;
            rt.plan.retries = 0;
            rt.plan.lastRetryDelay = 0;
            armRetry(clock.getTime());
        }
    }

    /** Schedules the next retry of a pull made at {@code asked} (GetTime), unless the retries are spent. */
    private void armRetry(double asked) {
        PlanState plan = rt.plan;
        if (plan.retryTimer != null) {
            plan.retryTimer.cancel();
            plan.retryTimer = null;
        }
        if (plan.retries >= policies.backoff().maxRetries()) {
            return;
        }
        double d = policies.backoff().delay(plan.retries + 1, plan.lastRetryDelay, planRandom);
        plan.lastRetryDelay = d;
        plan.retryTimer = timers.schedule(d, () -> guarded("bulk request retry", () -> retry(asked, d)));
    }

    /**
     * A retry's timer: nothing if the data came; if push traffic arrived within the last {@code d} seconds, the
     * transfer is still running and the retry waits until it has been quiet for {@code d}; if the addon's own
     * request interval ({@value #REQUEST_MIN_INTERVAL} s) has not passed, it waits for that; else it asks again.
     * If this client knows of no newer version and nothing was pushed since the pull, the pull may simply have
     * reached nobody holding newer data (they were on a loading screen): the retry stays dormant, and word of a
     * newer version later (a BSACK, a BSREQ or a SECTION from it) wakes it ({@link #heard}).
     */
    private void retry(double asked, double d) {
        PlanState plan = rt.plan;
        plan.retryTimer = null;
        if (!wantsData()) {
            if (plan.lastPushSeen < asked) {
                plan.dormantRetry = new double[] {asked, d};
            }
            return;
        }
        double now = clock.getTime();
        double quiet = now - plan.lastPushHeard;
        double wait = plan.lastPushHeard > asked && quiet < d ? d - quiet
                : REQUEST_MIN_INTERVAL - (now - rt.lastRequestTime);
        if (wait > 0) {
            plan.retryTimer = timers.schedule(wait, () -> guarded("bulk request retry", () -> retry(asked, d)));
            return;
        }
        plan.retries++;
        requestBulkSync();
        armRetry(now);
    }

    /** Whether this client lacks data it knows of: none at all, an older version than one heard of, or gaps. */
    private boolean wantsData() {
        return saved.a == 0 || saved.a < rt.plan.newestSeen
                || saved.compressed != null && !saved.compressed.missing.isEmpty();
    }

    /**
     * Why the plan's policies drop {@code m} from {@code sender}, or null to accept it: an announcement or push
     * from a member {@link Permissions} does not allow, a version too far ahead of this client's {@code time()} (or
     * of the version it holds, so a member with a slow clock still takes data it is a step behind), or a BSEC older
     * than the data held ({@link Versioning.Monotonic}).
     */
    private String refusal(Message m, int sender) {
        boolean announcesOrPushes = !(m instanceof Message.BulkRequest || m instanceof Message.Version
                || m instanceof Message.MissingRequest);
        if (announcesOrPushes && !policies.permissions().allows(env.names().apply(sender),
                env.channel().rank(sender))) {
            return "sender may not announce or push";
        }
        if (policies.versioning() instanceof Versioning.Monotonic v) {
            long ts = versionOf(m);
            if (ts > Math.max(clock.time(), saved.a) + v.maxFutureSeconds()) {
                return "version too far in the future";
            }
            if (m instanceof Message.BulkSection && ts < saved.a) {
                return "BSEC older than the data held";
            }
        }
        return null;
    }

    /** The data version a message names, or -1. */
    private static long versionOf(Message m) {
        if (m instanceof Message.Section x) {
            return x.ts();
        } else if (m instanceof Message.BulkAck x) {
            return x.ts();
        } else if (m instanceof Message.BulkSection x) {
            return x.ts();
        } else if (m instanceof Message.BulkStructure x) {
            return x.ts();
        } else if (m instanceof Message.BulkRequest x) {
            return x.ts();
        } else if (m instanceof Message.UnchangedSections x) {
            return x.ts();
        }
        return -1;
    }

    /** Seconds until {@code SendAllSections}' 10 s guard lets a push through (0 if it would now; §6(e), B7). */
    private double pushGuardLeft() {
        return rt.lastSendAllSectionsTime == null ? 0
                : Math.max(0, rt.lastSendAllSectionsTime + PUSH_GUARD - clock.getTime() + FRAME_MARGIN);
    }

    /**
     * {@link VersionCheck.Gate}: remembers {@code sender}'s version and answers the first VER of a member not heard
     * from before with this client's own, after a jitter of up to {@value #VERSION_REPLY_JITTER} s, unless it
     * announced within the last {@value #VERSION_QUIET} s (so a joiner does not answer the answers).
     */
    private void heardVersion(Message.Version v, int sender) {
        PlanState plan = rt.plan;
        boolean known = plan.peers.put(sender, v) != null;
        if (!(policies.versionCheck() instanceof VersionCheck.Gate) || known || plan.versionReplyPending
                || clock.getTime() - plan.lastVersionSent < VERSION_QUIET) {
            return;
        }
        plan.versionReplyPending = true;
        timers.schedule(VERSION_REPLY_JITTER * planRandom.nextDouble(), () -> {
            plan.versionReplyPending = false;
            plan.lastVersionSent = clock.getTime();
            sendVersion();
        });
    }

    /** Whether {@code member} announced at least the plan's version (so it reads the plan's messages). */
    private boolean speaksPlan(int member) {
        Message.Version v = rt.plan.peers.get(member);
        if (v == null) {
            return false;
        }
        int[] need = parseVersion(VersionCheck.PLAN_VERSION);
        return v.major() == need[0] && (v.minor() > need[1] || v.minor() == need[1] && v.patch() >= need[2]);
    }

    /** The plan's version under {@link VersionCheck.Gate}; the configured one otherwise. */
    @Override
    protected String announcedVersion() {
        return policies.versionCheck() instanceof VersionCheck.Gate ? VersionCheck.PLAN_VERSION : config.version();
    }

    /** Whether the plan's {@code skip-redundant} policy is on (head: off). */
    private boolean skipsRedundant() {
        return policies.skipRedundant() instanceof SkipRedundant.On;
    }

    /** Whether this client may announce and push under the plan's {@link Permissions} (head: always). */
    private boolean mayPush() {
        return policies.permissions().allows(config.name(), env.channel().rank(id));
    }

    /** Under {@link Versioning.Monotonic}, an import outranks every version this client holds or has heard of. */
    @Override
    protected long importTimestamp() {
        long now = clock.time();
        if (policies.versioning() instanceof Versioning.Monotonic) {
            long known = Math.max(saved.a, rt.plan.newestSeen);
            return Math.max(now, known + 1);
        }
        return now;
    }

    /** The plan's {@code throttle} policy picks the priority (head: NORMAL). */
    @Override
    protected Priority priorityOf(Command command) {
        return policies.throttle().priorityOf(command);
    }

    /** A member the plan's permissions do not allow does not broadcast its navigation (receivers would drop it). */
    @Override
    protected boolean announcesNavigation() {
        return mayPush();
    }

    /**
     * The plan's bookkeeping of every accepted message: the newest version heard of (from SECTION, BSACK, BSEC, BSTR
     * and the version a BSREQ asks from), push traffic, others' pulls.
     */
    private void heard(Message m, int sender) {
        PlanState plan = rt.plan;
        long ts = versionOf(m); // a member asking from a newer version tells that one exists too
        double now = clock.getTime();
        if (m instanceof Message.BulkSection || m instanceof Message.BulkStructure
                || m instanceof Message.UnchangedSections || m instanceof Message.ChunkHeader
                || m instanceof Message.Chunk) {
            plan.lastPushHeard = now;
        }
        if (m instanceof Message.BulkStructure && ts >= saved.a) {
            plan.lastPushSeen = now;
        } else if (m instanceof Message.BulkAck && ts > saved.a
                || m instanceof Message.BulkRequest && ts <= saved.a) {
            plan.lastPullHeard = now;
        } else if (m instanceof Message.Version v) {
            heardVersion(v, sender);
        }
        plan.newestSeen = Math.max(plan.newestSeen, ts);
        if (plan.dormantRetry != null && plan.retryTimer == null && wantsData()) {
            double asked = plan.dormantRetry[0];
            double d = plan.dormantRetry[1];
            plan.dormantRetry = null;
            plan.retryTimer = timers.schedule(d, () -> guarded("bulk request retry", () -> retry(asked, d)));
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
        send(new Message.BulkRequest(saved.a, rt.plan == null ? List.of() : requestDigest()));
        metrics.requestSent(env.sim().now(), id, Command.BSREQ.token());
        if (rt.bulkSyncRequestTimeout != null) {
            rt.bulkSyncRequestTimeout.cancel();
        }
        rt.bulkSyncRequestTimeout = timers.schedule(REQUEST_LOG_TIMER, () -> rt.syncInProgress = false);
        rt.bulkSyncAcknowledgments = new LinkedHashMap<>();
        return true;
    }

    /** {@code SendAllSections()}: the whole sheet. */
    private boolean sendAllSections() {
        return sendAllSections(new TreeMap<>());
    }

    /**
     * {@code SendAllSections()} (§6(e)): one synchronous burst [chunk transfers] → [BSEC 1..n] → [BSTR] at A,
     * leaving out the {@code unchanged} sections, named in a {@code BSSAME} before the BSTR ({@link Differential}).
     * The guard time is stamped before the remaining checks (B37); no pacing (B18).
     */
    private boolean sendAllSections(java.util.SortedMap<Integer, String> unchanged) {
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
        pushSections(saved.a, c, index -> !unchanged.containsKey(index), unchanged);
        timers.schedule(PUSH_GUARD_RESET, () -> rt.lastSendAllSectionsTime = null);
        return true;
    }

    /**
     * The burst of {@code SendAllSections} (§6(e) steps 3-6) for the sections {@code include} accepts: chunk
     * transfers first, then one BSEC each (a reference for the chunked ones), then {@code BSSAME} naming the
     * {@code unchanged} sections if there are any, then BSTR.
     */
    private void pushSections(long ts, Compressed c, java.util.function.IntPredicate include,
            java.util.SortedMap<Integer, String> unchanged) {
        List<Integer> toChunk = new ArrayList<>();
        for (Map.Entry<Integer, String> e : c.sections.entrySet()) {
            String data = e.getValue();
            if (!data.isEmpty() && e.getKey() >= 1 && include.test(e.getKey())
                    && ChunkSender.needsChunking(
                            codec.format(new Message.BulkSection(ts, e.getKey(), data)).length())) {
                toChunk.add(e.getKey());
            }
        }
        switch (config.choices().chunkOrder()) {
            case ASCENDING -> { }
            case DESCENDING -> java.util.Collections.reverse(toChunk);
            case LUA_PAIRS -> toChunk = LuaPairsOrder.order(toChunk);
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
            if (e.getValue().isEmpty() || e.getKey() < 1 || !include.test(e.getKey())) {
                continue;
            }
            String tid = refs.get(e.getKey());
            send(new Message.BulkSection(ts, e.getKey(), tid != null ? ChunkSender.reference(tid) : e.getValue()));
        }
        if (!unchanged.isEmpty()) {
            send(new Message.UnchangedSections(ts, unchanged));
        }
        send(new Message.BulkStructure(ts, structureRef != null ? ChunkSender.reference(structureRef) : c.structure));
    }

    /** {@code ChunkContent(data)}: header then every chunk, immediately; returns the transfer id. */
    private String chunkContent(String data) {
        rt.chunks.ensureInitialized();
        String tid = ChunkSender.transferId(clock.time(), random);
        for (Message m : ChunkSender.transfer(data.length(), tid, env.memos().chunkPayloads().of(data))) {
            send(m);
        }
        return tid;
    }

    // ----------------------------------------------------------------------------------------- helpers

    /** Desync: claims the newest timestamp without holding the newest complete data (B9). */
    @Override
    protected boolean holdsOtherContent() {
        return !holdsTruth();
    }

    @Override
    protected boolean syncInProgress() {
        return rt.syncInProgress;
    }
}
