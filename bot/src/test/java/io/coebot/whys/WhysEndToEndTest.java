package io.coebot.whys;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.coebot.coe.Coes;
import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.store.ThreadRoutes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 5 Whys as a team runs them: `/coe whys`, then replies and buttons in the session's own thread, through
 * signed events and the fake Slack, read back as a person in the channel reads them.
 */
class WhysEndToEndTest extends EndToEnd {

    /** A COE in its own channel, with one 5 Whys session opened by a command. */
    final class Session {
        final Channel channel;
        final long coeId;
        SlackMessage root;

        Session(String channelName, Person opener) {
            channel = ws.channel(channelName);
            opener.runs("/coe start Checkout 500s", channel);
            channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
            coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
        }

        String open(Person who, String args) {
            String ack = who.runs("/coe whys" + (args.isEmpty() ? "" : " " + args), channel).visibleText();
            root = channel.awaitMessageFromBot(m -> m.visibleText().contains("5 Whys #") && !m.isReply()
                    && (root == null || !m.ts().equals(root.ts())));
            return ack;
        }

        /** The bot's newest message in the session's thread, once it contains {@code fragment}. */
        SlackMessage awaitBot(String fragment) {
            slack.await("the bot says \"" + fragment + "\" in the 5 Whys thread", () -> {
                List<SlackMessage> t = channel.thread(root.ts());
                return !t.isEmpty() && t.get(t.size() - 1).isFromBot() && t.get(t.size() - 1).visibleText().contains(fragment);
            });
            List<SlackMessage> t = channel.thread(root.ts());
            return t.get(t.size() - 1);
        }

        SlackMessage answer(Person who, String text, String nextFragment) {
            who.repliesInThread(channel, root.ts(), text);
            return awaitBot(nextFragment);
        }

        WhysSession stored() {
            return app.bean(WhysStore.class).ofCoe(coeId).get(0);
        }

        List<String> outline() {
            WhyTree t = stored().state().tree();
            return t.inReadingOrder().stream().map(n -> t.label(n.id()) + (n.rootCause() ? " ★ " : " ") + n.text()).toList();
        }

        String rootText() {
            return channel.message(root.ts()).visibleText();
        }
    }

    /** How often the channel's member list was read (its first page; Slack pages it by 200). */
    private long memberLists(Session s) {
        return slack.calls("conversations.members").stream()
                .filter(c -> s.channel.id().equals(c.param("channel")) && c.param("cursor") == null).count();
    }

