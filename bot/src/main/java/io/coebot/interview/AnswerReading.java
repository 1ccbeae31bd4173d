package io.coebot.interview;

import static io.coebot.interview.Questions.DETECTION_HOW;
import static io.coebot.interview.Questions.METRICS;
import static io.coebot.interview.Questions.MITIGATED_AT;
import static io.coebot.interview.Questions.RELATED;
import static io.coebot.interview.Questions.SEVERITY;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an answer means: the normalized {@code value} to store and an optional {@code note} to say back
 * (the time echo), or the {@code problem} that stops it being taken. People type answers the way they
 * talk ("sev-2", "reliability and perf"), so reading is forgiving, but it never guesses a value it can't
 * show back.
 */
record AnswerReading(String value, String note, String problem) {

    static final String NONE = "none";

    /** A typed summary shorter than this is more likely a remark ("no", "wait") than the team's summary. */
    static final int SUMMARY_MIN_WORDS = 8;

    private static final Pattern SEVERITY_WORDS = Pattern.compile("(?i)^(?:sev(?:erity)?)?[\\s_-]*([1-4])[.!]*$");
    private static final Set<String> NONE_WORDS = Set.of("none", "no", "n/a", "na", "nope", "nothing", "none yet",
            "no metrics", "nothing related");
    private static final Set<String> YES_WORDS = Set.of("yes", "y", "yeah", "yep", "yup", "yea", "ya", "true",
            "correct", "right", "sure", "affirmative");
    private static final Set<String> NO_WORDS = Set.of("no", "n", "nope", "nah", "false", "never");
    private static final Set<String> ACCEPT_WORDS = Set.of("accept", "accepted", "yes", "y", "ok", "okay", "lgtm",
            "looks good", "accept this draft");
    private static final Map<String, String> DETECTION_WORDS = detectionWords();
    private static final Map<String, List<String>> PILLAR_STEMS = pillarStems();
    private static final Set<String> PILLAR_FILLER = Set.of("and", "or", "the", "plus", "also", "both", "a", "of",
            "some", "with", "optimization", "optimisation", "excellence", "efficiency");
    private static final Pattern CORRECTION_LEAD = Pattern.compile(
            "(?i)^(?:no|nope|not quite|actually)\\b[\\s,.;:!—–-]*(?:it was\\s+|at\\s+)?");

    static AnswerReading ok(String value) {
        return new AnswerReading(value, null, null);
    }

    static AnswerReading ok(String value, String note) {
        return new AnswerReading(value, note, null);
    }

    static AnswerReading refused(String problem) {
        return new AnswerReading(null, null, problem);
    }

    boolean accepted() {
        return problem == null;
    }

    /**
     * Reads typed text. {@code now} is when the text was written: relative times ("yesterday 14:05") are
     * read from there.
     */
    static AnswerReading of(Question q, String text, ZoneId zone, Instant now, InterviewState s) {
        return switch (q.kind()) {
            case TEXT -> text(q, text);
            case TIME -> time(q, q.id(), text, zone, now, s.answers());
            case CHOICE -> choice(q, text);
            case MULTI_CHOICE -> pillars(text);
            case YES_NO -> yesNo(text);
            case CONFIRM_TIME -> confirmTime(q, text, zone, now, s.answers());
            case SUMMARY -> ACCEPT_WORDS.contains(plain(text)) ? ok(SummaryDraft.from(s)) : ok(text);
        };
    }

    /** Reads buttons or a multi-select: the values must be the question's own choices. */
    static AnswerReading picked(Question q, List<String> values, InterviewState s) {
        List<String> known = q.kind() == Kind.CONFIRM_TIME ? List.of("yes")
                : q.choices().stream().map(Choice::value).toList();
        if (values == null || values.isEmpty()) {
            return refused("Pick at least one option.");
        }
        if (!known.containsAll(values)) {
            return refused("That option isn't one of this question's choices.");
        }
        return switch (q.kind()) {
            case CHOICE -> values.size() != 1 ? refused("Pick just one option.")
                    : DETECTION_HOW.equals(q.id()) && "other".equals(values.get(0)) ? describeDetection()
                    : ok(values.get(0));
            case MULTI_CHOICE -> ok(String.join(",", known.stream().filter(values::contains).toList()));
            case YES_NO -> values.size() != 1 ? refused("Pick yes or no.") : ok(values.get(0));
            case CONFIRM_TIME -> confirmTime(q, "yes", null, null, s.answers());
            case SUMMARY -> ok(SummaryDraft.from(s));
            case TEXT, TIME -> refused("This question takes a written answer.");
        };
    }

