package org.syncsim.explore;

import java.util.ArrayList;
import java.util.List;
import org.syncsim.scenario.Action;
import org.syncsim.scenario.Loss;
import org.syncsim.scenario.Span;

/**
 * One generated fault: what happens to whom, when and for how long; {@link #actions} turns it into the scenario
 * timeline entries that make it happen and, for a lasting fault, end it.
 *
 * @param kind what happens
 * @param at when it starts
 * @param duration how long it lasts (ignored by the instant kinds: imports, edits, rogue messages)
 * @param members whom it concerns (one member; several for a partition)
 * @param section the section an {@link Kind#EDIT} changes (1-based; 0 otherwise)
 * @param rogue what a {@link Kind#ROGUE} member sends (null otherwise)
 */
record Fault(Kind kind, Span at, Span duration, List<String> members, int section,
        Action.Rogue.RogueMessage rogue) {

    /** The faults the explorer draws. */
    enum Kind {
        /** The member's connection drops and comes back ({@code disconnect ... for}). */
        DISCONNECT(true),
        /** The member zones: deaf for a while, state kept. */
        LOADING_SCREEN(true),
        /** {@code /reload}: runtime state lost, deaf while the UI reloads. */
        RELOAD(true),
        /** The member leaves the raid and joins again later, as a late joiner. */
        LATE_JOIN(true),
        /** Deliveries to everyone are lost in Gilbert-Elliott bursts, then the network heals. */
        LOSS_BURST(true),
        /** Deliveries to some members are all lost, then the network heals (they still send). */
        PARTITION(true),
        /** The leader imports a new version of the whole sheet. */
        IMPORT(false),
        /** The leader imports a version in which one section changed. */
        EDIT(false),
        /** A member with a modified client sends one crafted message. */
        ROGUE(false);

        private final boolean lasting;

        Kind(boolean lasting) {
            this.lasting = lasting;
        }

        /** True if the fault has a duration (and an end the explorer waits for before the quiet period). */
        boolean lasting() {
            return lasting;
        }
    }

    /** Loss while a {@link Kind#LOSS_BURST} lasts: long bad stretches losing most deliveries. */
    static final Loss BURST = new Loss.GilbertElliott(0.05, 0.2, 0.0, 0.8);
    /** Loss on a partitioned member's deliveries. */
    static final Loss CUT = new Loss.Bernoulli(1.0);

    Fault {
        members = List.copyOf(members);
    }

    /** When the fault is over (its start for the instant kinds). */
    long endMicros() {
        return at.micros() + (kind.lasting() ? duration.micros() : 0);
    }

    /** The same fault lasting {@code d}. */
    Fault lasting(Span d) {
        return new Fault(kind, at, d, members, section, rogue);
    }

    /** The timeline entries; a network fault ends by restoring {@code healed}, the scenario's own loss. */
    List<Action> actions(Loss healed) {
        Span end = new Span(endMicros());
        String who = members.isEmpty() ? null : members.get(0);
        List<Action> out = new ArrayList<>();
        switch (kind) {
            case DISCONNECT -> out.add(new Action.Disconnect(at, null, who, duration));
            case LOADING_SCREEN -> out.add(new Action.LoadingScreen(at, null, who, duration));
            case RELOAD -> out.add(new Action.Reload(at, null, who, duration));
            case LATE_JOIN -> {
                out.add(new Action.Leave(at, null, who));
                out.add(new Action.Join(end, null, who));
            }
            case LOSS_BURST -> {
                out.add(new Action.Network(at, null, null, null, BURST));
                out.add(new Action.Network(end, null, null, null, healed));
            }
            case PARTITION -> {
                for (String m : members) {
                    out.add(new Action.Network(at, null, m, null, CUT));
                }
                for (String m : members) {
                    out.add(new Action.Network(end, null, m, null, healed));
                }
            }
            case IMPORT -> out.add(new Action.Import(at, null, who, null, null));
            case EDIT -> out.add(new Action.Import(at, null, who, List.of(section), null));
            case ROGUE -> out.add(new Action.Rogue(at, null, who, rogue, null, null, 1, null));
            default -> throw new IllegalStateException(kind.toString());
        }
        return out;
    }

    /** One line for the summary and the shrunk file's comment. */
    String describe() {
        String whom = members.size() == 1 ? members.get(0) : members.size() + " members " + members;
        String what = switch (kind) {
            case DISCONNECT -> whom + " disconnects for " + duration;
            case LOADING_SCREEN -> whom + " sits in a loading screen for " + duration;
            case RELOAD -> whom + " reloads the UI (" + duration + ")";
            case LATE_JOIN -> whom + " leaves and joins again " + duration + " later";
            case LOSS_BURST -> "bursty loss on every delivery for " + duration;
            case PARTITION -> "deliveries to " + whom + " are all lost for " + duration;
            case IMPORT -> whom + " imports a new version";
            case EDIT -> whom + " imports a version with section " + section + " changed";
            case ROGUE -> whom + " sends a rogue " + rogue.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + " message";
        };
        return "t=" + at + ": " + what;
    }
}
