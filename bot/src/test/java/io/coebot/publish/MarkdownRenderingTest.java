package io.coebot.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coebot.coe.Coe;
import io.coebot.interview.Questions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownRenderingTest {

    /** The whole file a team pastes into its wiki; see {@link Golden} to regenerate after an intended change. */
    @Test
    void theCompleteCoeReadsAsTheReviewedGoldenFile() {
        CoeDocument d = Fixtures.complete();

        Golden.assertMatches(MarkdownRendering.fileName(d.coe()), MarkdownRendering.render(d));
    }

    /** Nothing is cut from the file either: every entry (in order), every item, the whole long answer. */
    @Test
    void theHugeCoeIsWholeInTheFile() {
        String md = MarkdownRendering.render(Fixtures.huge());

        int at = 0;
        for (int i = 1; i <= 1000; i++) {
            int found = md.indexOf(String.format("| entry-%04d ", i), at);
            assertTrue(found > at, "entry " + i + " missing or out of order");
            at = found;
        }
        assertTrue(md.contains(MarkdownText.fromSlack(Fixtures.longAnswer()).strip().replaceAll("\\s*\\n\\s*", "\n\n")),
                "the 20,000-character answer");
        for (int i = 1; i <= 50; i++) {
            assertTrue(md.contains(String.format("| action-%02d 🛠️ ", i)), "action " + i);
        }
        assertTrue(md.contains("before every push \\| both CLI and UI"), "a pipe in an item stays inside its cell");
        assertTrue(md.contains("entry-0010 🚨 決済APIのエラー率が上昇 · ارتفاع معدل الأخطاء · @carol paged @payments"), "markup converted");
    }

    /** The file is read outside Slack: the names looked up before rendering replace the ids, unknown ids stay. */
    @Test
    void peopleAndChannelsAreNamedWhereTheirNamesAreKnown() {
        CoeDocument d = Fixtures.answering(Fixtures.complete(), Questions.RELATED,
                "Asked <@U0DAN> and <@U0NOBODY> in <#C0DEPLOYS|> and <#C0GONE>", "");
        Names names = new Names(Map.of("U0ALICE", "alice", "U0CAROL", "carol", "U0DAN", "Dan & co"),
                Map.of("C0DEPLOYS", "payments-deploys"));

        String md = MarkdownRendering.render(d.withNames(names));

        assertTrue(md.contains("- **Owner:** @alice\n"), md);
        assertTrue(md.contains(" | @carol | pinned |"), "entry authors: " + md);
        assertTrue(md.contains(" | @Dan & co | high | "), "action owners: " + md);
        assertTrue(md.contains("Asked @Dan & co and @U0NOBODY in #payments-deploys and #C0GONE"), md);
        assertFalse(md.contains("@U0ALICE"), md);
    }

    @Test
    void publishedAnywayBelowTheBarSaysSoAndAReviewedCoeEndsWithItsAudit() {
        CoeDocument below = Fixtures.publishedAnyway(Fixtures.without(Fixtures.complete(), io.coebot.interview.Questions.SUMMARY, false),
                "The customer needs it today.");
        assertTrue(MarkdownRendering.render(below).contains("> **Published without meeting the quality bar.** The owner's reason:"));

        CoeDocument reviewed = Fixtures.complete().withReview(new ReviewRecord(java.util.List.of(
                new ReviewRecord.Line("U0ALICE", "asked <@U0BOB> to review", java.time.Instant.parse("2026-11-20T09:00:00Z")),
                new ReviewRecord.Line(null, "edited an answer after approval", java.time.Instant.parse("2026-11-20T10:00:00Z")),
                new ReviewRecord.Line("U0BOB", "approved", java.time.Instant.parse("2026-11-20T11:00:00Z"))), java.util.List.of("U0BOB")));
        String md = MarkdownRendering.render(reviewed);
        assertTrue(md.contains("- **Approved by:** @U0BOB"), md);
        assertTrue(md.endsWith("## Review\n\n- 2026-11-20 09:00:00 UTC — @U0ALICE asked @U0BOB to review\n"
                + "- 2026-11-20 10:00:00 UTC — Edited an answer after approval\n"
                + "- 2026-11-20 11:00:00 UTC — @U0BOB approved\n"), md);
        String slack = String.join("\n", SlackRendering.render(reviewed).stream().map(p -> p.key() + ":" + p.fallbackText()).toList());
        assertTrue(SlackRendering.render(reviewed).stream().anyMatch(p -> p.key().equals("review")), slack);
    }

    @Test
    void aCoePublishedAnywayShowsTheOwnersReasonAtTheTop() {
        CoeDocument d = Fixtures.publishedAnyway(Fixtures.complete(),
                "The review is on Monday &amp; the team wants it read before.\nPAY-812 covers the rest.");

        String md = MarkdownRendering.render(d);

        assertTrue(md.contains("> **Published without review.** The owner's reason:\n"
                + "> The review is on Monday & the team wants it read before.\n> PAY-812 covers the rest.\n"), md);
        assertTrue(md.indexOf("Published without") < md.indexOf("## Summary"), "before the summary");
    }

    @Test
    void openQuestionsSayTheyAreOpenInsteadOfDisappearing() {
        CoeDocument d = Fixtures.without(Fixtures.without(Fixtures.complete(), Questions.CONSEQUENCES, true),
                Questions.LESSONS, false);

        String md = MarkdownRendering.render(d);

        assertTrue(md.contains("### Consequences\n\n*Skipped.*\n"), md);
        assertTrue(md.contains("## Lessons learned\n\n*Not answered.*\n"), md);
    }

    @Test
    void conditionalQuestionsThatDoNotApplyAreLeftOut() {
        CoeDocument d = Fixtures.answering(Fixtures.complete(), Questions.INTERNAL_ACTIVITY, "no", "no");

        String md = MarkdownRendering.render(d);

        assertFalse(md.contains("Activity announced"), md);
        assertFalse(md.contains("Backlog task"), md);
        assertTrue(md.contains("#### Internal activity under way\n\nNo\n"), md);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = " => ", value = {
            "Checkout 500s => COE-7-checkout-500s.md",
            "  Checkout returned 500s after a config push!   => COE-7-checkout-returned-500s-after-a-config-push.md",
            "Payments &amp; refunds: p99 &gt; 2s => COE-7-payments-refunds-p99-2s.md",
            "Café outage in Zürich — DNS => COE-7-cafe-outage-in-zurich-dns.md",
            "決済が失敗した => COE-7-coe.md",
            "🔥🔥 => COE-7-coe.md",
            "A very long title about the checkout service returning errors for most of the afternoon in three regions"
                    + " => COE-7-a-very-long-title-about-the-checkout-service-returning.md",
    })
    void theFileIsNamedAfterTheCoeWithAShortAsciiSlug(String title, String expected) {
        Coe coe = new Coe(1, "T1", "C1", 7, title, "U1", Coe.Status.OPEN, null, Instant.EPOCH);

        String name = MarkdownRendering.fileName(coe);

        assertEquals(expected, name);
        assertTrue(name.length() <= "COE-7-".length() + MarkdownRendering.SLUG_MAX + ".md".length(), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "<@U123|alice> paged <@U456> => @alice paged @U456",
            "see <https://grafana.example.com/d/x?a=1&amp;b=2|the board> or <https://example.com>"
                    + " => see https://grafana.example.com/d/x?a=1&b=2 (the board) or https://example.com",
            // a label never hides the address, and brackets people typed build no link or image
            "<https://evil.example|click> => https://evil.example (click)",
            "[click](<https://evil.example>) and ![x](<https://evil.example/x.png>)"
                    + " => \\[click\\](https://evil.example) and !\\[x\\](https://evil.example/x.png)",
            "<!channel> <!here|here> <!everyone> => @channel @here @everyone",
            "p99 &gt; 2s &amp;&amp; errors &lt; 1% => p99 > 2s && errors < 1%",
            "asked in <#C0DEPLOYS|payments-deploys> and told <!subteam^S1|@payments-oncall>"
                    + " => asked in #payments-deploys and told @payments-oncall",
            "<!here> at <!date^1763560800^{time}|14:00 UTC> => @here at 14:00 UTC",
            "the &amp;lt; literal => the &lt; literal",
            "a note about &lt;checkout&gt; and &lt;/script&gt; => a note about &lt;checkout> and &lt;/script>",
    })
    void slackMarkupBecomesMarkdown(String slack, String markdown) {
        assertEquals(markdown, MarkdownText.fromSlack(slack));
    }

    @Test
    void aPipeOrALineBreakCannotBreakATableRow() {
        assertEquals("a \\| b<br>c", MarkdownText.cell("a | b\nc"));
    }
}
