package io.coebot.publish;

/**
 * How far one section of the COE has got, for {@code /coe status}.
 *
 * @param section the section's title as the published COE shows it ("Impact", "5 Whys")
 * @param state   {@link #DONE}, {@link #MISSING} or {@link #SKIPPED}
 * @param detail  one short line: what is there, and what is still open
 */
record SectionStatus(String section, String state, String detail) {
    public static final String DONE = "done";
    /** Something is still to be written, asked or added. */
    public static final String MISSING = "missing";
    /** All that is open was passed over on purpose with {@code skip}. */
    public static final String SKIPPED = "skipped";
}