    @Test
    void aFiveLevelSessionWithABranchAHumanErrorAnswerRootCausesAndRemediation() {
        Person alice = ws.user("U0ALICE51", "alice", "Europe/Paris");
        Person bob = ws.user("U0BOB0051", "bob", "America/New_York");
        Session s = new Session("inc-whys-full", alice);

        String ack = s.open(alice, "Checkout returned 500s for 40 minutes");
        assertTrue(ack.contains("Opened 5 Whys #1"), ack);
        assertTrue(s.root.visibleText().contains("Checkout returned 500s for 40 minutes"), s.root.visibleText());
        SlackMessage why1 = s.awaitBot("Why #1");
        assertTrue(why1.visibleText().contains("why did this happen?"), why1.visibleText());

        s.answer(bob, "The payments API timed out", "Why #2");
        SlackMessage why3 = s.answer(alice, "Its connection pool was exhausted", "Why #3");
        bob.clicks("Another cause", why3, s.channel);
        s.awaitBot("what else led to this?");
        s.answer(alice, "Retries from checkout doubled the load", "Why #3 (branch 1.1)");
        assertTrue(s.awaitBot("Why #3").visibleText().contains("Noted as cause 1.2"));

        SlackMessage possible = s.answer(bob, "Someone forgot to raise the pool size when traffic doubled", "why was this possible?");
        assertTrue(possible.visibleText().contains("Which check, validation or fail-safe was missing?"), possible.visibleText());
        assertTrue(possible.buttons().stream().noneMatch(b -> b.label().equals("Root cause")),
                "a person's mistake cannot be marked root cause: " + possible.buttons());
        s.answer(bob, "root cause", "never a root cause");

        s.answer(alice, "Pool size is a hard-coded constant with no capacity check", "Why #5");
        SlackMessage why6 = s.answer(alice, "The capacity review does not cover client libraries", "Why #6");
        alice.clicks("Root cause", why6, s.channel);
        SlackMessage branch2 = s.awaitBot("Why #3 (branch 1.2)");
        assertTrue(branch2.visibleText().contains("Retries from checkout doubled the load"), branch2.visibleText());

        SlackMessage why4 = s.answer(bob, "Retries have no backoff and no budget", "Why #4 (branch 1.2.1)");
        bob.clicks("Root cause", why4, s.channel);
        s.awaitBot("three checks");
        SlackMessage remediation = s.answer(bob, "1. yes 2. a load test would have shown it 3. no", "What would prevent root cause 1.1.1.1.1?");
        assertTrue(remediation.visibleText().contains("Every branch has reached a root cause"), remediation.visibleText());
        s.answer(alice, "Add client libraries to the quarterly capacity review", "What would prevent root cause 1.2.1?");
        s.answer(bob, "Exponential backoff with a retry budget in the checkout client", "These 5 Whys are complete");

        assertEquals(List.of(
                "1 The payments API timed out",
                "1.1 Its connection pool was exhausted",
                "1.1.1 Someone forgot to raise the pool size when traffic doubled",
                "1.1.1.1 Pool size is a hard-coded constant with no capacity check",
                "1.1.1.1.1 ★ The capacity review does not cover client libraries",
                "1.2 Retries from checkout doubled the load",
                "1.2.1 ★ Retries have no backoff and no budget"), s.outline());
        WhyTree tree = s.stored().state().tree();
        assertEquals("1. yes 2. a load test would have shown it 3. no", tree.rootCauses().get(1).checks());
        assertEquals("Exponential backoff with a retry budget in the checkout client",
                tree.rootCauses().get(1).remediations().get(0).text());

        slack.await("the root message shows the finished tree", () -> s.rootText().contains("Complete: 2 root causes"));
        String rootText = s.rootText();
        assertTrue(rootText.contains("*1.1.1.1.1* ★ The capacity review does not cover client libraries"), rootText);
        assertTrue(rootText.contains("→ _Fix:_ Add client libraries to the quarterly capacity review"), rootText);
        assertTrue(rootText.contains("_(a person's mistake: why was it possible?)_"), rootText);
        SlackMessage card = s.channel.botMessages().get(0);
        slack.await("the card counts the root causes", () ->
                s.channel.message(card.ts()).visibleText().contains("5 Whys (1/1 complete, 2 root causes)"));
    }

