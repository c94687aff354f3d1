package org.syncsim.protocol.plan;

/**
 * Policy 10, {@code cache-compressed}: what a client recomputes of its sheet (B12, B20). It changes only the Lua
 * work charged to the client ({@link org.syncsim.protocol.cpu.CpuMeter}), never a message. Head already compresses
 * once per import and pushes the stored blobs (§6(b), §6(e)); what it redoes is decoding: every BSTR decompresses
 * and rebuilds every section, also of a version the client holds decoded.
 */
public sealed interface CompressedCache {
    /** Head: every BSTR (and every navigation to an unprocessed section) decodes the blobs again. */
    record Off() implements CompressedCache {
    }

    /**
     * The sheet is compressed once per import and kept decoded per version: a blob the client already holds
     * decoded (imported, or decoded from an earlier push of the same version) is not decompressed again.
     */
    record PerImport() implements CompressedCache {
    }
}
