package org.syncsim.protocol.plan;

/** Policy 6, {@code differential}: a pull answered with only the sections the requester lacks (B19). */
public sealed interface Differential {
    /** Head: any pull gets the whole sheet, whatever the requester holds (B19). */
    record Off() implements Differential {
    }

    /**
     * A request carries a digest: one content hash ({@link SectionHashes}) per section the requester holds. A
     * responder whose push reaches only members that speak the plan ({@link VersionCheck.Gate}) sends the sections
     * whose content the digest does not name, then {@code BSSAME} naming the others with their hashes, then the
     * structure; a receiver fills those from the sections it holds with the same content (restamped to the new
     * version) and {@code recovery} asks for whatever it could not fill.
     */
    record Sections() implements Differential {
    }
}
