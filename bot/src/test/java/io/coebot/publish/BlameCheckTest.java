package io.coebot.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coebot.actions.ActionItem;
import io.coebot.interview.Questions;
import io.coebot.timeline.TimelineEntry;
import io.coebot.timeline.TimelineSource;
import io.coebot.whys.WhyNode;
import io.coebot.whys.WhyTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlameCheckTest {

    /** Sentences that put it on a person, and the words a reviewer would circle. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
            "It was <@U0BOB>'s fault. => <@U0BOB>'s fault",
            "Honestly, this was his mistake. => his mistake",
            "<@U0BOB|bob> was careless with the pool setting. => careless",
            "He should have known the config was wrong. => should have known",
            "Bob messed up the migration. => messed up",
            "<@U0DAN> screwed up the rollout again. => screwed up",
            "The on-call engineer didn't bother to check the dashboard. => didn't bother",
            "We blame <@U0CAROL> for the outage. => blame",
            "The new hire was incompetent. => incompetent",
            "Sloppy work by Dave caused the outage. => Sloppy",
            "It was careless of her to skip the canary. => careless",
            "<@U0BOB> was negligent. => negligent",
            "Frankly the reviewer is to blame here. => to blame",
            "That was Dan’s mistake, not the tool's. => Dan's mistake",
            "The intern was at fault. => at fault",
            "They really dropped the ball on the rollback. => dropped the ball",
    })
    void blamingSentencesAreFlaggedWithTheirWords(String sentence, String words) {
        assertEquals(Optional.of(words), BlameCheck.blame(sentence));
    }

    /** What a team writes in a good COE, sharing words with blame but blaming no one. */
    @ParameterizedTest
    @ValueSource(strings = {
            "The fault injection test passed.",
            "Paged <@U1> at 14:05.",
            "The careless-mode flag was off.",
            "<@U0CAROL> found the fault in the load balancer config.",
            "git blame shows the threshold changed in March.",
            "We ran a blame-free review with <@U0BOB> and <@U0DAN>.",
            "The retries were sloppy because they never backed off.",
            "The migration messed up the index statistics.",
            "Kafka consumers were at fault: lag grew to 40 minutes.",
            "The on-call engineer followed the runbook and rolled back at 14:20.",
            "Nobody could have known the certificate expired, since no alarm existed.",
            "Alice rolled back the deploy at 14:20.",
            "Our dashboards blame the wrong service for 5xx errors.",
            "We should have known: the alarm existed but was muted.",
            "Monday's mistake in the billing batch was fixed by a rerun.",
            "The Kubernetes operator messed up the pod labels after the upgrade.",
            "The secrets manager was sloppy about rotating keys.",
            "決済APIがタイムアウトした。<@U1>がロールバックした。",
            "تمت إعادة التشغيل بواسطة <@U2> في الساعة 14:20",
            ":fire: 5xx at 40% — <@U1> rolled back :white_check_mark:",
    })
    void ordinarySentencesAreNotFlagged(String sentence) {
        assertEquals(Optional.empty(), BlameCheck.blame(sentence));
    }

    @Test
    void aCompleteBlameFreeCoeHasNoWarnings() {
        assertEquals(List.of(), BlameCheck.scan(Fixtures.complete()));
    }

    /** The team sees where each sentence is, the sentence itself, and how to rewrite it. */
    @Test
    void warningsSayWhereTheSentenceIsAndHowToRewriteIt() {
        CoeDocument d = Fixtures.answering(Fixtures.complete(), Questions.CUSTOMER_EXPERIENCE,
                "Checkout returned HTTP 500. It was <@U0BOB|bob>'s fault for pushing on a Friday.", null);
        List<TimelineEntry> entries = new ArrayList<>(Fixtures.entries());
        entries.add(new TimelineEntry(8, Fixtures.at(14, 59, 0), null, "Rollback started", "U0CAROL",
                TimelineSource.MANUAL, null, null, "Dan messed up the first rollback attempt"));
        d = Fixtures.withTimeline(d, Fixtures.timeline(entries, Fixtures.explanations()));
        WhyTree t = Fixtures.session().state().tree();
        List<WhyNode> nodes = t.nodes().stream().map(n -> n.id() != 2 ? n
                : new WhyNode(2, 1, "Config v42 set the pool to 0. Bob was careless.", n.author(), n.ts(), false,
                        null, null, List.of())).toList();
        d = Fixtures.withWhys(d, List.of(Fixtures.session(Fixtures.SESSION_ID, 1,
                new WhyTree(t.problem(), t.problemTs(), nodes, t.nextId()))));
        List<ActionItem> items = new ArrayList<>(Fixtures.actions());
        items.set(2, items.get(2).withStatus(items.get(2).status(), null));
        items.add(Fixtures.item(106, "Teach <@U0BOB> not to be sloppy with configs", "U0ALICE",
                io.coebot.actions.Priority.LOW, java.time.LocalDate.of(2026, 12, 1), null,
                io.coebot.actions.ActionStatus.OPEN, null, null));
        d = Fixtures.withActions(d, items);

        List<BlameWarning> w = BlameCheck.scan(d);

        assertEquals(List.of(
                        "Impact · What customers experienced",
                        "Timeline · 2026-11-19 14:59:00 UTC · note",
                        "5 Whys #1 · cause 1.1",
                        "Action item 6"),
                w.stream().map(BlameWarning::where).toList());
        assertEquals("It was <@U0BOB|bob>'s fault for pushing on a Friday.", w.get(0).sentence());
        assertEquals("Bob was careless.", w.get(2).sentence());
        assertTrue(w.get(0).hint().startsWith("“<@U0BOB>'s fault” puts it on a person. Describe what the system "
                + "allowed, not who slipped"), w.get(0).hint());
    }

    /** A cause the 5 Whys guard flags by a teammate's name is reported, though no word in it condemns anyone. */
    @Test
    void aCauseThatNamesATeammatesSlipIsReportedWithTheGuardsVerdict() {
        WhyTree t = Fixtures.session().state().tree();
        List<WhyNode> nodes = t.nodes().stream().map(n -> n.id() != 2 ? n
                : new WhyNode(2, 1, "Bob pushed the wrong config", n.author(), n.ts(), false, null, null, List.of()))
                .toList();
        WhyTree tree = new WhyTree(t.problem(), t.problemTs(), nodes, t.nextId());
        var withoutNames = Fixtures.session(Fixtures.SESSION_ID, 1, tree);
        var withNames = new io.coebot.whys.WhysSession(withoutNames.id(), withoutNames.teamId(), withoutNames.coeId(),
                withoutNames.channelId(), withoutNames.number(), withoutNames.rootTs(),
                withoutNames.state().knowing(new io.coebot.whys.People(List.of("Bob", "Bob Jones"))),
                withoutNames.createdBy(), withoutNames.createdAt());

        assertEquals(List.of(), BlameCheck.scan(Fixtures.withWhys(Fixtures.complete(), List.of(withoutNames))),
                "without the team's names, Bob could be a service");
        List<BlameWarning> w = BlameCheck.scan(Fixtures.withWhys(Fixtures.complete(), List.of(withNames)));
        assertEquals(List.of("5 Whys #1 · cause 1.1"), w.stream().map(BlameWarning::where).toList());
        assertEquals("Bob pushed the wrong config", w.get(0).sentence());
        assertEquals(BlameCheck.PERSONS_MISTAKE, w.get(0).hint());
    }

    @Test
    void gapExplanationsAndTheReasonForPublishingAnywayAreCheckedToo() {
        CoeDocument d = Fixtures.withTimeline(Fixtures.complete(), Fixtures.timeline(Fixtures.entries(),
                Map.of("3-4", "Waiting for Bob. He should have known the database password.")));
        d = Fixtures.publishedAnyway(d, "Carol was sloppy with the review, so we publish now.");

        List<BlameWarning> w = BlameCheck.scan(d);

        assertEquals(List.of("Timeline · gap after 2026-11-19 14:20:11 UTC", "Reason for publishing anyway"),
                w.stream().map(BlameWarning::where).toList());
        assertEquals("He should have known the database password.", w.get(0).sentence());
    }

    @Test
    void sentencesEndAtAFullStopOrALineButNotInsideALink() {
        assertEquals(List.of("See <https://wiki.example.com/a.b|the doc>.", "Then roll back!", "Next line"),
                BlameCheck.sentences("See <https://wiki.example.com/a.b|the doc>. Then roll back!\nNext line"));
        assertEquals(List.of("決済が失敗した。", "ロールバックした。"), BlameCheck.sentences("決済が失敗した。ロールバックした。"));
    }

}
