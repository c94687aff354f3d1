package org.syncsim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Finds where in a file's text the value at a JSON pointer is written, by re-reading the text as tokens: the
 * field name for an object member, the value for an array element. Falls back to the nearest enclosing value.
 */
public final class Locator {
    private Locator() {
    }

    /** {@code line:column} (1-based) of the pointer's value in {@code text}, or null if the text does not hold it. */
    public static String locate(JsonFactory factory, String text, String pointer) {
        JsonPointer target = JsonPointer.compile(pointer);
        while (true) {
            JsonLocation loc = find(factory, text, target);
            if (loc != null) {
                return loc.getLineNr() + ":" + loc.getColumnNr();
            }
            if (target.matches()) {
                return null;
            }
            target = target.head();
        }
    }

    private static JsonLocation find(JsonFactory factory, String text, JsonPointer target) {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonPointer here = p.getParsingContext().pathAsPointer();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    // the container's own context is new; its position is its parent's current path
                    here = p.getParsingContext().getParent() == null ? JsonPointer.empty()
                            : p.getParsingContext().getParent().pathAsPointer();
                }
                if (here.equals(target)) {
                    return p.currentTokenLocation();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
