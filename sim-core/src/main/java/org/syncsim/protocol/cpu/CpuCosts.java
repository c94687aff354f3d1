package org.syncsim.protocol.cpu;

/**
 * The cost model of a client's Lua work: microseconds of CPU per byte for each {@link CpuWork}. Nobody has
 * measured TWRA's code on the 1.12 client's Lua 5.0, so the defaults are an estimate, stated with their reasoning
 * in {@code docs/protocol.md} ("Client CPU"): pure-Lua byte loops (Huffman, Base64) run at about 1-2 MB/s on
 * the era's interpreter, table walks with string building at about 2 MB/s, {@code loadstring} (C) at 5-10 MB/s,
 * and C string functions near memory speed.
 *
 * @param serialise µs per byte of Lua text written
 * @param compress µs per byte of text Huffman-compressed
 * @param base64 µs per Base64 character encoded or decoded
 * @param decompress µs per byte of text Huffman-decompressed
 * @param rebuild µs per byte of text loaded back into tables
 * @param message µs per byte of a message built, routed or joined
 */
public record CpuCosts(double serialise, double compress, double base64, double decompress, double rebuild,
        double message) {
    /** The documented defaults: 0.5, 1, 0.5, 1, 0.2, 0.02 µs per byte. */
    public static final CpuCosts DEFAULTS = new CpuCosts(0.5, 1.0, 0.5, 1.0, 0.2, 0.02);

    public CpuCosts {
        for (CpuWork w : CpuWork.values()) {
            double c = pick(w, serialise, compress, base64, decompress, rebuild, message);
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException(w.key() + ": expected µs per byte ≥ 0, got " + c);
            }
        }
    }

    /** µs per byte of {@code work}. */
    public double perByte(CpuWork work) {
        return pick(work, serialise, compress, base64, decompress, rebuild, message);
    }

    /** The cost of {@code work} among the six (one table for the constructor's check and {@link #perByte}). */
    private static double pick(CpuWork work, double serialise, double compress, double base64, double decompress,
            double rebuild, double message) {
        return switch (work) {
            case SERIALISE -> serialise;
            case COMPRESS -> compress;
            case BASE64 -> base64;
            case DECOMPRESS -> decompress;
            case REBUILD -> rebuild;
            case MESSAGE -> message;
        };
    }

    /** The CPU {@code work} on {@code bytes} bytes costs, rounded to the microsecond. */
    public long micros(CpuWork work, long bytes) {
        return Math.round(bytes * perByte(work));
    }
}
