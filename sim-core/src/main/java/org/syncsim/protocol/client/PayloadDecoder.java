package org.syncsim.protocol.client;

import java.util.List;
import java.util.Optional;
import org.syncsim.protocol.data.Section;

/** What a receiving client needs from the data layer: decode a structure blob, and judge a section blob. */
public interface PayloadDecoder {
    /** The section names in a structure blob (§5.3), or empty if it does not decode. */
    Optional<List<String>> structureNames(String blob);

    /**
     * {@code ProcessSectionData}'s verdict (§3.5 step 11): the blob decodes and has at least one row with columns
     * 1-2 present. Placeholders ({@code ""}) and dangling {@code CHUNKED:<tid>} strings are not usable.
     */
    default boolean sectionUsable(String blob) {
        return section(blob).map(Section::hasDisplayableRow).orElse(false);
    }

    /**
     * The section in a blob as it decodes, before any client's own processing (the client derives its local
     * {@code Tank Columns} from it, {@link org.syncsim.protocol.data.PlayerView#localTankColumns}); empty if the blob
     * does not decode.
     */
    Optional<Section> section(String blob);
}
