package org.syncsim.protocol.client;

import java.util.List;
import java.util.Optional;

/** What a receiving client needs from the data layer: decode a structure blob, and judge a section blob. */
public interface PayloadDecoder {
    /** The section names in a structure blob (§5.3), or empty if it does not decode. */
    Optional<List<String>> structureNames(String blob);

    /**
     * {@code ProcessSectionData}'s verdict (§3.5 step 11): the blob decodes and has at least one row with columns
     * 1-2 present. Placeholders ({@code ""}) and dangling {@code CHUNKED:<tid>} strings are not usable.
     */
    boolean sectionUsable(String blob);

    /**
     * The Tank Sync slots of the section in a blob ({@link TankList#of}): empty if the blob does not decode or the
     * section has no {@code Tank Columns} (§3.9).
     */
    Optional<List<String>> tankSlots(String blob);
}
