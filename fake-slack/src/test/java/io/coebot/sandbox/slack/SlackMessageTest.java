package io.coebot.sandbox.slack;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** visibleText() and buttons(): what a person reads and can click. */
class SlackMessageTest {

    private static SlackMessage message(String json) {
        return new SlackMessage("C0001", Json.parseObject(json));
    }

    @Test
    void textIsWhatYouSeeWhenThereAreNoBlocks() {
        SlackMessage m = message("{\"type\":\"message\",\"ts\":\"1763680000.000100\",\"user\":\"U1\",\"text\":\"hello *there*\"}");

        assertEquals("hello *there*", m.visibleText());
        assertFalse(m.isFromBot());
        assertTrue(m.buttons().isEmpty());
        assertNull(m.blocks());
    }

    @Test
    void blocksReplaceTheFallbackText() {
        SlackMessage m = message("""
                {"type":"message","ts":"1763680000.000100","bot_id":"B1","user":"U0BOT","text":"notification fallback only",
                 "blocks":[
                  {"type":"header","block_id":"h","text":{"type":"plain_text","text":"COE-1: Database outage"}},
                  {"type":"section","block_id":"s","text":{"type":"mrkdwn","text":"*Status:* interviewing"},
                   "fields":[{"type":"mrkdwn","text":"*Owner*\\n<@U1>"},{"type":"plain_text","text":"Timeline 3/5"}],
                   "accessory":{"type":"button","action_id":"coe_open","text":{"type":"plain_text","text":"Open"},"value":"COE-1"}},
                  {"type":"divider"},
                  {"type":"context","elements":[{"type":"image","image_url":"x","alt_text":"icon"},
                                                {"type":"mrkdwn","text":"Started by <@U1>"},{"type":"plain_text","text":"UTC"}]},
                  {"type":"rich_text","elements":[
                     {"type":"rich_text_section","elements":[{"type":"text","text":"Why? "},{"type":"emoji","name":"thinking_face"},
                                                             {"type":"link","url":"https://grafana/x","text":"dashboard"}]},
                     {"type":"rich_text_list","style":"ordered","elements":[
                        {"type":"rich_text_section","elements":[{"type":"text","text":"first cause"}]},
                        {"type":"rich_text_section","elements":[{"type":"user","user_id":"U2"},{"type":"text","text":" owns it"}]}]},
                     {"type":"rich_text_preformatted","elements":[{"type":"text","text":"line 1\\nline 2"}]}]},
                  {"type":"actions","block_id":"a","elements":[
                     {"type":"button","action_id":"interview_skip","text":{"type":"plain_text","text":"Skip"},"value":"q3"},
                     {"type":"button","action_id":"interview_pause","text":{"type":"plain_text","text":"Pause"}},
                     {"type":"static_select","action_id":"priority","placeholder":{"type":"plain_text","text":"Priority"},
                      "options":[{"text":{"type":"plain_text","text":"P1 – urgent"},"value":"p1"},
                                 {"text":{"type":"plain_text","text":"P2"},"value":"p2"}]},
                     {"type":"datepicker","action_id":"due","initial_date":"2025-12-01","placeholder":{"type":"plain_text","text":"Due"}}]}
                 ]}""");

        assertEquals(String.join("\n",
                "COE-1: Database outage",
                "*Status:* interviewing", "*Owner*\n<@U1>", "Timeline 3/5", "Open",
                "Started by <@U1> UTC",
                "Why? :thinking_face:dashboard",
                "1. first cause", "2. <@U2> owns it",
                "line 1", "line 2",
                "Skip", "Pause", "Priority", "P1 – urgent", "P2", "2025-12-01"), m.visibleText());
        assertFalse(m.visibleText().contains("notification fallback only"));
        assertTrue(m.isFromBot());
    }

    @Test
    void buttonsAreListedInReadingOrderWithTheirBlock() {
        SlackMessage m = message("""
                {"ts":"1763680000.000100","text":"","blocks":[
                  {"type":"section","block_id":"s1","text":{"type":"mrkdwn","text":"Q1"},
                   "accessory":{"type":"button","action_id":"open","text":{"type":"plain_text","text":"Open"},"value":"v0"}},
                  {"type":"actions","block_id":"a1","elements":[
                     {"type":"button","action_id":"done","text":{"type":"plain_text","text":"Done"},"value":"AI-7"},
                     {"type":"overflow","action_id":"more","options":[{"text":{"type":"plain_text","text":"Snooze"},"value":"s"}]},
                     {"type":"button","action_id":"change_date","text":{"type":"plain_text","text":"Change date"}}]}]}""");

        assertEquals(List.of(new Button("open", "v0", "Open", "s1"), new Button("done", "AI-7", "Done", "a1"),
                new Button("change_date", null, "Change date", "a1")), m.buttons());
        assertEquals("done", m.button("Done").actionId());
        assertEquals("change_date", m.button("change_date").actionId());
        assertEquals("done", m.button("AI-7").actionId(), "a value also finds a button");
        AssertionError e = assertThrows(AssertionError.class, () -> m.button("Snooze"));
        assertTrue(e.getMessage().contains("Done"), e.getMessage());
        assertEquals("overflow", Json.str(m.element("more"), "type"));
    }

    @Test
    void multiSelectsShowPlaceholderSelectionAndOptionGroups() {
        SlackMessage m = message("""
                {"ts":"1763680000.000100","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"Impact"},
                  "accessory":{"type":"multi_static_select","action_id":"nfr","placeholder":{"type":"plain_text","text":"Which NFRs?"},
                   "initial_options":[{"text":{"type":"plain_text","text":"Reliability"},"value":"rel"}],
                   "option_groups":[{"label":{"type":"plain_text","text":"CIA"},
                     "options":[{"text":{"type":"plain_text","text":"Security"},"value":"sec"}]}]}}]}""");

        assertEquals("Impact\nWhich NFRs?\nReliability\nCIA\nSecurity", m.visibleText());
    }

    @Test
    void threadFlagsAndEditsComeFromTheSlackFields() {
        SlackMessage reply = message("{\"ts\":\"1763680000.000200\",\"thread_ts\":\"1763680000.000100\",\"user\":\"U1\",\"text\":\"a\","
                + "\"edited\":{\"user\":\"U1\",\"ts\":\"1763680001.000000\"}}");
        SlackMessage parent = message("{\"ts\":\"1763680000.000100\",\"thread_ts\":\"1763680000.000100\",\"reply_count\":1,\"text\":\"p\"}");

        assertTrue(reply.isReply());
        assertTrue(reply.isEdited());
        assertFalse(parent.isReply());
        assertEquals(1, parent.replyCount());
        assertEquals("1763680000.000100", parent.threadTs());
    }

    @Test
    void attachmentsAreShownAfterTheText() {
        SlackMessage m = message("""
                {"ts":"1763680000.000100","text":"Digest","attachments":[{"color":"#f00","title":"AI-3 overdue",
                  "text":"Add alarm on p99","fields":[{"title":"Owner","value":"<@U1>","short":true}]}]}""");

        assertEquals("Digest\nAI-3 overdue\nAdd alarm on p99\nOwner\n<@U1>", m.visibleText());
    }
}
