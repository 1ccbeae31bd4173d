package io.coebot.interview;

import static io.coebot.interview.Questions.CUSTOMERS_AFFECTED;
import static io.coebot.interview.Questions.CUSTOMER_EXPERIENCE;
import static io.coebot.interview.Questions.DETECTED_AT;
import static io.coebot.interview.Questions.DETECTION_HOW;
import static io.coebot.interview.Questions.MITIGATED_AT;
import static io.coebot.interview.Questions.MITIGATION_FOUND;
import static io.coebot.interview.Questions.PREVENTION;
import static io.coebot.interview.Questions.RESTORED_HOW;
import static io.coebot.interview.Questions.SERVICES;
import static io.coebot.interview.Questions.SEVERITY;
import static io.coebot.interview.Questions.TRIGGER_AT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A first draft of the COE summary, built from the answers. The summary is written last and must stand on
 * its own for an executive: what happened to whom, when, how it was found and fixed, and how it won't
 * happen again. Whatever was not answered is left out rather than guessed.
 */
public final class SummaryDraft {

    /** "1200", "about 1,200", "~3k", "over 500": a count that reads well followed by "customers". */
    private static final Pattern A_COUNT = Pattern.compile(
            "(?i)^(?:about|around|roughly|approximately|approx\\.?|over|under|nearly|almost|up to|at least|"
                    + "more than|fewer than|less than|~|≈)?\\s*[~≈]?\\s*\\d[\\d,.]*\\s*[km]?\\+?$");

    private SummaryDraft() {
    }

    public static String from(InterviewState s) {
        Map<String, Answer> answers = s.answers();
        Instant trigger = Milestones.time(answers, TRIGGER_AT);
        Instant detected = Milestones.time(answers, DETECTED_AT);
        Instant mitigated = Milestones.time(answers, MITIGATED_AT);
        List<String> sentences = new ArrayList<>();
        add(sentences, what(window(trigger, mitigated), text(answers, SERVICES), text(answers, SEVERITY)));
        add(sentences, impact(text(answers, CUSTOMERS_AFFECTED), text(answers, CUSTOMER_EXPERIENCE)));
        add(sentences, detection(text(answers, DETECTION_HOW), between(trigger, detected)));
        add(sentences, mitigation(trigger, detected, mitigated));
        String found = text(answers, MITIGATION_FOUND);
        if (found != null) {
            add(sentences, "How the team found the mitigation: " + found);
        }
        String restored = text(answers, RESTORED_HOW);
        if (restored != null) {
            add(sentences, "How recovery was confirmed: " + restored);
        }
        String prevention = text(answers, PREVENTION);
        add(sentences, prevention != null ? "To prevent it happening again: " + prevention
                : "The 5 Whys will determine how to prevent it happening again");
        return String.join(" ", sentences);
    }

    private static String what(String window, String services, String severity) {
        if (window == null && services == null && severity == null) {
            return null;
        }
        String incident = severity != null ? "a " + severity + " incident" : "an incident";
        String clause = services != null ? services + " had " + incident : "there was " + incident;
        return window != null ? window + ", " + clause : capitalized(clause);
    }

    /** "From 14:05 to 15:20 UTC on Thu 19 Nov 2026", spelled out in full when it crosses midnight. */
    private static String window(Instant trigger, Instant mitigated) {
        if (trigger != null && mitigated != null) {
            if (IncidentTime.utcDay(trigger).equals(IncidentTime.utcDay(mitigated))) {
                return "From " + IncidentTime.utcClock(trigger) + " to " + IncidentTime.utcClock(mitigated)
                        + " UTC on " + IncidentTime.utcDay(trigger);
            }
            return "From " + IncidentTime.utc(trigger) + " to " + IncidentTime.utc(mitigated);
        }
        if (trigger != null) {
            return "Starting " + IncidentTime.utc(trigger);
        }
        return mitigated != null ? "Until " + IncidentTime.utc(mitigated) : null;
    }

    private static String impact(String customers, String experience) {
        if (customers == null) {
            return experience == null ? null : "Customers experienced: " + experience;
        }
        String who = A_COUNT.matcher(customers).matches()
                ? capitalized(customers) + " customers were impacted"
                : "Customers impacted: " + customers;
        return experience == null ? who : who + (who.startsWith("Customers impacted") ? "; " : ": ") + experience;
    }

    private static String detection(String how, Duration toDetect) {
        String after = toDetect == null ? "" : " " + IncidentTime.duration(toDetect) + " after the trigger";
        if (how == null) {
            return toDetect == null ? null : "It was detected" + after;
        }
        return switch (how) {
            case "customer_report" -> "A customer reported it" + after;
            case "monitoring" -> "Our monitoring detected it" + after;
            default -> "How it was detected: " + how
                    + (toDetect == null ? "" : "; time to detect was " + IncidentTime.duration(toDetect));
        };
    }

    private static String mitigation(Instant trigger, Instant detected, Instant mitigated) {
        Duration sinceDetection = between(detected, mitigated);
        if (sinceDetection != null) {
            return "Impact was mitigated " + IncidentTime.duration(sinceDetection) + " after detection";
        }
        Duration sinceTrigger = between(trigger, mitigated);
        return sinceTrigger == null ? null
                : "Impact was mitigated " + IncidentTime.duration(sinceTrigger) + " after the trigger";
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null || to.isBefore(from) ? null : Duration.between(from, to);
    }

    /** An answer's value as prose: on one line, without its final full stop (the sentence adds one), or null. */
    private static String text(Map<String, Answer> answers, String id) {
        Answer a = answers.get(id);
        if (a == null || a.value() == null) {
            return null;
        }
        String oneLine = a.value().replaceAll("\\s*\\n\\s*", " ").strip().replaceAll("[.;,\\s]+$", "");
        return oneLine.isEmpty() ? null : oneLine;
    }

    private static void add(List<String> sentences, String sentence) {
        if (sentence != null) {
            sentences.add(sentence.endsWith("?") || sentence.endsWith("!") ? sentence : sentence + ".");
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