    /**
     * A reply at the summary that neither accepts the draft nor is long enough to be the team's own version.
     * Only for the thread: text from the modal was written as the summary on purpose.
     */
    static boolean tooShortForASummary(String text) {
        return !ACCEPT_WORDS.contains(plain(text)) && text.strip().split("\\s+").length < SUMMARY_MIN_WORDS;
    }

    /** The value of a free-text answer: the text, except that "none" is recorded as exactly that. */
    static String textValue(Question q, String text) {
        boolean noneCounts = METRICS.equals(q.id()) || RELATED.equals(q.id());
        return noneCounts && NONE_WORDS.contains(plain(text)) ? NONE : text;
    }

    /** "yes", "no", or null when the first word is neither. */
    static String yesOrNo(String text) {
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("[\\s,.;:!?—–-]+");
        if (words.length == 0) {
            return null;
        }
        if (YES_WORDS.contains(words[0])) {
            return "yes";
        }
        return NO_WORDS.contains(words[0]) ? "no" : null;
    }

    /**
     * What a yes/no reply says beyond its yes or no ("no, the push was a routine change" → "the push was a routine
     * change"); empty when it is just the word. The reason is often the part a reviewer needs.
     */
    static String remarkAfterYesNo(String text) {
        if (text == null || yesOrNo(text) == null) {
            return "";
        }
        String rest = text.strip().replaceFirst("^\\S+?(?=[\\s,.;:!?—–-]|$)", "");
        return rest.replaceFirst("^[\\s,.;:!?—–-]+", "").strip();
    }

    private static AnswerReading text(Question q, String text) {
        String value = textValue(q, text);
        if (METRICS.equals(q.id()) && NONE.equals(value)) {
            return ok(value, "Noted: nothing measures this impact yet. I've recorded that as a finding; it usually "
                    + "deserves an action item to add monitoring.");
        }
        return ok(value);
    }

    private static AnswerReading time(Question q, String milestone, String text, ZoneId zone, Instant now,
                                      Map<String, Answer> answers) {
        ParsedTime parsed = IncidentTimeParser.parse(text, zone, now);
        if (!parsed.isOk()) {
            return refused(parsed.error() + " " + q.hint());
        }
        String outOfOrder = Milestones.conflict(milestone, parsed.instant(), answers);
        if (outOfOrder != null) {
            return refused(outOfOrder);
        }
        String echo = "Got it: " + IncidentTime.withLocal(parsed.instant(), zone) + "."
                + (parsed.note() == null ? "" : " " + parsed.note());
        return ok(parsed.instant().toString(), echo);
    }

    /** "yes" keeps the mitigation time; a time corrects it. */
    private static AnswerReading confirmTime(Question q, String text, ZoneId zone, Instant now,
                                             Map<String, Answer> answers) {
        Answer mitigated = answers.get(MITIGATED_AT);
        String yesNo = yesOrNo(text);
        if ("yes".equals(yesNo)) {
            return mitigated != null ? ok(mitigated.value())
                    : refused("I still need the time the impact was back to normal. " + q.hint());
        }
        String correction = CORRECTION_LEAD.matcher(text.strip()).replaceFirst("").strip();
        if (correction.isEmpty()) {
            return refused("What was the correct time? " + q.hint());
        }
        return time(q, MITIGATED_AT, correction, zone, now, answers);
    }