    /**
     * Issue 15, item 5: "Bob pushed the wrong config" was taken as a cause with a *Root cause* button, while
     * "@bob pushed…" was caught; the published COE then printed it with no flag and nothing warned.
     */
    @Test
    void aCauseThatNamesATeammateIsAPersonsMistakeInTheThreadStatusAndThePublishedCoe() {
        Person alice = ws.user("U0ALICE55", "Alice Martin", "Europe/Paris");
        Person bob = ws.user("U0BOB0055", "Bob", "America/New_York");
        Session s = new Session("inc-whys-names", alice);
        slack.addMember(s.channel.id(), alice.id());
        slack.addMember(s.channel.id(), bob.id());
        s.open(alice, "Checkout returned 500s for 40 minutes");
        s.awaitBot("Why #1");
        long memberListsBefore = memberLists(s);
        s.answer(alice, "The payments service read a pool size of zero", "Why #2");

        SlackMessage possible = s.answer(alice, "Bob pushed the wrong config", "Why #3");
        assertEquals(1, memberLists(s) - memberListsBefore,
                "the channel's members are asked of Slack once for both replies, not once per reply");
        assertTrue(possible.visibleText().contains("why was this possible?"), possible.visibleText());
        assertTrue(possible.buttons().stream().noneMatch(b -> b.label().equals("Root cause")),
                "a teammate's slip cannot be marked root cause: " + possible.buttons());
        slack.await("the tree flags the cause", () ->
                s.rootText().contains("Bob pushed the wrong config _(a person's mistake: why was it possible?)_"));
        s.answer(bob, "The deploy tool accepts a config no check has validated", "Why #4");
        assertTrue(s.rootText().contains("The payments service read a pool size of zero")
                && !s.rootText().contains("zero _(a person's mistake"), "an ordinary cause is not flagged: " + s.rootText());

        String status = alice.runs("/coe status", s.channel).visibleText();
        assertTrue(status.contains("*Blame-free check:*") && status.contains("5 Whys #1 · cause 1.1:")
                && status.contains("Bob pushed the wrong config"), status);

        alice.runs("/coe finish", s.channel);
        var owner = s.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("publish it anyway"));
        alice.clicks("Publish anyway…", owner);
        alice.awaitOpenView("publish.anyway-reason");
        alice.submits("publish.anyway-reason", java.util.Map.of("reason", java.util.Map.of("reason",
                "The customer asked for our analysis today; the rest follows next week.")));
        String md = ws.awaitValue("the Markdown file", () -> slack.files().stream()
                .filter(f -> f.channelId().equals(s.channel.id())).findFirst().orElse(null)).contentAsString();
        assertTrue(md.contains("Bob pushed the wrong config *(a person's mistake: why was it possible?)*"), md);
        slack.await("the published 5 Whys flags the cause", () -> s.channel.messages().stream()
                .flatMap(m -> s.channel.thread(m.ts()).stream())
                .filter(m -> m.visibleText().contains("Problem:"))
                .anyMatch(m -> m.visibleText().contains("Bob pushed the wrong config _(a person's mistake")));
    }

    @Test
    void retriesRestartsAndTwoPeopleAnsweringAtOnceLoseNothing() {
        Person alice = ws.user("U0ALICE52", "alice", "UTC");
        Person bob = ws.user("U0BOB0052", "bob", "UTC");
        Session s = new Session("inc-whys-faults", alice);
        s.open(alice, "Search was down");
        s.awaitBot("Why #1");

        s.answer(alice, "The index was corrupt", "Why #2");
        String event = ws.lastEventJson();
        assertEquals(200, ws.deliverAgain(event, 1).status());
        assertEquals(200, ws.deliverAgain(event, 2).status());
        assertEquals(List.of("1 The index was corrupt"), s.outline(), "a retried event is not a second answer");

        app.restart();
        s.answer(bob, "A disk filled up during compaction", "Why #3");

        // Both typed while Why #3 was the question on screen; Slack is slow to post the next one.
        // (slow, not just answered late: the next why must get its ts after both replies, however busy the machine)
        slack.slowNext("chat.postMessage", Duration.ofMillis(3000));
        alice.repliesInThread(s.channel, s.root.ts(), "Compaction needs twice the index size");
        bob.repliesInThread(s.channel, s.root.ts(), "The disk alarm was set at 99%");
        s.awaitBot("so I kept it as another cause: cause 1.1.2");

        assertEquals(List.of("1 The index was corrupt", "1.1 A disk filled up during compaction",
                "1.1.1 Compaction needs twice the index size", "1.1.2 The disk alarm was set at 99%"), s.outline());
        assertEquals(1, s.channel.thread(s.root.ts()).stream().filter(m -> m.visibleText().contains("Why #4")).count(),
                "the next why is asked once: " + s.channel.thread(s.root.ts()));
    }

    @Test
    void editingAMessageEditsItsCauseAndDeletingItRemovesTheBranchAfterConfirmation() {
        Person alice = ws.user("U0ALICE53", "alice", "UTC");
        Session s = new Session("inc-whys-edit", alice);
        s.open(alice, "Login failed");
        s.awaitBot("Why #1");
        s.answer(alice, "The auth service crashed", "Why #2");
        SlackMessage oom = alice.repliesInThread(s.channel, s.root.ts(), "It ran out of memroy");
        s.awaitBot("Why #3");
        s.answer(alice, "A cache had no size limit", "Why #4");

        alice.edits(s.channel, oom.ts(), "It ran out of memory");
        s.awaitBot("Updated cause 1.1");
        assertEquals("It ran out of memory", s.outline().get(1).substring(4));

        alice.deletes(s.channel, oom.ts());
        SlackMessage confirm = s.awaitBot("Remove cause 1.1 and the cause under it from the tree?");
        assertEquals(3, s.outline().size(), "nothing removed before the confirmation");
        alice.clicks("Remove 1.1", confirm, s.channel);
        s.awaitBot("Removed cause 1.1 and the 1 cause under it");
        assertEquals(List.of("1 The auth service crashed"), s.outline());
        slack.await("the root message drops the branch", () -> !s.rootText().contains("memory"));
    }

    @Test
    void aReplyThatIsOnlyAFileIsAnAnswer() {
        Person alice = ws.user("U0ALICE57", "alice", "UTC");
        Session s = new Session("inc-whys-file", alice);
        s.open(alice, "Search was down");
        s.awaitBot("Why #1");

        SlackMessage screenshot = slack.postAsUser(alice.id(), s.channel.id(), "", s.root.ts());
        JsonObject event = ws.payloads().messageEvent(screenshot);
        event.addProperty("subtype", "file_share");
        JsonObject file = new JsonObject();
        file.addProperty("id", "F0DISKFULL");
        file.addProperty("name", "disk-full.png");
        file.addProperty("permalink", "https://files.example.com/disk-full.png");
        JsonArray files = new JsonArray();
        files.add(file);
        event.add("files", files);
        ws.deliverEvent(event);

        s.awaitBot("Why #2");
        assertTrue(s.outline().get(0).contains("disk-full.png"), "the file is the first cause: " + s.outline());
    }

    @Test
    void aReplyAnEditAndADeletionAreEachRoutedWithOneLookup() {
        Person alice = ws.user("U0ALICE58", "alice", "UTC");
        Session s = new Session("inc-whys-routed", alice);
        s.open(alice, "Payments were slow");
        s.awaitBot("Why #1");
        ThreadRoutes routes = app.bean(ThreadRoutes.class);

        long before = routes.lookups();
        SlackMessage cause = alice.repliesInThread(s.channel, s.root.ts(), "The database was overloded");
        s.awaitBot("Why #2");
        assertEquals(before + 1, routes.lookups(), "a reply is looked up once");

        before = routes.lookups();
        alice.edits(s.channel, cause.ts(), "The database was overloaded");
        s.awaitBot("Updated cause 1");
        assertEquals(before + 1, routes.lookups(), "an edit is looked up once");

        before = routes.lookups();
        alice.deletes(s.channel, cause.ts());
        s.awaitBot("Remove cause 1");
        assertEquals(before + 1, routes.lookups(), "a deletion is looked up once");
    }

    @Test
    void withoutAProblemTheImpactIsProposedAndACommandListsOpenSessions() {
        Person alice = ws.user("U0ALICE54", "alice", "UTC");
        Session s = new Session("inc-whys-list", alice);

        String ack = s.open(alice, "");
        assertTrue(ack.contains("Opened 5 Whys #1. Name the problem in its thread"), ack);
        s.awaitBot("What problem should these whys start from?");
        s.answer(alice, "Payments were declined for an hour", "Why #1");

        String list = alice.runs("/coe whys", s.channel).visibleText();
        assertTrue(list.contains("5 Whys #1"), list);
        assertTrue(list.contains("“Payments were declined for an hour” · in progress"), list);
        assertEquals(1, app.bean(WhysStore.class).ofCoe(s.coeId).size(), "listing opened nothing");

        SlackMessage card = s.channel.botMessages().get(0);
        alice.clicks("Start 5 Whys", card, s.channel);
        slack.await("a second session from the card", () -> app.bean(WhysStore.class).ofCoe(s.coeId).size() == 2);
        alice.clicks("Start 5 Whys", card, s.channel);
        var pressedTwice = s.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("already waiting for its problem"));
        assertFalse(pressedTwice.visibleText().isEmpty());
        assertEquals(2, app.bean(WhysStore.class).ofCoe(s.coeId).size(), "pressing twice opens one session");
    }

    @Test
    void aStaleButtonIsExplainedOnlyToWhoeverPressedIt() {
        Person alice = ws.user("U0ALICE55", "alice", "UTC");
        Session s = new Session("inc-whys-stale", alice);
        s.open(alice, "Emails were delayed");
        s.awaitBot("Why #1");
        SlackMessage why2 = s.answer(alice, "The queue backed up", "Why #2");
        s.answer(alice, "A consumer was stuck", "Why #3");

        alice.clicks("Root cause", why2, s.channel);

        s.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("moved past"));
        assertEquals(List.of("1 The queue backed up", "1.1 A consumer was stuck"), s.outline());
    }

    @Test
    void slashWhysOutsideACoeSaysHowToStartOne() {
        Person alice = ws.user("U0ALICE56", "alice", "UTC");
        Channel quiet = ws.channel("inc-whys-none");

        String answer = alice.runs("/coe whys Something broke", quiet).visibleText();

        assertTrue(answer.contains("There is no COE in this channel"), answer);
        assertTrue(quiet.messages().isEmpty());
    }
}
