package io.coebot.publish;

/**
 * One line of the COE quality bar.
 *
 * @param name   what is checked, a few words ("Summary", "Timeline gaps explained"); stable, tests and the lead's
 *               Slack view may match on it
 * @param fix    what to do about it, as one or two mrkdwn sentences naming the command or button; null when passed
 */
record QualityCheck(String name, boolean passed, String fix) {

    static QualityCheck pass(String name) {
        return new QualityCheck(name, true, null);
    }

    static QualityCheck fail(String name, String fix) {
        return new QualityCheck(name, false, fix);
    }
}
