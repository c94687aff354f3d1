package org.syncsim.protocol.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.syncsim.channel.Priority;
import org.syncsim.protocol.wire.Command;

/** The throttle policy's rate and priorities. */
class ThrottleTest {
    @Test
    void aRaidBudgetSplitsTheRateOverTheMembersButNeverAboveMaxCps() {
        Throttle.Ctl ctl = new Throttle.Ctl(800, 4000, 8000);
        assertEquals(200, ctl.cpsFor(40));
        assertEquals(800, ctl.cpsFor(5));
        assertEquals(800, new Throttle.Ctl(800, 4000, 0).cpsFor(40), "0: no split");
    }

    @Test
    void smallTimeCriticalMessagesGoAlertAndPushesBulk() {
        Throttle.Ctl ctl = new Throttle.Ctl(800, 4000, 0);
        for (Command c : new Command[] {Command.SECTION, Command.BSREQ, Command.BSACK, Command.VER, Command.BSMISS}) {
            assertEquals(Priority.ALERT, ctl.priorityOf(c), c.name());
        }
        for (Command c : new Command[] {Command.BSEC, Command.BSTR, Command.CHUNKED, Command.CHUNK}) {
            assertEquals(Priority.BULK, ctl.priorityOf(c), c.name());
        }
        assertEquals(Priority.NORMAL, new Throttle.Direct().priorityOf(Command.BSREQ), "head's priority");
    }
}
