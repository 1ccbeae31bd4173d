package io.coebot.interview;

/** How far one section of the interview has got, for the COE card. */
record SectionProgress(Section section, int answered, int applicable, int skipped) {

    /** Every question that applies has an answer; a skipped question is still open. */
    public boolean done() {
        return answered >= applicable;
    }
}
