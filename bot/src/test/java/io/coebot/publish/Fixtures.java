package io.coebot.publish;

import io.coebot.slack.MessageTs;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;
import io.coebot.actions.ActionType;
import io.coebot.actions.Priority;
import io.coebot.coe.Coe;
import io.coebot.interview.Answer;
import io.coebot.interview.Contribution;
import io.coebot.interview.Questions;
import io.coebot.timeline.Milestone;
import io.coebot.timeline.Timeline;
import io.coebot.timeline.TimelineEntry;
import io.coebot.timeline.TimelineSource;
import io.coebot.whys.CauseRef;
import io.coebot.whys.Remediation;
import io.coebot.whys.WhyNode;
import io.coebot.whys.WhyTree;
import io.coebot.whys.WhysSession;
import io.coebot.whys.WhysState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COE-7, "Checkout returned 500s after a config push": a complete COE that meets the bar, as a team would leave it
 * after the interview, a 5 Whys session, a pinned timeline and five action items. Tests start from it and take
 * one thing away. All text is stored the way Slack delivers it (escaped, with mention and link markup).
 */
final class Fixtures {

    static final long COE_ID = 42;
    static final long SESSION_ID = 11;
    static final Instant RENDERED_AT = Instant.parse("2026-11-21T10:00:00Z");

    private Fixtures() {
    }

    /** 19 Nov 2026 at hh:mm:ss UTC. */
    static Instant at(int hour, int minute, int second) {
        return ZonedDateTime.of(2026, 11, 19, hour, minute, second, 0, ZoneOffset.UTC).toInstant();
    }

    static Coe coe() {
        return new Coe(COE_ID, "T1", "C0INCIDENT", 7, "Checkout returned 500s after a config push", "U0ALICE",
                Coe.Status.OPEN, "1763575200.000100", Instant.parse("2026-11-19T18:00:00Z"));
    }

    static CoeDocument complete() {
        return new CoeDocument(coe(), answers(), List.of(Questions.PREVENTION), timeline(entries(), explanations()),
                List.of(session()), actions(), null, RENDERED_AT);
    }

