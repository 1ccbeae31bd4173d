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
final class SummaryDraft {

    /** "1200", "about 1,200", "~3k", "over 500": a count that reads well followed by "customers". */
    private static final Pattern A_COUNT = Pattern.compile(
            "(?i)^(?:about|around|roughly|approximately|approx\\.?|over|under|nearly|almost|up to|at least|"
                    + "more than|fewer than|less than|~|≈)?\\s*[~≈]?\\s*\\d[\\d,.]*\\s*[km]?\\+?$");

    /** "about 12,000 customers", "~3k users": a count of customers, already named. */
    private static final Pattern COUNT_OF_CUSTOMERS = Pattern.compile(
            A_COUNT.pattern().replace("+?$", "+?\\s+(?:customers|users|shoppers|merchants|people|accounts)$"));

    /** "About 42,000 shoppers in the EU", "All EU merchants", "12% of sessions": a quantity a sentence can carry. */
    private static final Pattern QUANTITY_FIRST = Pattern.compile(
            "(?i)(?:(?:about|around|roughly|approximately|over|under|nearly|almost|up to|at least|more than|fewer than|"
                    + "less than|all|most|many|some|every|each|half)\\b|[~≈\\d])");

    /** "A 502 error page…", "The cart page empty…", "An error…": something customers saw, not a sentence. */
    private static final Pattern THING_SEEN = Pattern.compile("(?i)(?:a|an|the)\\s");

    private SummaryDraft() {
    }

    public static String from(InterviewState s) {
        Map<String, Answer> answers = s.answers();
        Instant trigger = Milestones.time(answers, TRIGGER_AT);
        Instant detected = Milestones.time(answers, DETECTED_AT);
        Instant mitigated = Milestones.time(answers, MITIGATED_AT);
        List<String> sentences = new ArrayList<>();
        add(sentences, what(window(trigger, mitigated), text(answers, SERVICES), text(answers, SEVERITY)));
        String who = who(text(answers, CUSTOMERS_AFFECTED));
        add(sentences, who);
        add(sentences, experience(text(answers, CUSTOMER_EXPERIENCE), who != null));
        add(sentences, detection(text(answers, DETECTION_HOW), FromTrigger.to(trigger, detected).orElse(null)));
        add(sentences, FromTrigger.to(trigger, mitigated)
                .map(d -> "Impact was mitigated " + IncidentTime.duration(d) + " after the trigger").orElse(null));
        // what people wrote here is already a sentence about what they did: it needs no label in front
        add(sentences, capitalized(text(answers, MITIGATION_FOUND)));
        String restored = text(answers, RESTORED_HOW);
        add(sentences, restored == null ? null : "Recovery was confirmed: " + uncapitalized(restored));
        String prevention = text(answers, PREVENTION);
        add(sentences, prevention != null ? "To prevent it happening again: " + uncapitalized(prevention)
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

    /**
     * Who was hit, as a sentence: "About 1,200 customers were impacted" for a count (with or without the word
     * "customers"), "It affected all EU merchants" for a count or quantity of someone else, and only an answer that
     * is neither ("unknown so far") keeps a label, because no sentence can be built around it safely.
     */
    private static String who(String customers) {
        if (customers == null) {
            return null;
        }
        if (A_COUNT.matcher(customers).matches()) {
            return capitalized(customers) + " customers were impacted";
        }
        if (COUNT_OF_CUSTOMERS.matcher(customers).matches()) {
            return capitalized(customers) + " were impacted";
        }
        if (QUANTITY_FIRST.matcher(customers).lookingAt()) {
            return "It affected " + uncapitalized(customers);
        }
        return "Customers affected: " + customers;
    }

    /**
     * What they went through: "A 502 error page when paying" is a thing they saw, "Checkout failed with an error
     * page" a sentence of its own. Either way it follows the who, instead of being glued to it with a semicolon.
     */
    private static String experience(String experience, boolean afterWho) {
        if (experience == null) {
            return null;
        }
        if (THING_SEEN.matcher(experience).lookingAt()) {
            return (afterWho ? "They saw " : "Customers saw ") + uncapitalized(experience);
        }
        return capitalized(experience);
    }

    private static String detection(String how, Duration toDetect) {
        String after = toDetect == null ? "" : " " + IncidentTime.duration(toDetect) + " after the trigger";
        if (how == null) {
            return toDetect == null ? null : "It was detected" + after;
        }
        return switch (how) {
            case "customer_report" -> "A customer reported it" + after;
            case "monitoring" -> "Our monitoring detected it" + after;
            default -> "It was detected" + after + " (" + uncapitalized(how) + ")";
        };
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
        return s == null || s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** "Validate configs" → "validate configs" inside a sentence; "SLA breached" and "QA saw it" keep their capitals. */
    private static String uncapitalized(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
