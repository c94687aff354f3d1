package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.Differential;
import org.syncsim.protocol.plan.PlanPolicies;
import org.syncsim.protocol.plan.Recovery;
import org.syncsim.protocol.plan.VersionCheck;

/**
 * The plan's {@code differential: sections} ({@link Differential.Sections}, with the version gate and recovery): a
 * pull carries one content hash per section held; a responder whose push reaches only members that speak the plan
 * sends the sections whose content the digest does not name, then {@code BSSAME} naming the others with their
 * hashes, then BSTR; the requester fills those from its own sections and converges.
 */
class DifferentialTest {
    private static final long T0 = HeadRaid.HELD;
    private static final long T1 = HeadRaid.HELD + 1800;
    private static final int SECTIONS = 5;
    private static final int EDITED = 2;
    private static final PlanPolicies DIFF = Plan.of(new Differential.Sections(), new VersionCheck.Gate(),
            new Recovery.Resume(3, 3));

    /**
     * P00 holds an edit (section {@value #EDITED} replaced) of the sheet P01 holds; P01 pulls on joining (liveSync).
     * With {@code silentMember}, a raw member that never announces a version is in the group too.
     */
    private static HeadRaid raid(PlanPolicies policies, boolean silentMember) {
        HeadRaid raid = new HeadRaid(23, true);
        AssignmentSet old = HeadRaid.sheet(raid.sim, "sheet/old", SheetSpec.of(SECTIONS, 6, 6));
        AssignmentSet other = HeadRaid.sheet(raid.sim, "sheet/other", SheetSpec.of(SECTIONS, 6, 6));
        List<Section> edited = new ArrayList<>(old.sections());
        edited.set(EDITED - 1, other.section(EDITED));
        EncodedSheet oldAt = HeadRaid.encode(old, T0);
        EncodedSheet newAt = HeadRaid.encode(new AssignmentSet(edited), T1);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withInitialData(new InitialData.Saved(T1, newAt)),
                policies);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(T0, oldAt)), policies);
        if (silentMember) {
            raid.addFake();
        }
        return raid.form();
    }

    private static List<String> texts(HeadRaid raid, String command) {
        return raid.channel.sent(command, 0).stream().map(TestChannel.Sent::text).toList();
    }

    @Test
    void anAnswerCarriesOnlyTheEditedSectionAndNamesTheOthersInBssame() {
        HeadRaid raid = raid(DIFF, false);
        raid.runUntil(40);

        List<String> requests = texts(raid, "BSREQ");
        assertEquals(1, requests.size());
        String prefix = "BSREQ:" + T0 + ":";
        assertTrue(requests.get(0).startsWith(prefix), requests.get(0));
        String[] digest = requests.get(0).substring(prefix.length()).split(",", -1);
        assertEquals(SECTIONS, digest.length, "one hash per section held");
        for (String h : digest) {
            assertFalse(h.isEmpty());
        }

        List<String> sections = texts(raid, "BSEC");
        assertEquals(1, sections.size());
        assertTrue(sections.get(0).startsWith("BSEC:" + T1 + ":" + EDITED + ":"), sections.get(0));
        List<String> same = texts(raid, "BSSAME");
        assertEquals(1, same.size());
        StringBuilder expected = new StringBuilder("BSSAME:" + T1 + ":");
        String sep = "";
        for (int i = 1; i <= SECTIONS; i++) {
            if (i != EDITED) {
                expected.append(sep).append(i).append('=').append(digest[i - 1]);
                sep = ",";
            }
        }
        assertEquals(expected.toString(), same.get(0), "the unchanged sections, with the requester's own hashes");
        assertEquals(1, raid.channel.count("BSTR", 0));
        assertTrue(raid.channel.sent("BSSAME", 0).get(0).time() <= raid.channel.sent("BSTR", 0).get(0).time());

        assertEquals(raid.get(0).snapshot().compressedSections(), raid.get(1).snapshot().compressedSections());
        assertEquals(T1, raid.get(1).snapshot().assignmentsTimestamp());
        assertTrue(raid.metrics.syncedAt.containsKey(1));
        assertFalse(raid.get(1).checkDesync());
    }

    @Test
    void aMemberThatHasNotAnnouncedThePlanGetsTheWholeSheet() {
        HeadRaid raid = raid(DIFF, true);
        raid.runUntil(40);
        assertEquals(SECTIONS, raid.channel.count("BSEC", 0), "B19: the whole sheet, or the silent member breaks");
        assertEquals(0, raid.channel.count("BSSAME", 0));
        assertEquals(T1, raid.get(1).snapshot().assignmentsTimestamp());
    }

    @Test
    void withoutTheGateARequestCarriesNoDigest() {
        HeadRaid raid = raid(Plan.of(new Differential.Sections(), new Recovery.Resume(3, 3)), false);
        raid.runUntil(40);
        assertEquals(List.of("BSREQ:" + T0), texts(raid, "BSREQ"));
        assertEquals(SECTIONS, raid.channel.count("BSEC", 0));
        assertEquals(0, raid.channel.count("BSSAME", 0));
    }

    @Test
    void withoutRecoveryARequestCarriesNoDigest() {
        HeadRaid raid = raid(Plan.of(new Differential.Sections(), new VersionCheck.Gate()), false);
        raid.runUntil(40);
        assertEquals(List.of("BSREQ:" + T0), texts(raid, "BSREQ"));
        assertEquals(SECTIONS, raid.channel.count("BSEC", 0));
    }

    @Test
    void aBssameOfTheVersionHeldWholeIsADuplicate() {
        HeadRaid raid = raid(DIFF, false);
        raid.runUntil(40);
        int fake = raid.addFake();
        String same = texts(raid, "BSSAME").get(0);
        raid.inject(50, fake, same);
        raid.runUntil(60);
        assertEquals(2, raid.metrics.count("duplicate", "BSSAME"), "both members hold the version whole");
        assertEquals(raid.get(0).snapshot().compressedSections(), raid.get(1).snapshot().compressedSections());
    }
}