    static Map<String, Answer> answers() {
        Map<String, Answer> a = new LinkedHashMap<>();
        time(a, Questions.TRIGGER_AT, "14:00 UTC", at(14, 0, 0));
        time(a, Questions.DETECTED_AT, "14:12 UTC", at(14, 12, 0));
        time(a, Questions.MITIGATED_AT, "15:05 UTC", at(15, 5, 0));
        time(a, Questions.RESOLVED_AT, "16:30 UTC", at(16, 30, 0));
        a.put(Questions.SEVERITY, answer(Questions.SEVERITY, "U0ALICE", "SEV2", "SEV2"));
        text(a, Questions.SERVICES, "checkout, payments API");
        text(a, Questions.CUSTOMERS_AFFECTED, "About 18,400 customers (12% of checkout sessions) over 65 minutes.");
        text(a, Questions.CUSTOMER_EXPERIENCE, "Checkout returned HTTP 500 &amp; the cart page showed “Something went "
                + "wrong”. Retrying did not help.");
        text(a, Questions.IMPACT_SEVERITY, "Orders could not be placed; nobody was overcharged and no data was lost. "
                + "The checkout SLA (99.9% monthly) was breached.");
        text(a, Questions.SECOND_ORDER_IMPACT, "Support received 1,240 contacts.\nPartner storefronts that embed our "
                + "checkout showed errors too.");
        a.put(Questions.NFR, answer(Questions.NFR, "U0ALICE", "reliability, performance", "reliability,performance_efficiency"));
        text(a, Questions.CONSEQUENCES, "About $310k of orders delayed, 9% never came back. See "
                + "<https://wiki.example.com/finance/incident-cost|the cost estimate>.");
        a.put(Questions.DETECTION_HOW, answer(Questions.DETECTION_HOW, "U0CAROL", "Our monitoring", "monitoring"));
        text(a, Questions.DETECTION_HALVE, "Alarm on the 5xx rate per deployment instead of the 15-minute availability average.");
        text(a, Questions.UNDERLYING_CAUSE, "A config push set the payments client pool size to 0, so every checkout "
                + "call failed to get a connection.");
        a.put(Questions.INTERNAL_ACTIVITY, answer(Questions.INTERNAL_ACTIVITY, "U0BOB", "yes, the config push", "yes"));
        a.put(Questions.ACTIVITY_ANNOUNCED, answer(Questions.ACTIVITY_ANNOUNCED, "U0BOB", "yes", "yes"));
        text(a, Questions.OWNER_KNEW, "Yes, <@U0BOB|bob> announced it in <#C0DEPLOYS|payments-deploys> at 13:55.");
        text(a, Questions.BACKLOG_TASK, "PAY-812 (validate pool sizes on push) was in the backlog, deprioritised for "
                + "the Q4 freeze.");
        text(a, Questions.DIAGNOSIS_HALVE, "Show the last config change next to the error graph on the checkout dashboard.");
        time(a, Questions.MITIGATED_CONFIRM, "yes", at(15, 5, 0));
        text(a, Questions.RESTORED_HOW, "The 5xx rate returned to its 0.02% baseline and orders per minute matched "
                + "the same hour last week.");
        text(a, Questions.MITIGATION_FOUND, "The deploy log showed config v42 at 14:00; rolling it back was the "
                + "fastest safe step.");
        text(a, Questions.MITIGATION_HALVE, "A one-click config rollback in the deploy tool: today it takes a manual "
                + "revert &amp; a new push.");
        text(a, Questions.METRICS, "<https://grafana.example.com/d/checkout|Checkout 5xx rate> and "
                + "<https://grafana.example.com/d/orders|orders per minute>.");
        text(a, Questions.MONITORING_HOW, "An availability alarm on the 15-minute average; nothing per deployment.");
        text(a, Questions.LESSONS, "Config is code: it needs the same validation and canary as a binary deploy.\n"
                + "A 15-minute average hides a sharp failure.");
        text(a, Questions.RELATED, "COE-3 (payments timeouts, <https://wiki.example.com/coe/3>), PAY-812.");
        a.put(Questions.SUMMARY, answer(Questions.SUMMARY, "U0ALICE", "accept",
                "On 19 Nov 2026 from 14:00 to 15:05 UTC, checkout failed for about 12% of sessions after a config "
                        + "change set the payments connection pool to zero. Monitoring detected it after 12 minutes "
                        + "and rolling back the config restored service. We are adding validation and canaries for "
                        + "config pushes."));
        return a;
    }

    static Answer answer(String questionId, String userId, String text, String value) {
        return new Answer(questionId, List.of(new Contribution(userId, text, new MessageTs("1763570000.000100"), at(18, 30, 0))), value);
    }

    private static void text(Map<String, Answer> a, String id, String text) {
        a.put(id, answer(id, "U0ALICE", text, text));
    }

    private static void time(Map<String, Answer> a, String id, String typed, Instant t) {
        a.put(id, answer(id, "U0ALICE", typed, t.toString()));
    }

    static List<TimelineEntry> entries() {
        return List.of(
                message(1, at(14, 0, 3), "Deploying config v42 to payments-client (pool settings)", "U0BOB")
                        .withMilestone(Milestone.TRIGGER),
                message(2, at(14, 12, 40), ":rotating_light: Paged: checkout availability below 99% (15-min average)",
                        "U0CAROL").withMilestone(Milestone.DETECTED),
                message(3, at(14, 20, 11), "Checkout logs: `connection pool exhausted` &amp; timeouts to payments",
                        "U0CAROL"),
                message(4, at(14, 51, 30), "Config v42 sets `maxPoolSize: 0` | that's it", "U0DAN")
                        .withMilestone(Milestone.DIAGNOSED),
                message(5, at(14, 58, 2), "Rolling back to config v41, cc <@U0BOB|bob>", "U0CAROL"),
                new TimelineEntry(6, at(15, 5, 0), null, "5xx rate back to baseline", "U0CAROL", TimelineSource.MANUAL,
                        null, Milestone.MITIGATED, "Checked on the Grafana board <checkout> & orders"),
                new TimelineEntry(7, at(16, 30, 0), null, "Resolved; status page updated", "U0ALICE",
                        TimelineSource.MANUAL, null, Milestone.RESOLVED, null));
    }

    static TimelineEntry message(long id, Instant t, String text, String author) {
        String ts = t.getEpochSecond() + "." + String.format("%06d", t.getNano() / 1000 + id);
        return new TimelineEntry(id, t, ts, text, author, TimelineSource.REACTION,
                "https://acme.slack.com/archives/C0INCIDENT/p" + ts.replace(".", ""), null, null);
    }

