package io.coebot.interview;

import static io.coebot.interview.Kind.CHOICE;
import static io.coebot.interview.Kind.CONFIRM_TIME;
import static io.coebot.interview.Kind.MULTI_CHOICE;
import static io.coebot.interview.Kind.TEXT;
import static io.coebot.interview.Kind.TIME;
import static io.coebot.interview.Kind.YES_NO;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The interview's questions, in the order they are asked. */
public final class Questions {

    public static final String TRIGGER_AT = "trigger_at";
    public static final String DETECTED_AT = "detected_at";
    public static final String MITIGATED_AT = "mitigated_at";
    public static final String RESOLVED_AT = "resolved_at";
    public static final String SEVERITY = "severity";
    public static final String SERVICES = "services";
    public static final String CUSTOMERS_AFFECTED = "customers_affected";
    public static final String CUSTOMER_EXPERIENCE = "customer_experience";
    public static final String IMPACT_SEVERITY = "impact_severity";
    public static final String SECOND_ORDER_IMPACT = "second_order_impact";
    public static final String NFR = "nfr";
    public static final String CONSEQUENCES = "consequences";
    public static final String DETECTION_HOW = "detection_how";
    public static final String DETECTION_HALVE = "detection_halve";
    public static final String UNDERLYING_CAUSE = "underlying_cause";
    public static final String INTERNAL_ACTIVITY = "internal_activity";
    public static final String ACTIVITY_ANNOUNCED = "activity_announced";
    public static final String OWNER_KNEW = "owner_knew";
    public static final String BACKLOG_TASK = "backlog_task";
    public static final String DIAGNOSIS_HALVE = "diagnosis_halve";
    public static final String MITIGATED_CONFIRM = "mitigated_confirm";
    public static final String RESTORED_HOW = "restored_how";
    public static final String MITIGATION_FOUND = "mitigation_found";
    public static final String MITIGATION_HALVE = "mitigation_halve";
    public static final String PREVENTION = "prevention";
    public static final String METRICS = "metrics";
    public static final String MONITORING_HOW = "monitoring_how";
    public static final String LESSONS = "lessons";
    public static final String RELATED = "related";
    public static final String SUMMARY = "summary";

    static final String TIME_HINT =
            "Try " + IncidentTimeParser.EXAMPLES + "; times are in your zone unless you name one.";
    private static final String TEXT_HINT = "A few sentences are plenty. `skip` if you'd rather come back to it.";
    private static final String YES_NO_HINT = "Reply yes or no.";

    private static final List<Choice> SEVERITIES = List.of(
            new Choice("SEV1", "SEV1"), new Choice("SEV2", "SEV2"),
            new Choice("SEV3", "SEV3"), new Choice("SEV4", "SEV4"));
    private static final List<Choice> PILLARS = List.of(
            new Choice("security", "Security"),
            new Choice("reliability", "Reliability"),
            new Choice("performance_efficiency", "Performance Efficiency"),
            new Choice("cost_optimization", "Cost Optimization"),
            new Choice("operations", "Operations"));
    private static final List<Choice> DETECTIONS = List.of(
            new Choice("customer_report", "A customer report"),
            new Choice("monitoring", "Our monitoring"),
            new Choice("other", "Something else"));
    static final List<Choice> YES_NO_CHOICES = List.of(new Choice("yes", "Yes"), new Choice("no", "No"));

