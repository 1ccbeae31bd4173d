package io.coebot.slack;

/**
 * A reply in a COE thread that is talk among the team, not an answer: one that opens with a parenthesis,
 * "(which services did the canary cover?)". The marker must reach the bot as an ordinary message: in Slack a message
 * that starts with "/" is taken as a slash command (and refused when it is none, so `//` never arrived), while "(" has
 * no meaning to Slack's composer or to mrkdwn formatting (which reads * _ ~ ` &gt; and the : @ # ! of emoji and
 * mentions). Both conversations, the interview and the 5 Whys, read it the same way.
 */
public final class SideTalk {
    /** How the welcome message and help put it. */
    public static final String HOW = "Put a message in (parentheses) to talk among yourselves without answering.";

    private SideTalk() {
    }

    public static boolean isAside(String text) {
        return text != null && text.strip().startsWith("(");
    }
}
