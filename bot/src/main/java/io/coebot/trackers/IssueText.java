package io.coebot.trackers;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;

import java.util.List;

/** How an action item reads as an issue: its text as the title, its COE and its facts in the body, and its marker. */
final class IssueText {
    /** GitHub titles hold 256 characters; Jira summaries 255. */
    private static final int TITLE_MAX = 250;

    private IssueText() {
    }

    /** Unique per item and workspace, and found by the tracker's text search. */
    static String marker(String teamId, long itemId) {
        return "coe-bot-item-" + teamId + "-" + itemId;
    }

    /** The owner as Slack knows them, and as the tracker does (null: no tracker user has their email). */
    record Owner(String name, String email, String assignee) {
    }

    static IssueDraft of(String teamId, ActionItem item, Owner owner, String trackerName) {
        String text = item.text().strip();
        String firstLine = text.lines().findFirst().orElse(text);
        String title = firstLine.length() > TITLE_MAX ? firstLine.substring(0, TITLE_MAX - 1) + "…" : firstLine;
        StringBuilder body = new StringBuilder();
        body.append("Action item of **COE-").append(item.coeNumber()).append(" · ").append(item.coeTitle()).append("** ")
                .append("([COE card in Slack](https://slack.com/app_redirect?team=").append(teamId).append("&channel=")
                .append(item.channelId()).append("))\n\n");
        if (!title.equals(text)) {
            body.append(text).append("\n\n");
        }
        body.append("- **Owner:** ").append(owner.name() == null ? "a Slack user" : owner.name());
        if (owner.assignee() == null) {
            body.append(owner.email() == null
                    ? " (in Slack, which does not share their email, so the issue is unassigned)"
                    : " (" + owner.email() + " in Slack; no " + trackerName + " user has that email, so the issue is unassigned)");
        }
        body.append('\n');
        body.append("- **Priority:** ").append(item.priority().key()).append('\n');
        body.append("- **Due:** ").append(item.due()).append('\n');
        if (item.type() != null) {
            body.append("- **Type:** ").append(item.type().key()).append('\n');
        }
        if (item.causeText() != null) {
            body.append("- **Fixes:** ").append(item.causeText()).append('\n');
        }
        if (item.status() == ActionStatus.WONT_DO && item.statusReason() != null) {
            body.append("- **Won't do:** ").append(item.statusReason()).append('\n');
        }
        String marker = marker(teamId, item.id());
        body.append("\n<!-- ").append(marker).append(" (ties this issue to its coe-bot action item) -->\n");
        return new IssueDraft(title, body.toString(), List.of("coe", "COE-" + item.coeNumber()), marker,
                !item.isOpen(), item.status() == ActionStatus.WONT_DO, item.due(), owner.assignee());
    }
}
