package org.syncsim.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A trace sink that keeps only a SHA-256 of the lines: a cheap fingerprint for determinism checks. */
public final class HashingTrace implements TraceSink {
    private final MessageDigest digest;
    private long lines;

    public HashingTrace() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public void record(long time, String kind, String details) {
        digest.update((time + "\t" + kind + "\t" + details + "\n").getBytes(StandardCharsets.UTF_8));
        lines++;
    }

    public long lines() {
        return lines;
    }

    /** Hex digest of everything recorded so far; the sink can go on recording afterwards. */
    public String hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
