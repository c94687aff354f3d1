package org.syncsim.protocol.client;

import java.util.List;

/**
 * An assignment set as the addon stores and sends it: the section names (index order), one wire blob per section
 * (0xF1 + Base64, §5.2) and the structure blob (§5.3), all encoded for one data timestamp.
 */
public record EncodedSheet(List<String> names, List<String> sectionBlobs, String structureBlob) {
    public EncodedSheet {
        names = List.copyOf(names);
        sectionBlobs = List.copyOf(sectionBlobs);
        if (names.size() != sectionBlobs.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + sectionBlobs.size() + " blobs");
        }
    }

    public int size() {
        return names.size();
    }
}
