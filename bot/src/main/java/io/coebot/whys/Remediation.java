package io.coebot.whys;

/** What would prevent a root cause: an action-item draft, completed later with owner, priority and due date. */
public record Remediation(String text, String author, String ts) {
    Remediation withText(String newText) {
        return new Remediation(newText, author, ts);
    }
}
