package org.syncsim.protocol.head;

import org.syncsim.protocol.client.EncodedSheet;

/**
 * The messages of one full push computed straight from the spec's formats (§3.4-§3.7, §6(e)), independently of
 * the client code: for each section {@code BSEC:<ts>:<i>:<blob>} if at most 2000 characters, else
 * {@code CHUNKED:<len>:<tid>:<ceil(len/1800)>} + chunks {@code CHUNK:<tid>:<n>:<≤1800 bytes>} + reference
 * {@code BSEC:<ts>:<i>:CHUNKED:<tid>}; then {@code BSTR:<ts>:<structure>}. Transfer ids are
 * {@code <10-digit seconds>-<5 digits>}: 16 characters.
 */
record PushMessages(int headers, int chunks, int bsecInline, int bsecRefs, int bstr, long bytes,
        int[] chunksPerSection, long[] transferBytesPerSection) {
    static final int TID_LENGTH = 16;

    static PushMessages of(EncodedSheet sheet, long ts) {
        String tid = "0".repeat(TID_LENGTH);
        int headers = 0;
        int chunks = 0;
        int inline = 0;
        int refs = 0;
        long bytes = 0;
        int[] perSection = new int[sheet.size() + 1];
        long[] transferBytes = new long[sheet.size() + 1];
        for (int i = 1; i <= sheet.size(); i++) {
            String blob = sheet.sectionBlobs().get(i - 1);
            String msg = "BSEC:" + ts + ":" + i + ":" + blob;
            if (msg.length() > 2000) {
                int n = (blob.length() + 1799) / 1800;
                headers++;
                long transfer = ("CHUNKED:" + blob.length() + ":" + tid + ":" + n).length();
                for (int k = 1; k <= n; k++) {
                    chunks++;
                    int len = Math.min(1800, blob.length() - (k - 1) * 1800);
                    transfer += ("CHUNK:" + tid + ":" + k + ":").length() + len;
                }
                perSection[i] = n;
                transferBytes[i] = transfer;
                bytes += transfer;
                refs++;
                bytes += ("BSEC:" + ts + ":" + i + ":CHUNKED:" + tid).length();
            } else {
                inline++;
                bytes += msg.length();
            }
        }
        bytes += ("BSTR:" + ts + ":" + sheet.structureBlob()).length();
        return new PushMessages(headers, chunks, inline, refs, 1, bytes, perSection, transferBytes);
    }

    /** Chunks of section {@code i}'s transfer (0 if inline). */
    int chunksOf(int i) {
        return chunksPerSection[i];
    }

    /** Bytes of section {@code i}'s header and chunks (0 if inline). */
    long transferBytesOf(int i) {
        return transferBytesPerSection[i];
    }

    int messages() {
        return headers + chunks + bsecInline + bsecRefs + bstr;
    }

    int bsec() {
        return bsecInline + bsecRefs;
    }
}
