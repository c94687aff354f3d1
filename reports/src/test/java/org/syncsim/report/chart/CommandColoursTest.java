package org.syncsim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.wire.Command;
import org.syncsim.protocol.wire.WireSpelling;

class CommandColoursTest {
    @Test
    void everyCommandHasItsOwnColourWhateverElseARunSent() {
        Set<Color> seen = new HashSet<>();
        for (Command c : Command.values()) {
            WireSpelling speaks = WireSpelling.plan().speaks(c) ? WireSpelling.plan() : WireSpelling.seed();
            seen.add(Charts.commandColour(speaks.token(c)));
        }
        assertEquals(Command.values().length, seen.size(), "no two commands share a colour");
        assertEquals(Charts.commandColour("CHUNK"), Charts.commandColour("CHUNK"));
        assertEquals(Charts.commandColour("SRES:CHUNKED"), Charts.commandColour("SRES:CHUNKED"),
                "a name that is no command still keeps one colour");
    }
}
