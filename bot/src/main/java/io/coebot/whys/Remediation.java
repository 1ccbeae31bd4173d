package io.coebot.whys;

import io.coebot.slack.MessageTs;

/** What would prevent a root cause: an action-item draft, completed later with owner, priority and due date. */
public record Remediation(String text, String author, MessageTs ts) {
    Remediation withText(String newText) {
        return new Remediation(newText, author, ts);
    }
}
