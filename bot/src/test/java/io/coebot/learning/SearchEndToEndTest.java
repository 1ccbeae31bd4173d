package io.coebot.learning;

import io.coebot.interview.Questions;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `/coe search` on a seeded database: ranking, filters, paging, and the COEs nobody else may see (a private channel's,
 * another workspace's) that never appear; and a COE written through Slack found by a word from each of its parts.
 */
class SearchEndToEndTest extends EndToEnd {
    private Person alice;
    private Person bob;
    private Channel here;
    private Channel secret;

    @BeforeAll
    void seed() {
        alice = ws.user("U0ALICE21", "alice", "Europe/Berlin");
        bob = ws.user("U0BOB0021", "bob", "America/New_York");
        here = ws.channel("ops-search");
        secret = ws.privateChannel("inc-secret-search");
        slack.addMember(secret.id(), alice.id());
        String team = slack.teamId();
        String pub1 = ws.channel("inc-pool-1").id();
        String pub2 = ws.channel("inc-pool-2").id();
        String pub3 = ws.channel("inc-dns").id();
        Corpus.insert(app, List.of(
                new Corpus.Seed(team, pub1, "Checkout 500s", alice.id(), true, Instant.parse("2026-03-02T10:00:00Z"), "SEV1",
                        "checkout-api, payments", "The connection pool of the payments client was exhausted",
                        "Checkout failed for 40 minutes because the payments connection pool was exhausted.",
                        "Watch pool saturation", "Checkout returned 500s", "Connection pool limit removed by a config push",
                        "Alarm on connection pool saturation", List.of("14:00 deploy 42", "14:10 error rate alarm")),
                new Corpus.Seed(team, pub2, "Slow search results", bob.id(), true, Instant.parse("2025-11-20T10:00:00Z"), "SEV3",
                        "search", "A reindex job saturated the cluster", "Search was slow for an hour.", null,
                        null, null, null, List.of("15:00 someone noticed the connection pool graph looked odd")),
                new Corpus.Seed(team, pub3, "DNS outage", bob.id(), false, Instant.parse("2026-04-10T10:00:00Z"), "SEV2",
                        "edge", "Resolver cache expired during a provider outage", "Names did not resolve.", null,
                        null, null, null, List.of()),
                new Corpus.Seed(team, secret.id(), "Secret pool incident", alice.id(), true, Instant.parse("2026-05-01T10:00:00Z"),
                        "SEV1", "ledger", "The ledger connection pool was exhausted", "Ledger down.", null, null, null, null, List.of()),
                new Corpus.Seed("T0OTHERWS", "C0OTHER01", "Their connection pool outage", "U0THEIRS1", true,
                        Instant.parse("2026-05-01T10:00:00Z"), "SEV1", "checkout-api", "Their connection pool was exhausted",
                        "Theirs.", null, null, null, null, List.of())));
    }


    private String search(Person who, String words) {
        return who.runs("/coe search " + words, here).visibleText();
    }

    @Test
    void theRootCauseFindsTheCoeRankedAboveOneThatOnlyMentionsItInItsTimeline() {
        String found = search(bob, "connection pool");
        assertTrue(found.contains("COE-") && found.contains("Checkout 500s"), found);
        assertTrue(found.contains("Slow search results"), "the timeline counts too: " + found);
        assertTrue(found.indexOf("Checkout 500s") < found.indexOf("Slow search results"), "the root cause ranks higher: " + found);
        assertTrue(found.contains("*connection* *pool*") || found.contains("*connection pool*") || found.contains("*pool*"),
                "the matched words are highlighted: " + found);
        assertFalse(found.contains("Secret pool incident"), "bob is not in the private channel: " + found);
        assertFalse(found.contains("Their connection pool outage"), "never another workspace's: " + found);
    }

    @Test
    void aMemberOfThePrivateChannelFindsItsCoe() {
        String found = search(alice, "connection pool");
        assertTrue(found.contains("Secret pool incident"), found);
        assertFalse(found.contains("Their connection pool outage"), found);
    }

    @Test
    void filtersNarrowTheResults() {
        String sev1 = search(bob, "pool severity:SEV1");
        assertTrue(sev1.contains("Checkout 500s") && !sev1.contains("Slow search results"), sev1);
        String service = search(bob, "pool service:search");
        assertTrue(service.contains("Slow search results") && !service.contains("Checkout 500s"), service);
        String after = search(bob, "pool after:2026-01-01");
        assertTrue(after.contains("Checkout 500s") && !after.contains("Slow search results"), after);
        String owner = search(bob, "owner:@" + bob.id() + " after:2026-01-01");
        assertTrue(owner.contains("DNS outage") && !owner.contains("Checkout 500s"), "filters alone list COEs: " + owner);
        String open = search(bob, "resolver");
        assertTrue(open.contains("DNS outage") && open.contains("Open"), "open COEs are found too: " + open);
    }

    @Test
    void badInputGetsAClearAnswer() {
        assertTrue(search(bob, "pool severity:SEV9").contains("`severity:` takes SEV1"));
        assertTrue(search(bob, "pool after:yesterday").contains("YYYY-MM-DD"));
        assertTrue(search(bob, "").contains("What should I look for?"));
        assertTrue(search(bob, "the was").contains("too common"));
        assertTrue(search(bob, "zebra-unicorn").contains("No COE matches"));
    }

    @Test
    void aTimelineTooBigForTheIndexIsStillWrittenAndTheCoeStillFound() {
        StringBuilder huge = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            huge.append("build").append(Integer.toString(i, 36)).append(i % 7 == 0 ? "x " : " ");
        }
        // two entries whose words together pass tsvector's 1 MB: the second cannot be indexed, and must still be written
        Corpus.insert(app, List.of(new Corpus.Seed(slack.teamId(), ws.channel("inc-huge-log").id(), "Capybara log flood",
                alice.id(), true, Instant.parse("2026-06-02T10:00:00Z"), null, null, null, null, null, null, null, null,
                List.of(huge.toString(), huge.toString().replace("build", "deploy")))));
        assertEquals(2L, app.count("SELECT count(*) FROM timeline_entry t JOIN coe c ON c.id = t.coe_id WHERE c.title = 'Capybara log flood'"));
        assertTrue(search(bob, "capybara").contains("Capybara log flood"));
        assertEquals(1L, app.count("SELECT count(*) FROM coe_search WHERE title = 'Capybara log flood'"
                + " AND timeline_text LIKE '%deploy1%' AND NOT timeline_v @@ to_tsquery('simple', 'deploy1')"),
                "the second entry's text is kept, its words could not be indexed");
    }

    @Test
    void manyResultsArePagedWithMore() {
        String team = slack.teamId();
        List<Corpus.Seed> many = new java.util.ArrayList<>();
        for (int i = 0; i < 14; i++) {
            many.add(new Corpus.Seed(team, ws.channel("inc-quokka-" + i).id(), "Quokka outage " + i, alice.id(), true,
                    Instant.parse("2026-02-01T10:00:00Z").plusSeconds(i * 3600L), null, null, "quokka cache stampede",
                    null, null, null, null, null, List.of()));
        }
        Corpus.insert(app, many);
        var first = bob.runs("/coe search quokka", here);
        assertEquals(10, count(first.visibleText(), "Quokka outage"), first.visibleText());
        var ephemeral = here.awaitEphemeralFor(bob, e -> e.visibleText().contains("Quokka outage"));
        bob.clicks("More", ephemeral);
        var second = here.awaitEphemeralFor(bob, e -> e.visibleText().contains("continued"));
        assertEquals(4, count(second.visibleText(), "Quokka outage"), second.visibleText());
    }

    private static int count(String text, String fragment) {
        int n = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aCoeWrittenThroughSlackIsFoundByAWordFromEachPart() {
        Channel channel = ws.channel("inc-wombat");
        alice.runs("/coe start Wombat gateway timeouts", channel);
        SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Wombat gateway timeouts"));
        long coeId = app.bean(io.coebot.coe.Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(Questions.TRIGGER_AT, "2026-06-01 14:00 UTC");
        answers.put(Questions.DETECTED_AT, "2026-06-01 14:10 UTC");
        answers.put(Questions.MITIGATED_AT, "2026-06-01 14:40 UTC");
        answers.put(Questions.RESOLVED_AT, "2026-06-01 15:00 UTC");
        answers.put(Questions.SEVERITY, "sev2");
        answers.put(Questions.SERVICES, "platypus-gateway");
        answers.put(Questions.CUSTOMERS_AFFECTED, "every echidna customer");
        for (Map.Entry<String, String> a : answers.entrySet()) {
            String marker = "interview|" + coeId + "|" + a.getKey();
            slack.await("the interview asks " + a.getKey(), () -> {
                var t = channel.thread(card.ts());
                return !t.isEmpty() && t.get(t.size() - 1).isFromBot() && t.get(t.size() - 1).blocks() != null
                        && t.get(t.size() - 1).blocks().contains(marker);
            });
            alice.repliesInThread(channel, card.ts(), a.getValue());
        }
        // the last answer handled first: /coe whys racing an answer can deadlock on main (WhysService.open takes the card's
        // render lock, then the interview's row), which is not what this test is about
        channel.awaitReplyFromBot(card.ts(), "What did those customers experience?");
        alice.runs("/coe whys Gateway numbat errors", channel);
        SlackMessage root = channel.awaitMessageFromBot(m -> m.visibleText().contains("5 Whys #1") && !m.isReply());
        channel.awaitReplyFromBot(root.ts(), "Why #1");
        alice.repliesInThread(channel, root.ts(), "The bandicoot certificate expired");
        channel.awaitReplyFromBot(root.ts(), "Why #2");
        alice.runs("/coe timeline add 2026-06-01 14:05 UTC Kookaburra alarm fired", channel);

        for (String word : List.of("wombat", "echidna", "numbat", "bandicoot", "kookaburra")) {
            slack.await("search finds " + word, () -> search(bob, word).contains("Wombat gateway timeouts"));
        }
        assertTrue(search(bob, "gateway service:platypus-gateway severity:SEV2").contains("Wombat gateway timeouts"));
    }
}