    private static final List<Question> ALL = List.of(
            q(TRIGGER_AT, Section.BASICS, TIME, "When it started",
                    "When did it start? I mean the first trigger, such as the bad deployment or config change, "
                            + "not when you were paged.", TIME_HINT),
            q(DETECTED_AT, Section.BASICS, TIME, "When it was detected",
                    "When was the customer impact detected?", TIME_HINT),
            q(MITIGATED_AT, Section.BASICS, TIME, "When impact ended",
                    "When was the impact back to the level it was at before the incident?", TIME_HINT),
            q(RESOLVED_AT, Section.BASICS, TIME, "When it was resolved",
                    "When was the incident resolved?", TIME_HINT),
            choice(SEVERITY, Section.BASICS, CHOICE, "Severity", "What severity was it?",
                    "SEV1 is the most severe. Press a button or reply e.g. SEV2.", SEVERITIES),
            q(SERVICES, Section.BASICS, TEXT, "Affected services", "Which services were affected?",
                    "Names are enough, e.g. checkout, payments API."),

            q(CUSTOMERS_AFFECTED, Section.IMPACT, TEXT, "Customers affected",
                    "How many customers were affected? A number or an estimate is fine.", TEXT_HINT),
            q(CUSTOMER_EXPERIENCE, Section.IMPACT, TEXT, "What customers experienced",
                    "What did those customers experience?", "Describe it the way a customer would."),
            q(IMPACT_SEVERITY, Section.IMPACT, TEXT, "How severe it was for them",
                    "How severe was it for them? For example: overcharges, lost data, or a breached SLA "
                            + "or regulation.", TEXT_HINT),
            q(SECOND_ORDER_IMPACT, Section.IMPACT, TEXT, "Knock-on impact",
                    "Was there any knock-on impact, on other teams, other systems or our customers' own customers?",
                    TEXT_HINT),
            choice(NFR, Section.IMPACT, MULTI_CHOICE, "Requirements affected",
                    "Which of these did it affect? Pick all that apply.",
                    "Pick several, or reply e.g. reliability and performance.", PILLARS),
            q(CONSEQUENCES, Section.IMPACT, TEXT, "Consequences",
                    "What else followed from it, such as other incidents, lost business or lost trust?", TEXT_HINT),

            choice(DETECTION_HOW, Section.DETECTION, CHOICE, "How it was detected",
                    "How did we find out: a customer report, our monitoring, or something else?",
                    "Press a button, or tell me in a few words.", DETECTIONS),
            q(DETECTION_HALVE, Section.DETECTION, TEXT, "Halving the time to detect",
                    "How could we cut the time to detect in half?", TEXT_HINT),

            q(UNDERLYING_CAUSE, Section.DIAGNOSIS, TEXT, "Underlying cause",
                    "What was the underlying cause, as far as you know now?",
                    "No need for the full 5 Whys here; that comes later."),
            choice(INTERNAL_ACTIVITY, Section.DIAGNOSIS, YES_NO, "Internal activity under way",
                    "Was an internal activity under way at the time, such as a maintenance window?",
                    YES_NO_HINT, YES_NO_CHOICES),
            conditional(choice(ACTIVITY_ANNOUNCED, Section.DIAGNOSIS, YES_NO, "Activity announced",
                    "Had that activity been announced?", YES_NO_HINT, YES_NO_CHOICES)),
            conditional(q(OWNER_KNEW, Section.DIAGNOSIS, TEXT, "Service owner knew",
                    "Did the owner of the affected service know it was happening?", TEXT_HINT)),
            conditional(q(BACKLOG_TASK, Section.DIAGNOSIS, TEXT, "Backlog task",
                    "Was there a backlog task to remove this dependency, and if so, what kept it from being done?",
                    TEXT_HINT)),
            q(DIAGNOSIS_HALVE, Section.DIAGNOSIS, TEXT, "Halving the time to diagnose",
                    "How could we cut the time to diagnose in half?", TEXT_HINT),

            // the prompt is written at ask time: it quotes the mitigation time, or asks for it if there is none
            q(MITIGATED_CONFIRM, Section.MITIGATION, CONFIRM_TIME, "Impact end confirmed",
                    "When was the impact back to normal?", TIME_HINT),
            q(RESTORED_HOW, Section.MITIGATION, TEXT, "How we know it's restored",
                    "How does the service owner know the system is properly restored?", TEXT_HINT),
            q(MITIGATION_FOUND, Section.MITIGATION, TEXT, "How the mitigation was found",
                    "How did you work out where and how to mitigate?", TEXT_HINT),
            q(MITIGATION_HALVE, Section.MITIGATION, TEXT, "Halving the time to mitigate",
                    "How could we cut the time to mitigate in half?", TEXT_HINT),

            q(PREVENTION, Section.PREVENTION, TEXT, "Prevention",
                    "How will we stop this from happening again? The 5 Whys answer that: press *Start 5 Whys* to run "
                            + "them in their own thread (or `/coe whys &lt;problem&gt;`, once per problem), and I'll go on here. "
                            + "Or write the chain of whys and the fix for each here, or `skip`.",
                    "Ask why until you reach causes you can fix; human error is never the last why."),

            // not "Metrics": published under the section's own heading, that read as "Metrics / Metrics"
            q(METRICS, Section.METRICS, TEXT, "What shows the impact",
                    "Which metrics show the impact? Links to dashboards or graphs are ideal.",
                    "If nothing shows it, reply `none`."),
            q(MONITORING_HOW, Section.METRICS, TEXT, "How it's monitored",
                    "How is this kind of event monitored today?", TEXT_HINT),

            q(LESSONS, Section.LESSONS, TEXT, "Lessons learned",
                    "What did you learn that other teams should know?", TEXT_HINT),

            q(RELATED, Section.RELATED, TEXT, "Related items",
                    "Anything related, such as earlier COEs, tickets or docs?", "Links are ideal; `none` is fine."),

            // the prompt carries the draft, written at ask time
            choice(SUMMARY, Section.SUMMARY, Kind.SUMMARY, "Summary", "Here's a draft summary.",
                    "Reply `accept`, or write the summary in a few sentences.",
                    List.of(new Choice("accept", "Accept this draft"))));

    private static final Map<String, Question> BY_ID = index();

    private Questions() {
    }

    public static List<Question> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException for an id that is not in the catalogue */
    public static Question byId(String id) {
        Question q = BY_ID.get(id);
        if (q == null) {
            throw new IllegalArgumentException("No interview question " + id);
        }
        return q;
    }

    /** For ids that come from outside (the modal, stored rows) and may be stale. */
    public static Optional<Question> find(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    private static Question q(String id, Section section, Kind kind, String label, String prompt, String hint) {
        return new Question(id, section, kind, label, prompt, hint, List.of(), null, null);
    }

    private static Question choice(String id, Section section, Kind kind, String label, String prompt, String hint,
                                   List<Choice> choices) {
        return new Question(id, section, kind, label, prompt, hint, choices, null, null);
    }

    /** The three follow-ups that only make sense when an internal activity was under way. */
    private static Question conditional(Question q) {
        return new Question(q.id(), q.section(), q.kind(), q.label(), q.prompt(), q.hint(), q.choices(),
                INTERNAL_ACTIVITY, "yes");
    }

    private static Map<String, Question> index() {
        Map<String, Question> byId = new LinkedHashMap<>();
        for (Question q : ALL) {
            if (byId.put(q.id(), q) != null) {
                throw new IllegalStateException("Duplicate question id " + q.id());
            }
        }
        return Map.copyOf(byId);
    }
}
