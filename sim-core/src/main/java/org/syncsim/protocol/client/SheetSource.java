package org.syncsim.protocol.client;

/**
 * Something a client can import: it encodes itself for the data timestamp the importer stamps ({@code time()}),
 * because every section payload carries that timestamp inside (§5.2).
 */
@FunctionalInterface
public interface SheetSource {
    EncodedSheet encodeAt(long timestamp);
}
