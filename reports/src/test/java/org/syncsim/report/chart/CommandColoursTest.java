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

    @Test
    void commandColoursAreKellysMaximumContrastColoursAndNoneIsLostOnWhite() {
        // Kelly (1965), "Twenty-two colors for maximum contrast", in his order, without his white
        int[] kelly = {0x222222, 0xF3C300, 0x875692, 0xF38400, 0xA1CAF1, 0xBE0032, 0xC2B280, 0x848482, 0x008856,
            0xE68FAC, 0x0067A5, 0xF99379, 0x604E97, 0xF6A600, 0xB3446C, 0xDCD300, 0x882D17, 0x8DB600, 0x654522,
            0xE25822, 0x2B3D26};
        for (int i = 0; i < kelly.length; i++) {
            assertEquals(new Color(kelly[i]), Charts.COMMAND_COLOURS[i], "colour " + i);
        }
        for (Color c : Charts.COMMAND_COLOURS) {
            double luminance = (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
            org.junit.jupiter.api.Assertions.assertTrue(luminance < 0.85, c + " would vanish on the white chart");
        }
    }
}
