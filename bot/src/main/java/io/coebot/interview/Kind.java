package io.coebot.interview;

/** How an answer is read and stored. */
public enum Kind {
    TEXT, TIME, CHOICE, MULTI_CHOICE, YES_NO,
    /** Confirms an earlier time, or corrects it. */
    CONFIRM_TIME,
    /** The draft summary, accepted or rewritten. */
    SUMMARY
}