    /** The 31-minute silence between the logs and the diagnosis, explained in the modal (plain text). */
    static Map<String, String> explanations() {
        return Map.of("3-4", "On a bridge call with the payments team: we checked their database first (it looked "
                + "healthy) & then the client config.");
    }

    static Timeline timeline(List<TimelineEntry> entries, Map<String, String> explanations) {
        return new Timeline(entries, interviewMilestones(), Timeline.DEFAULT_GAP_THRESHOLD, explanations);
    }

    /** What the interview's time answers give the timeline (marked entries override them). */
    static Map<Milestone, Instant> interviewMilestones() {
        Map<Milestone, Instant> m = new HashMap<>();
        m.put(Milestone.TRIGGER, at(14, 0, 0));
        m.put(Milestone.DETECTED, at(14, 12, 0));
        m.put(Milestone.MITIGATED, at(15, 5, 0));
        m.put(Milestone.RESOLVED, at(16, 30, 0));
        return m;
    }

    /**
     * 5 Whys #1, finished: two branches, each ending in a root cause with its fixes.
     * 1 → 1.1 → 1.1.1 ★ (no validation of config), 2 → 2.1 ★ (the alarm's 15-minute average).
     */
    static WhysSession session() {
        WhyTree tree = new WhyTree("Checkout returned HTTP 500 for 12% of sessions for 65 minutes.", new MessageTs("1763570100.000100"),
                List.of(
                        node(1, 0, "Every checkout call to payments failed to get a connection."),
                        node(2, 1, "Config v42 set the payments client pool size to 0."),
                        root(3, 2, "The deploy tool accepts any value for pool settings: nothing validates config "
                                        + "against a schema.",
                                new Remediation("Validate payments client config against a schema before push "
                                        + "(reject pool size &lt; 1)", "U0DAN", new MessageTs("1763570200.000100")),
                                new Remediation("Canary config pushes to 5% of hosts for 10 minutes", "U0BOB",
                                        new MessageTs("1763570210.000100"))),
                        node(4, 0, "The alarm fired 12 minutes after the trigger."),
                        root(5, 4, "The availability alarm averages over 15 minutes, which hides a sharp drop.",
                                new Remediation("Alarm on the 5xx rate per deployment, at 1-minute resolution",
                                        "U0CAROL", new MessageTs("1763570300.000100")))),
                6);
        return session(SESSION_ID, 1, tree);
    }

    static WhysSession session(long id, int number, WhyTree tree) {
        WhysState state = new WhysState(tree, null, null, List.of(), 1, List.of(), List.of(), io.coebot.whys.People.NONE);
        return new WhysSession(id, "T1", COE_ID, "C0INCIDENT", number, "1763570000.00000" + number, state, "U0ALICE",
                at(17, 0, 0));
    }

    static WhyNode node(int id, int parent, String text) {
        return new WhyNode(id, parent, text, "U0DAN", new MessageTs("17635701" + id + ".000100"), false, null, null, List.of());
    }

    static WhyNode root(int id, int parent, String text, Remediation... fixes) {
        return new WhyNode(id, parent, text, "U0DAN", new MessageTs("17635701" + id + ".000100"), true,
                "Yes: it is within our control, fixing it prevents a repeat, and it is not about a person.",
                new MessageTs("17635702" + id + ".000100"), List.of(fixes));
    }

