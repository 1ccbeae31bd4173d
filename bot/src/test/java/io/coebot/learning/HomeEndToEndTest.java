package io.coebot.learning;

import io.coebot.actions.ActionItems;
import io.coebot.coe.Coes;
import io.coebot.sandbox.slack.SlackView;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Home tab as a person sees it with no COE in the workspace, with one (theirs, with an item), and with 300: always
 * within Slack's 100 blocks a view, paged with *More*, never showing a private channel's COE to someone outside it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HomeEndToEndTest extends EndToEnd {

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.home.refresh-every", "1s");
    }

    private SlackView home(Person who, String fragment) {
        return slack.awaitValue("the Home of " + who.name() + " shows " + fragment, () -> who.views().stream()
                .filter(v -> "home".equals(v.type()) && v.visibleText().contains(fragment)).findFirst().orElse(null));
    }

    @Test
    @Order(1)
    void withNoCoeTheHomeSaysSo() {
        Person erin = ws.user("U0ERIN021", "erin", "Europe/Paris");
        erin.opensAppHome();
        SlackView home = home(erin, "Your COE work");
        String text = home.visibleText();
        assertTrue(text.contains("You have no open action items"), text);
        assertTrue(text.contains("No open COEs"), text);
        assertTrue(text.contains("No COE has been published yet"), text);
    }

    @Test
    @Order(2)
    void withOneCoeItsOwnerSeesTheirItemAndTheirCoeAndDoneFromTheHomeTakesTheItemOff() {
        Person alice = ws.user("U0ALICE22", "alice", "Europe/Berlin");
        Person bob = ws.user("U0BOB0022", "bob", "America/New_York");
        Channel incident = ws.channel("inc-home-one");
        alice.runs("/coe start Home one", incident);
        incident.awaitMessageFromBot(m -> m.visibleText().contains("Home one"));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), incident.id()).orElseThrow().id();
        String due = LocalDate.now().plusDays(10).toString();
        alice.runs("/coe action Alarm on the pool saturation <@" + alice.id() + "> due " + due, incident);
        slack.await("the item is stored", () -> app.bean(ActionItems.class).ofCoe(coeId).size() == 1);

        alice.opensAppHome();
        SlackView home = home(alice, "Alarm on the pool saturation");
        String text = home.visibleText();
        assertTrue(text.contains("COE-") && text.contains("Home one") && text.contains("yours to finish"), text);
        assertTrue(text.contains("Drafting"), text);
        assertTrue(home.buttons().stream().anyMatch(b -> b.label().equals("Done")), text);

        bob.opensAppHome();
        String bobs = home(bob, "Your COE work").visibleText();
        assertTrue(bobs.contains("Home one") && bobs.contains("You have no open action items"), "the workspace's open COEs: " + bobs);

        alice.clicks("Done", home);
        slack.await("the Home is redrawn without the item", () -> alice.views().stream()
                .anyMatch(v -> "home".equals(v.type()) && !v.visibleText().contains("Alarm on the pool saturation")
                        && v.visibleText().contains("Home one")));
    }

    @Test
    @Order(3)
    void withThreeHundredCoesTheHomeStaysWithinLimitsAndPages() {
        Person chen = ws.user("U0CHEN023", "chen", "Asia/Tokyo");
        Person dana = ws.user("U0DANA023", "dana", "Asia/Tokyo");
        Channel secret = ws.privateChannel("inc-home-secret");
        slack.addMember(secret.id(), dana.id());
        String team = slack.teamId();
        List<Corpus.Seed> seeds = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 300; i++) {
            seeds.add(new Corpus.Seed(team, ws.channel("inc-home-" + i).id(), "Home load " + i, chen.id(), i % 2 == 0,
                    t.plusSeconds(3600L * i), "SEV3", "svc", null, null, null, null, null, null, List.of()));
        }
        // the most recently active open COE of all, in a channel chen is not in
        seeds.add(new Corpus.Seed(team, secret.id(), "Secret home incident", dana.id(), false, t.plusSeconds(3600L * 400),
                "SEV1", "ledger", null, null, null, null, null, null, List.of()));
        Corpus.insert(app, seeds);

        chen.opensAppHome();
        SlackView home = home(chen, "Home load 299");
        assertTrue(home.blocks().size() <= 100, "blocks: " + home.blocks().size());
        String text = home.visibleText();
        assertFalse(text.contains("Secret home incident"), "a private channel's COE only for its members: " + text);
        assertFalse(text.contains("Home load 151"), "a page, not everything: " + text);
        assertFalse(text.contains("First page"), text);

        chen.clicks("More", home);
        SlackView next = home(chen, "Home load 275");
        assertTrue(next.blocks().size() <= 100);
        assertFalse(next.visibleText().contains("Home load 299"), "the next page: " + next.visibleText());
        assertTrue(next.visibleText().contains("First page"), next.visibleText());

        dana.opensAppHome();
        assertTrue(home(dana, "Secret home incident").blocks().size() <= 100);
    }

}
