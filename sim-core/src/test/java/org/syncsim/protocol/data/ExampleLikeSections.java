package org.syncsim.protocol.data;

import java.util.List;

/**
 * Three sections shaped like the addon's bundled example (spec §5.1, §5.6: "Welcome" 4 × 5, "Grand Widow
 * Faerlina" 7 × 6, "Thaddius" 3 × 8), written for these tests; the addon's own example text is not copied. The
 * texts are of the same kind (short instructions, player names, a local 6-letter player name in "Welcome") and
 * of about the measured serialised lengths, so their compressed sizes test the pipeline's ratios.
 */
final class ExampleLikeSections {

    private ExampleLikeSections() {}

    static Section welcome() {
        return new Section("Welcome",
                List.of("Icon", "Target", "Tank", "Healer", "DPS"),
                List.of(
                        Row.of("Star", "Welcome to raid assignments", "Kaelan", "", ""),
                        Row.of("Circle", "Import a sheet in the options", "", "Kaelan", ""),
                        Row.of("Diamond", "Pick a section with the arrows", "", "", "Kaelan"),
                        Row.of("Triangle", "Your own name is highlighted", "Kaelan", "Kaelan", "Kaelan")),
                new SectionMetadata(
                        List.of("This is example data. Import your own assignments (Google Sheets export) from"
                                        + " the options window to replace it: /twra options.",
                                "Rows that mention you are highlighted, and a short reminder of your task is shown"
                                        + " when the section opens."),
                        List.of("Only the raid leader and assistants should import or change assignments during"
                                + " a raid."),
                        List.of(), List.of(), List.of(3)));
    }

    static Section faerlina() {
        return new Section("Grand Widow Faerlina",
                List.of("Icon", "Target", "Tank", "Off Tank", "Healer", "Priest MC"),
                List.of(
                        Row.of("Skull", "Grand Widow Faerlina", "Aldren", "", "Mirela", ""),
                        Row.of("Cross", "Naxxramas Worshipper", "", "Torvik", "Selwyn", "Oriane"),
                        Row.of("Square", "Naxxramas Worshipper", "", "Brannoc", "Halda", "Ysolde"),
                        Row.of("Moon", "Naxxramas Worshipper", "", "Gundar", "Fenna", ""),
                        Row.of("Triangle", "Naxxramas Worshipper", "", "Ulfric", "Saela", ""),
                        Row.of("Diamond", "Naxxramas Follower", "", "Rothgar", "Group 3", ""),
                        Row.of("Circle", "Naxxramas Follower", "", "Dagna", "Group 4", "")),
                new SectionMetadata(
                        List.of("Priests mind control a worshipper to dispel her enrage.",
                                "Followers silence: tank them away from healers."),
                        List.of("Do not kill worshippers early."),
                        List.of(), List.of(6, 7), List.of(3, 4)));
    }

    static Section thaddius() {
        return new Section("Thaddius",
                List.of("Icon", "Target", "Tank", "Healer", "Healer", "Melee", "Ranged", "Left"),
                List.of(
                        Row.of("Skull", "Thaddius", "Aldren", "Mirela", "Selwyn", "Group 1", "Group 5", ""),
                        Row.of("Cross", "Stalagg", "Torvik", "Halda", "", "Group 2", "", "Kaelan"),
                        Row.of("Square", "Feugen", "Brannoc", "Fenna", "", "Group 3", "", "")),
                new SectionMetadata(
                        List.of("Positive charge goes right, negative goes left.",
                                "Jump the gap together after both adds die."),
                        List.of("Wrong side kills the raid."),
                        List.of(), List.of(1, 2, 3), List.of(3)));
    }

    static AssignmentSet all() {
        return new AssignmentSet(List.of(welcome(), faerlina(), thaddius()));
    }
}