    static List<ActionItem> actions() {
        return List.of(
                item(101, "Validate payments client config against a schema before push (reject pool size &lt; 1)",
                        "U0DAN", Priority.HIGH, LocalDate.of(2026, 12, 3), ActionType.PREVENTION, ActionStatus.OPEN,
                        new CauseRef(11, 3, 0), "https://jira.example.com/browse/PAY-812"),
                item(102, "Canary config pushes to 5% of hosts for 10 minutes", "U0BOB", Priority.MEDIUM,
                        LocalDate.of(2026, 12, 10), ActionType.PREVENTION, ActionStatus.OPEN, new CauseRef(11, 3, 1), null),
                item(103, "Alarm on the 5xx rate per deployment, at 1-minute resolution", "U0CAROL", Priority.HIGH,
                        LocalDate.of(2026, 11, 30), ActionType.DETECTION, ActionStatus.DONE, new CauseRef(11, 5, 0),
                        "https://jira.example.com/browse/OBS-77"),
                item(104, "One-click config rollback in the deploy tool | CLI and UI", "U0ERIN", Priority.MEDIUM,
                        LocalDate.of(2026, 12, 17), ActionType.MITIGATION, ActionStatus.OPEN, null, null),
                item(105, "Show the last config change on the checkout dashboard", "U0CAROL", Priority.LOW,
                        LocalDate.of(2026, 12, 17), ActionType.DIAGNOSIS, ActionStatus.WONT_DO, null, null)
                        .withStatus(ActionStatus.WONT_DO, "Grafana's deploy annotations already show it."));
    }

    static ActionItem item(long id, String text, String owner, Priority priority, LocalDate due, ActionType type,
                           ActionStatus status, CauseRef causeRef, String trackerUrl) {
        return new ActionItem(id, COE_ID, 7, "Checkout returned 500s after a config push", "U0ALICE", "C0INCIDENT",
                text, owner, priority, due, type, status, null, null, causeRef, null, trackerUrl, null, null, at(18, 0, 0));
    }

    // --- one change at a time, for tests that take something away

    static CoeDocument withAnswers(CoeDocument d, Map<String, Answer> answers, List<String> skipped) {
        return new CoeDocument(d.coe(), answers, skipped, d.timeline(), d.whys(), d.actions(), d.publishedAnywayReason(),
                d.renderedAt());
    }

    /** The question's answer removed; {@code skipped}: it was passed over rather than not reached. */
    static CoeDocument without(CoeDocument d, String questionId, boolean skipped) {
        Map<String, Answer> answers = new HashMap<>(d.answers());
        answers.remove(questionId);
        List<String> skips = new ArrayList<>(d.skipped());
        if (skipped) {
            skips.add(questionId);
        }
        return withAnswers(d, answers, skips);
    }

    static CoeDocument answering(CoeDocument d, String questionId, String text, String value) {
        Map<String, Answer> answers = new HashMap<>(d.answers());
        answers.put(questionId, answer(questionId, "U0ALICE", text, value));
        return withAnswers(d, answers, d.skipped());
    }

    static CoeDocument withTimeline(CoeDocument d, Timeline t) {
        return new CoeDocument(d.coe(), d.answers(), d.skipped(), t, d.whys(), d.actions(), d.publishedAnywayReason(),
                d.renderedAt());
    }

    static CoeDocument withWhys(CoeDocument d, List<WhysSession> whys) {
        return new CoeDocument(d.coe(), d.answers(), d.skipped(), d.timeline(), whys, d.actions(),
                d.publishedAnywayReason(), d.renderedAt());
    }

    static CoeDocument withActions(CoeDocument d, List<ActionItem> actions) {
        return new CoeDocument(d.coe(), d.answers(), d.skipped(), d.timeline(), d.whys(), actions,
                d.publishedAnywayReason(), d.renderedAt());
    }

    static CoeDocument publishedAnyway(CoeDocument d, String reason) {
        return new CoeDocument(d.coe(), d.answers(), d.skipped(), d.timeline(), d.whys(), d.actions(), reason,
                d.renderedAt());
    }

    // --- the huge COE: far beyond any real one, to prove the Slack limits hold and nothing is lost

    static final String LONG_TITLE = "🔥 Checkout, payments & refunds failed in three regions — 決済APIのタイムアウト — "
            + "تعطل الدفع — while the config push, the DNS change and the certificate rotation all ran in one hour";

    /** 1,000 timeline entries, a 60-cause 5 Whys tree, 50 action items and a 20,000-character answer. */
    static CoeDocument huge() {
        Coe coe = new Coe(COE_ID, "T1", "C0INCIDENT", 7, LONG_TITLE, "U0ALICE", Coe.Status.OPEN, null,
                Instant.parse("2026-11-19T18:00:00Z"));
        Map<String, Answer> answers = new LinkedHashMap<>(answers());
        text(answers, Questions.CUSTOMER_EXPERIENCE, longAnswer());
        return new CoeDocument(coe, answers, List.of(), hugeTimeline(), List.of(hugeSession()), hugeActions(),
                "Leadership review is tomorrow &amp; the bar's last gap is explained in the thread.", RENDERED_AT);
    }

