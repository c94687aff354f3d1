package org.syncsim.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A tolerance a baseline file sets for a kind or a metric: either part may be left to the default (null). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToleranceOverride(Double relative, Double absolute) {
    /** {@code t} with the parts this override sets replaced. */
    Tolerance applyTo(Tolerance t) {
        return new Tolerance(relative != null ? relative : t.relative(), absolute != null ? absolute : t.absolute());
    }
}
