package org.syncsim.scenario;

import org.syncsim.metrics.RunRecorder;
import org.syncsim.protocol.cpu.CpuCosts;

/**
 * {@code protocol.cpu}: the cost model of the clients' Lua work, in µs of CPU per byte for each kind of work
 * (defaults {@link CpuCosts#DEFAULTS}, reasoned in docs/protocol.md, "Client CPU"), and the frame time above which a
 * frame counts as a hitch. A metric only: no value here changes what the clients do or when.
 *
 * @param serialise µs per byte of Lua text written ({@code SerializeTable})
 * @param compress µs per byte of text Huffman-compressed
 * @param base64 µs per Base64 character encoded or decoded
 * @param decompress µs per byte of text Huffman-decompressed
 * @param rebuild µs per byte of text loaded back into tables
 * @param message µs per byte of a message built, routed or joined
 * @param hitch a frame with more Lua CPU than this is a visible hitch (default 100ms)
 */
public record CpuSpec(Double serialise, Double compress, Double base64, Double decompress, Double rebuild,
        Double message, Span hitch) {
    public CpuSpec {
        CpuCosts d = CpuCosts.DEFAULTS;
        serialise = serialise == null ? d.serialise() : serialise;
        compress = compress == null ? d.compress() : compress;
        base64 = base64 == null ? d.base64() : base64;
        decompress = decompress == null ? d.decompress() : decompress;
        rebuild = rebuild == null ? d.rebuild() : rebuild;
        message = message == null ? d.message() : message;
        hitch = hitch == null ? new Span(RunRecorder.DEFAULT_HITCH_MICROS) : hitch;
    }

    public static CpuSpec defaults() {
        return new CpuSpec(null, null, null, null, null, null, null);
    }

    /** The costs as the clients take them; the validator has checked every value. */
    public CpuCosts costs() {
        return new CpuCosts(serialise, compress, base64, decompress, rebuild, message);
    }
}