    /** Sentences in English, Japanese and Arabic with emoji, links and escapes: over 20,000 characters. */
    static String longAnswer() {
        StringBuilder s = new StringBuilder();
        for (int i = 1; s.length() < 20_000; i++) {
            s.append("Sentence ").append(i).append(": customers saw HTTP 500 &amp; a spinner 🔄 on "
                    + "<https://shop.example.com/checkout?step=").append(i).append("|the checkout page>. ");
            s.append("決済ページが応答しませんでした（").append(i).append("件目）。");
            s.append("لم تكتمل عملية الدفع رقم ").append(i).append(" 💳. ");
            if (i % 7 == 0) {
                s.append('\n');
            }
        }
        return s.toString();
    }

    static List<TimelineEntry> hugeEntries() {
        List<TimelineEntry> entries = new ArrayList<>();
        Instant t = at(14, 0, 0);
        for (int i = 1; i <= 1000; i++) {
            // every 100th entry follows a 20-minute silence, so gaps are rendered between entries too
            t = t.plusSeconds(i % 100 == 0 ? 20 * 60 : 60);
            String text = entryText(i);
            Milestone m = i == 1 ? Milestone.TRIGGER : i == 10 ? Milestone.DETECTED : i == 1000 ? Milestone.MITIGATED : null;
            String note = i % 50 == 0 ? "Note " + i + " typed in the modal: <b>bold?</b> & more" : null;
            entries.add(new TimelineEntry(i, t, null, text, "U" + (i % 9), TimelineSource.MANUAL, null, m, note));
        }
        return entries;
    }

    /** Unique per entry, so a test can find each one in order. */
    static String entryText(int i) {
        String id = String.format("entry-%04d", i);
        return i % 10 == 0
                ? id + " 🚨 決済APIのエラー率が上昇 · ارتفاع معدل الأخطاء · <@U0CAROL|carol> paged <!subteam^S1|@payments>"
                : id + " checked <https://grafana.example.com/d/checkout?from=" + i + "|the board>: p99 &gt; 2s";
    }

    static Timeline hugeTimeline() {
        List<TimelineEntry> entries = hugeEntries();
        return new Timeline(entries, Map.of(), Timeline.DEFAULT_GAP_THRESHOLD,
                Map.of(entries.get(98).id() + "-" + entries.get(99).id(), "Waiting for the vendor's call-back."));
    }

    /** Ten branches of six causes each; the last of each is a root cause with two fixes. */
    static WhysSession hugeSession() {
        List<WhyNode> nodes = new ArrayList<>();
        int id = 1;
        for (int branch = 1; branch <= 10; branch++) {
            int parent = 0;
            for (int depth = 1; depth <= 6; depth++) {
                String text = "Cause " + branch + "." + depth + ": the " + "payments client 決済 تعطل ".repeat(4)
                        + "did not retry with backoff 🔁 because the setting was not validated.";
                if (depth == 6) {
                    nodes.add(new WhyNode(id, parent, text, "U0DAN", null, true, null, null, List.of(
                            new Remediation("Fix " + branch + "a: validate every pool setting on push", "U0DAN", null),
                            new Remediation("Fix " + branch + "b: canary config for 10 minutes", "U0DAN", null))));
                } else {
                    nodes.add(new WhyNode(id, parent, text, "U0DAN", null, false, null, null, List.of()));
                }
                parent = id++;
            }
        }
        return session(SESSION_ID, 1, new WhyTree("Checkout failed for 12% of sessions.", null, nodes, id));
    }

    static List<ActionItem> hugeActions() {
        List<ActionItem> items = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            items.add(item(1000 + i, String.format("action-%02d", i) + " 🛠️ Add validation for setting " + i
                            + " (設定の検証 · التحقق من الإعداد) before every push | both CLI and UI", "U0DAN",
                    Priority.values()[i % 3], LocalDate.of(2026, 12, 1).plusDays(i), ActionType.PREVENTION,
                    ActionStatus.OPEN, i <= 20 ? new CauseRef(SESSION_ID, 6 * ((i + 1) / 2), (i + 1) % 2) : null,
                    "https://jira.example.com/browse/PAY-" + (900 + i)));
        }
        return items;
    }
}
