package io.coebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EchoedTextTest {

    static Stream<Arguments> echoes() {
        return Stream.of(
                // broadcasts, bare and labelled, become the words Slack shows for them
                Arguments.of("<!channel> look", "@channel look"),
                Arguments.of("<!here>", "@here"),
                Arguments.of("<!everyone>", "@everyone"),
                Arguments.of("<!channel|@channel>", "@channel"),
                Arguments.of("<!here|here>", "@here"),
                Arguments.of("<!everyone|everyone>", "@everyone"),
                Arguments.of("<!group>", "@group"),
                // user groups
                Arguments.of("ping <!subteam^S1|@oncall> now", "ping @oncall now"),
                Arguments.of("<!subteam^S0123ABC>", "@group"),
                Arguments.of("<!subteam^S1|oncall>", "@oncall"),
                // a date token can carry a link: only its fallback text is shown
                Arguments.of("<!date^1392734382^{date}^https://evil.example|Feb 18>", "Feb 18"),
                // links: the visible words are the real address
                Arguments.of("<https://evil.example|click>", "<https://evil.example> (click)"),
                Arguments.of("see <https://evil.example/a?b=1&amp;c=2|the dashboard>!",
                        "see <https://evil.example/a?b=1&amp;c=2> (the dashboard)!"),
                Arguments.of("<https://evil.example|https://good.example>", "<https://evil.example> (https://good.example)"),
                Arguments.of("<https://example.com>", "<https://example.com>"),
                Arguments.of("<https://example.com|https://example.com>", "<https://example.com>"),
                Arguments.of("<http://example.com|example.com>", "<http://example.com|example.com>"),
                Arguments.of("<https://example.com/|example.com>", "<https://example.com/|example.com>"),
                Arguments.of("<mailto:ops@example.com|ops@example.com>", "<mailto:ops@example.com|ops@example.com>"),
                Arguments.of("<mailto:evil@example.com|ops@example.com>", "<mailto:evil@example.com> (ops@example.com)"),
                Arguments.of("<mailto:ops@example.com>", "<mailto:ops@example.com>"),
                // only http(s) and mailto stay links
                Arguments.of("<javascript:alert(1)|click>", "javascript:alert(1) (click)"),
                Arguments.of("<ftp://files.example>", "ftp://files.example"),
                // one person, or a channel link, stay live
                Arguments.of("thanks <@U0ALICE81>", "thanks <@U0ALICE81>"),
                Arguments.of("<@U0ALICE81|alice>", "<@U0ALICE81|alice>"),
                Arguments.of("<@W0ENTERPR1>", "<@W0ENTERPR1>"),
                Arguments.of("in <#C0INCIDENT|inc-42>", "in <#C0INCIDENT|inc-42>"),
                // Slack's escapes are kept: they are how "&", "<" and ">" typed by people are shown
                Arguments.of("p99 &lt; 2s &amp;&amp; &gt; 1s", "p99 &lt; 2s &amp;&amp; &gt; 1s"),
                Arguments.of("&lt;!channel&gt;", "&lt;!channel&gt;"),
                // several in one text, and nothing special at all
                Arguments.of("<!here> <https://a.example|a> <@U1> <!subteam^S2|@sre>",
                        "@here <https://a.example> (a) <@U1> @sre"),
                Arguments.of("", ""),
                Arguments.of("no markup *bold* _it_", "no markup *bold* _it_"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("echoes")
    void echoedTextNeverBroadcastsAndShowsWhereLinksGo(String stored, String shown) {
        assertEquals(shown, EchoedText.mrkdwn(stored));
    }

    @Test
    void nothingIsAStringOfNothing() {
        assertEquals("", EchoedText.mrkdwn(null));
        assertEquals("", EchoedText.typed(null));
    }

    @Test
    void typedTextIsEscapedSoItCanNeverBecomeMarkup() {
        assertEquals("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;",
                EchoedText.typed("<!channel> & <https://evil.example|click>"));
        assertEquals("&lt;!channel&gt;", EchoedText.mrkdwn(EchoedText.typed("<!channel>")));
    }
}