    private static AnswerReading choice(Question q, String text) {
        String plain = plain(text);
        if (SEVERITY.equals(q.id())) {
            Matcher m = SEVERITY_WORDS.matcher(plain.replace(" ", ""));
            return m.matches() ? ok("SEV" + m.group(1))
                    : refused("I didn't catch a severity in “" + text.strip() + "”. Reply SEV1, SEV2, SEV3 or SEV4 "
                    + "(SEV1 is the most severe).");
        }
        for (Choice c : q.choices()) {
            if (plain.equals(c.value().replace('_', ' ')) || plain.equals(plain(c.label()))) {
                return DETECTION_HOW.equals(q.id()) && "other".equals(c.value()) ? describeDetection() : ok(c.value());
            }
        }
        if (DETECTION_HOW.equals(q.id())) {
            String value = DETECTION_WORDS.get(plain);
            if ("other".equals(value)) {
                return describeDetection();
            }
            // anything else is how it was actually found; the words carry more than a button would
            return ok(value != null ? value : text.strip());
        }
        return refused("Please pick one of: " + String.join(", ", q.choices().stream().map(Choice::label).toList())
                + ".");
    }

    /** "Other" on its own says nothing; the way it was found is the answer. */
    private static AnswerReading describeDetection() {
        return refused("In a few words, how did we find out?");
    }

    private static AnswerReading yesNo(String text) {
        String value = yesOrNo(text);
        return value != null ? ok(value) : refused("Please answer yes or no.");
    }

    private static AnswerReading pillars(String text) {
        Set<String> found = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (word.isEmpty() || PILLAR_FILLER.contains(word)) {
                continue;
            }
            if (word.equals("all") || word.equals("everything")) {
                found.addAll(PILLAR_STEMS.keySet());
                continue;
            }
            String pillar = pillarOf(word);
            if (pillar == null) {
                unknown.add(word);
            } else {
                found.add(pillar);
            }
        }
        if (found.isEmpty() || !unknown.isEmpty()) {
            String what = unknown.isEmpty() ? "that" : "“" + String.join(" ", unknown) + "”";
            return refused("I didn't recognise " + what + " as one of Security, Reliability, Performance Efficiency, "
                    + "Cost Optimization or Operations. Name one or more, e.g. “reliability and performance”.");
        }
        List<String> inOrder = PILLAR_STEMS.keySet().stream().filter(found::contains).toList();
        return ok(String.join(",", inOrder));
    }

    private static String pillarOf(String word) {
        for (Map.Entry<String, List<String>> pillar : PILLAR_STEMS.entrySet()) {
            for (String stem : pillar.getValue()) {
                // short stems only as whole words: "sec" is security, "second" is not
                if (word.equals(stem) || (stem.length() >= 4 && word.startsWith(stem))) {
                    return pillar.getKey();
                }
            }
        }
        return null;
    }

    /** Lower case, no surrounding punctuation, single spaces: how two ways of typing the same word compare. */
    private static String plain(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s]+", " ").replaceAll("^[\\p{Punct}\\s]+|[.!?\\s]+$", "");
    }

    private static Map<String, List<String>> pillarStems() {
        Map<String, List<String>> stems = new LinkedHashMap<>();
        stems.put("security", List.of("sec", "secur", "infosec", "confidentiality", "integrity", "privacy", "cia"));
        stems.put("reliability", List.of("rel", "reliab", "availab", "uptime", "durab", "resilien"));
        stems.put("performance_efficiency", List.of("perf", "latency", "speed", "slow", "throughput"));
        stems.put("cost_optimization", List.of("cost", "spend", "money", "billing"));
        stems.put("operations", List.of("op", "ops", "operat"));
        return stems;
    }

    private static Map<String, String> detectionWords() {
        Map<String, String> words = new LinkedHashMap<>();
        for (String w : List.of("customer", "customers", "a customer", "customer report", "customer reports",
                "customer reported", "customer reported it", "a customer reported it", "customer ticket",
                "support ticket")) {
            words.put(w, "customer_report");
        }
        for (String w : List.of("monitoring", "monitor", "monitors", "our monitoring", "alarm", "alarms", "an alarm",
                "alert", "alerts", "an alert")) {
            words.put(w, "monitoring");
        }
        for (String w : List.of("other", "something else", "else")) {
            words.put(w, "other");
        }
        return words;
    }
}
