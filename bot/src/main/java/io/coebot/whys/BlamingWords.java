package io.coebot.whys;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one list of words that put the blame on a person. Two checks read it, and each word says how each reads it:
 * <ul>
 *   <li>{@link HumanErrorGuard}, ending a why: a 5 Whys cause holding a word marked {@code endsWhy} stops at a
 *   person, so the session asks why the slip was possible. Slips ("typo", "forgot to") end a why though they condemn
 *   nobody.</li>
 *   <li>{@code publish.BlameCheck}, flagging free text: a sentence holding a word marked {@link FreeText#ALONE} blames
 *   someone by itself ("his mistake"); one marked {@link FreeText#NEAR_PERSON} only with a person next to it, since
 *   "the migration messed up the index" blames no one; {@link FreeText#NO} words are not read in free text.</li>
 * </ul>
 * Both checks err on the side of not firing. Matching is case-insensitive, on text whose apostrophes are
 * straight and whose mentions carry no label ({@link #plain}). An adjective joined to the next word by a hyphen
 * ("careless-mode", "blame-free") names a thing, so it does not count. Order matters: each reading reports the
 * first word of its own that matches. The list is documented in README.md ("The 5 Whys", "blame-free check").
 */
public final class BlamingWords {

    /** How free text reads a word. */
    public enum FreeText { ALONE, NEAR_PERSON, NO }

    /** A way of blaming a person, with the name a reader would give it. */
    public record Word(String name, Pattern pattern, boolean endsWhy, FreeText freeText) {}

    private static final String PERSON = "(?:someone|somebody|a person|an engineer|the engineer|the operator|an operator"
            + "|the on-?call(?: engineer)?|the developer|a developer|the admin|an admin|the dba|he|she|they|we|i"
            + "|<@[A-Z0-9]+(?:\\|[^>]*)?>)";
    private static final String SLIPPED = "(?:forgot|forgets|missed|overlooked|ignored|skipped|mistyped|misread"
            + "|fat[- ]?fingered|did not follow|didn't follow|didn’t follow|failed to follow|neglected)";

    /**
     * Someone's: a pronoun, a mention, a word for a person or a capitalised name, before a word for a mistake.
     * "Monday's mistake" is about a day, so days, months and "today" are not names here.
     */
    private static final String POSSESSOR = "(?:\\b(?:his|her|their|my|your|someone's|somebody's"
            + "|(?:engineer|developer|on-?call|intern|contractor)'s)"
            + "|<@[UW][A-Z0-9]+>'s"
            + "|\\b(?!(?:Today|Yesterday|Tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January"
            + "|February|March|April|May|June|July|August|September|October|November|December)')(?-i:\\p{Lu}\\p{Ll}+)'s)";

    public static final List<Word> WORDS = List.of(
            word("human error", "\\bhuman (?:error|mistake|failure)s?\\b", true, FreeText.NO),
            // "user error", but not "the user errors page"
            word("operator error", "\\b(?:(?:operator|manual|engineer|admin|pilot) (?:error|mistake)s?"
                    + "|user (?:error|mistake))\\b", true, FreeText.NO),
            word("someone forgot", "\\b" + PERSON + " " + SLIPPED + "\\b", true, FreeText.NO),
            word("forgot to", "\\bforgot to\\b", true, FreeText.NO),
            word("typo", "\\btypos?\\b", true, FreeText.NO),
            word("fat-fingered", "\\bfat[- ]?finger(?:ed|ing|s)?\\b", true, FreeText.NO),
            word("didn't follow the runbook", "\\b(?:did not|didn't|didn’t|failed to|forgot to) (?:follow|read|check|use)"
                    + " the (?:runbook|playbook|procedure|checklist)\\b", true, FreeText.NO),
            // a team owning its mistake is what a COE asks for in prose, but it does not answer a why; and in prose
            // "their error" is as often a rate or a budget
            word("someone's mistake", "\\b(?:our (?:own )?(?:mistake|fault|error)|(?:his|her|their|my|someone's) error)\\b",
                    true, FreeText.NO),
            word("someone's mistake", POSSESSOR + " (?:own )?(?:fault|mistake|error|screw-?up|blunder|negligence"
                    + "|carelessness)\\b", true, FreeText.ALONE),
            word("at fault", "\\b(?:at fault|fault (?:lies|lay|was) with|the fault of)\\b", false, FreeText.NEAR_PERSON),
            word("blame", "(?<!\\bgit )\\b(?:blame[sd]?|blaming|to blame)\\b(?![-‐]?free)", false, FreeText.NEAR_PERSON),
            word("careless", "\\bcareless(?:ly|ness)?\\b(?![-‐])", true, FreeText.NEAR_PERSON),
            word("negligent", "\\bnegligen(?:t|tly|ce)\\b(?![-‐])", true, FreeText.NEAR_PERSON),
            word("sloppy", "\\bslopp(?:y|ily|iness)\\b(?![-‐])", true, FreeText.NEAR_PERSON),
            word("not paying attention", "\\bnot paying attention\\b", true, FreeText.NO),
            word("incompetent", "\\bincompeten(?:t|tly|ce)\\b(?![-‐])", false, FreeText.NEAR_PERSON),
            word("reckless", "\\breckless(?:ly|ness)?\\b(?![-‐])", false, FreeText.NEAR_PERSON),
            word("messed up", "\\b(?:mess(?:ed|es)? up|screw(?:ed|s)? up|dropped the ball|botched)\\b", false,
                    FreeText.NEAR_PERSON),
            word("should have known", "\\b(?:should|ought to) (?:have|'ve) known\\b|\\bshould've known\\b", false,
                    FreeText.NEAR_PERSON),
            word("didn't bother", "\\b(?:didn't|did not|couldn't|could not|never) (?:bother(?:ed)?|be bothered)\\b",
                    false, FreeText.NEAR_PERSON),
            // "<@U123> ran the wrong script": a person as the subject of the failure (a possessive, "<@U1>'s
            // dashboard", names a thing; a mention later in the sentence, "paged <@U1>", is an object).
            word("a person as the subject", "^(?:because |since |as )?<@[A-Z0-9]+(?:\\|[^>]*)?>(?!['’]s\\b)\\s+\\S", true, FreeText.NO));

    private static final Pattern LABELLED_MENTION = Pattern.compile("<@([UW][A-Z0-9]+)\\|[^>]*>");

    private BlamingWords() {
    }

    /** One form for mentions ({@code <@U1|bob>} is {@code <@U1>}) and apostrophes, so the words stay readable. */
    public static String plain(String text) {
        return LABELLED_MENTION.matcher(text.replace('’', '\'')).replaceAll("<@$1>");
    }

    static Word word(String name, String regex, boolean endsWhy, FreeText freeText) {
        return new Word(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), endsWhy, freeText);
    }
}
