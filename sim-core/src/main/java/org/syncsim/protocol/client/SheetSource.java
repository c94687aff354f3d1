package org.syncsim.protocol.client;

import org.syncsim.protocol.data.PlayerView;
import org.syncsim.protocol.data.codec.LibCompress;

/**
 * Something a client can import: it encodes itself for the data timestamp the importer stamps ({@code time()}),
 * because every section payload carries that timestamp inside (§5.2), with the importer's own LibCompress, and from
 * the importer's point of view ({@code importer}: which sections get {@code Tank Columns}, {@link PlayerView}).
 */
@FunctionalInterface
public interface SheetSource {
    EncodedSheet encodeAt(long timestamp, LibCompress lib, PlayerView importer);
}
