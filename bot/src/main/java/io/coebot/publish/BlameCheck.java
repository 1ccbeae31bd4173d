package io.coebot.publish;

import io.coebot.actions.ActionItem;
import io.coebot.interview.Answer;
import io.coebot.interview.Kind;
import io.coebot.interview.Question;
import io.coebot.interview.Questions;
import io.coebot.timeline.TimelineEntry;
import io.coebot.timeline.TimelineGap;
import io.coebot.timeline.TimelineTime;
import io.coebot.whys.BlamingWords;
import io.coebot.whys.Remediation;
import io.coebot.whys.WhyNode;
import io.coebot.whys.WhyTree;
import io.coebot.whys.WhysSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blame-free language check: finds sentences of a COE that put the blame on a person, so the team can rewrite
 * them before publishing. A COE that names a culprit teaches people to hide the next mistake.
 *
 * <p>A sentence is flagged when it holds one of the blaming words ({@link BlamingWords}, the one list the 5 Whys
 * guard reads too) and a person is its subject or object: a user
 * mention ({@code <@U…>}), a pronoun ({@code he, she, they, you, someone, I}…), a word for a person ("engineer",
 * "on-call", "new hire"…) within a few words of the phrase in the same clause, or a capitalised name right next to
 * it ("Bob messed up", "sloppy work by Dave", "Dave's fault"). Possessive blame ("his mistake", "<@U1>'s fault")
 * needs nothing else. "We" and "our" do not count: a team owning a mistake together is what a COE asks for.
 *
 * <p>5 Whys causes are also checked by {@code whys.HumanErrorGuard}, the session's own judge of whether a cause stops
 * at a person (it knows the team's names and the slips, "typo", "forgot to", that condemn nobody but still end a why):
 * a cause it flags is reported here too, so {@code /coe status} and publishing warn about what the tree flags.
 * Like it, this check errs on the side of not firing: the words alone are not enough, because "the fault injection test", "the careless-mode flag",
 * "git blame" and "the migration messed up the index" are ordinary sentences. A warning never blocks publishing.
 */
public final class BlameCheck {

    /** The blaming words read in free text ({@link BlamingWords}: the one list, which the 5 Whys guard reads too). */
    private static final List<BlamingWords.Word> IN_FREE_TEXT = BlamingWords.WORDS.stream()
            .filter(w -> w.freeText() != BlamingWords.FreeText.NO).toList();

    /** Who can be blamed, unambiguously: a mention, a pronoun for a person, a word for a person. */
    private static final Pattern PERSON = Pattern.compile("<@[UW][A-Z0-9]+>"
            + "|\\b(?:he|she|him|his|her|hers|they|them|their|you|your|i|me|my|someone|somebody|whoever)\\b"
            // not "operator", "manager" or "admin": Kubernetes operators, secrets managers and admin consoles mess up too
            + "|\\b(?:engineer|developer|on-?call(?:er)?|sre|sysadmin|dba|intern|new hire"
            + "|contractor|reviewer|approver|teammate|colleague|person|guy|employee)s?\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern NAME = Pattern.compile("\\p{Lu}\\p{Ll}+");
    /** Capitalised words that begin sentences rather than name people. */
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "This", "That", "These", "Those", "It",
            "Its", "We", "Our", "Us", "There", "Then", "When", "After", "Before", "During", "Because", "So", "And",
            "But", "If", "Nobody", "No", "Not", "Nothing", "Everyone", "Honestly", "Clearly", "Obviously", "Also",
            "Again", "Still", "Yes", "Why", "What", "How", "Who", "Which", "All", "Some", "Any", "Each");
    /** Words that may stand between a person and the blame: "Bob was really careless". */
    private static final Set<String> LINKING = Set.of("was", "is", "were", "are", "got", "been", "has", "had", "have",
            "just", "really", "so", "very", "totally", "being", "clearly", "simply", "should", "obviously", "again");
    private static final Set<String> PREPOSITIONS = Set.of("of", "by", "on", "with", "from", "to");

    /** Clauses: blame and a person on either side of a comma or a "because" are about different things. */
    private static final Pattern CLAUSE = Pattern.compile("[,;:()\\[\\]—–]|\\s(?:because|since|so|but|and|or|which|while"
            + "|when|although|though|until|whereas)\\s", Pattern.CASE_INSENSITIVE);
    private static final int WORDS_BEFORE = 4;
    private static final int WORDS_AFTER = 3;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|(?<=[。！？])\\s*|\\n+");

    /**
     * A 5 Whys cause the session's guard ({@code whys.HumanErrorGuard}, which also knows the team's names) takes for
     * a person's mistake, though no word here condemns anyone: "Bob pushed the wrong config" reads as the answer to
     * a why in the published COE unless the team asks why it was possible.
     */
    static final String PERSONS_MISTAKE = "It names a person's mistake as the cause. A person's mistake is never "
            + "the answer to a why: say what made it possible (which check, validation or fail-safe was missing?).";

    static final String REWRITE = "Describe what the system allowed, not who slipped: e.g. “The deploy tool "
            + "accepted a config that no check had validated.”";

    private BlameCheck() {
    }

    /** Every blaming sentence of the COE, in reading order. */
    public static List<BlameWarning> scan(CoeDocument d) {
        List<BlameWarning> out = new ArrayList<>();
        for (Passage p : passages(d)) {
            int before = out.size();
            for (String sentence : sentences(p.text())) {
                blame(sentence).ifPresent(words -> out.add(new BlameWarning(p.where(), sentence,
                        "“" + words + "” puts it on a person. " + REWRITE)));
            }
            if (out.size() == before && p.personsMistake()) {
                out.add(new BlameWarning(p.where(), p.text(), PERSONS_MISTAKE));
            }
        }
        return out;
    }

    /** The words that put the blame on a person in this sentence, as written; empty when it blames no one. */
    public static Optional<String> blame(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return Optional.empty();
        }
        String text = BlamingWords.plain(sentence);
        for (String clause : CLAUSE.split(text)) {
            for (BlamingWords.Word w : IN_FREE_TEXT) {
                Matcher m = w.pattern().matcher(clause);
                while (m.find()) {
                    if (w.freeText() == BlamingWords.FreeText.ALONE || personNear(clause, m.start(), m.end())) {
                        return Optional.of(m.group());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean personNear(String clause, int start, int end) {
        List<String> before = words(clause.substring(0, start));
        List<String> after = words(clause.substring(end));
        List<String> lastBefore = before.subList(Math.max(0, before.size() - WORDS_BEFORE), before.size());
        List<String> firstAfter = after.subList(0, Math.min(WORDS_AFTER, after.size()));
        if (PERSON.matcher(String.join(" ", lastBefore)).find() || PERSON.matcher(String.join(" ", firstAfter)).find()) {
            return true;
        }
        return nameBefore(before) || nameAfter(firstAfter, clause.substring(start, end));
    }

    /** "Bob was really careless": a name, then only linking words, then the blame. */
    private static boolean nameBefore(List<String> before) {
        int i = before.size() - 1;
        while (i >= 0 && LINKING.contains(before.get(i).toLowerCase(Locale.ROOT))) {
            i--;
        }
        return i >= 0 && isName(before.get(i));
    }

    /** "sloppy work by Dave", "blamed Dave": a name after a preposition, or straight after "blame". */
    private static boolean nameAfter(List<String> after, String phrase) {
        boolean blameVerb = phrase.toLowerCase(Locale.ROOT).startsWith("blame");
        for (int i = 0; i < after.size(); i++) {
            boolean introduced = (i == 0 && blameVerb)
                    || (i > 0 && PREPOSITIONS.contains(after.get(i - 1).toLowerCase(Locale.ROOT)));
            if (introduced && isName(after.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isName(String word) {
        String w = word.replaceAll("[^\\p{L}]", "");
        return NAME.matcher(w).matches() && !NOT_NAMES.contains(w);
    }

    private static List<String> words(String s) {
        String t = s.strip();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }

    /** Sentences: split at a sentence end followed by a space, or a line break. A URL's dots have no space after. */
    static List<String> sentences(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(SENTENCE_END.split(text.strip())).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A piece of the COE's text and where a reader finds it; {@code personsMistake} when it is a 5 Whys cause that
     * puts the cause on a person.
     */
    private record Passage(String where, String text, boolean personsMistake) {
        Passage(String where, String text) {
            this(where, text, false);
        }
    }

    /** All the text people wrote into the COE, in the order the published COE shows it. */
    private static List<Passage> passages(CoeDocument d) {
        List<Passage> out = new ArrayList<>();
        for (Question q : Questions.all()) {
            if (!q.appliesGiven(d.answers()) || !(q.kind() == Kind.TEXT || q.kind() == Kind.SUMMARY)) {
                continue;
            }
            Optional<Answer> a = d.answer(q.id());
            if (a.isPresent()) {
                String where = q.label().equals(q.section().title()) ? q.label() : q.section().title() + " · " + q.label();
                out.add(new Passage(where, AnswerWording.slack(q, a.get())));
            }
        }
        for (TimelineEntry e : d.timeline().entries()) {
            String at = "Timeline · " + TimelineTime.utcStamp(e.occurredAt());
            out.add(new Passage(at, e.text()));
            if (e.note() != null) {
                out.add(new Passage(at + " · note", e.note()));
            }
        }
        for (TimelineGap g : d.timeline().gaps()) {
            if (g.explained()) {
                out.add(new Passage("Timeline · gap after " + TimelineTime.utcStamp(g.before().occurredAt()),
                        g.explanation()));
            }
        }
        for (WhysSession s : d.whys()) {
            WhyTree tree = s.state().tree();
            out.add(new Passage(s.label() + " · problem", tree.problem()));
            for (WhyNode n : tree.inReadingOrder()) {
                String label = tree.label(n.id());
                out.add(new Passage(s.label() + " · cause " + label, n.text(), s.state().humanError(n)));
                if (n.checks() != null) {
                    out.add(new Passage(s.label() + " · checks on " + label, n.checks()));
                }
                for (Remediation r : n.remediations()) {
                    out.add(new Passage(s.label() + " · fix for " + label, r.text()));
                }
            }
        }
        for (int i = 0; i < d.actions().size(); i++) {
            ActionItem item = d.actions().get(i);
            out.add(new Passage("Action item " + (i + 1), item.text()));
            if (item.statusReason() != null) {
                out.add(new Passage("Action item " + (i + 1) + " · reason", item.statusReason()));
            }
        }
        if (d.publishedAnywayReason() != null) {
            out.add(new Passage("Reason for publishing anyway", d.publishedAnywayReason()));
        }
        return out;
    }
}
