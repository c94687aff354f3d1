package org.syncsim.protocol.client;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.syncsim.protocol.chunk.ChunkJoins;
import org.syncsim.protocol.chunk.ChunkPayloads;
import org.syncsim.protocol.chunk.TextIds;
import org.syncsim.protocol.plan.SectionHashes;
import org.syncsim.protocol.wire.ParseResult;
import org.syncsim.protocol.wire.WireCodec;
import org.syncsim.protocol.wire.WireSpelling;

/**
 * What the clients of one run compute alike, computed once: every receiver of a broadcast parses the same text
 * and joins the same chunks. The parsers handed out here are one object per (dialect, spelling) for the whole run,
 * so that the recipients of a sent message can share its parse ({@link AddonClient#sharedParse}); {@link ChunkJoins}
 * shares joined chunk data, {@link ChunkPayloads} the payloads a blob is cut into, and {@link TextIds} numbers
 * transfer ids. Results are those each client would compute alone. Not thread-safe: one per run.
 */
public final class RunMemos {
    private final Map<WireSpelling, Function<String, ParseResult>> headDialect = new IdentityHashMap<>();
    private final Map<WireSpelling, Function<String, ParseResult>> strict = new IdentityHashMap<>();
    private final ChunkJoins chunkJoins = new ChunkJoins();
    private final TextIds transferIds = new TextIds();
    private final ChunkPayloads chunkPayloads = new ChunkPayloads();
    private final SectionHashes sectionHashes = new SectionHashes();

    /** {@link WireCodec#parseLikeHeadAddon} for {@code spelling}: the same object for every client of the run. */
    public Function<String, ParseResult> headDialectParser(WireSpelling spelling) {
        return headDialect.computeIfAbsent(spelling, s -> new WireCodec(s)::parseLikeHeadAddon);
    }

    /** {@link WireCodec#parseStrict} of {@code TWRA} messages for {@code spelling}, one object for the run. */
    public Function<String, ParseResult> strictParser(WireSpelling spelling) {
        return strict.computeIfAbsent(spelling, s -> {
            WireCodec codec = new WireCodec(s);
            return text -> codec.parseStrict(AddonClient.PREFIX, text);
        });
    }

    public ChunkJoins chunkJoins() {
        return chunkJoins;
    }

    /** The payloads each blob is cut into, the same instances for every sender of the run. */
    public ChunkPayloads chunkPayloads() {
        return chunkPayloads;
    }

    /** The run's numbering of transfer ids, which every client's chunk tables are indexed by. */
    public TextIds transferIds() {
        return transferIds;
    }

    /** Section content hashes of the plan's {@code differential}, memoised per blob for the run. */
    public SectionHashes sectionHashes() {
        return sectionHashes;
    }
}
