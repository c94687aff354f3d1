package org.syncsim.report;

/** A roster entry as the report shows it: the client's name and role ({@code leader}, {@code assistant}, {@code member}). */
public record ClientInfo(String name, String role) {
}
