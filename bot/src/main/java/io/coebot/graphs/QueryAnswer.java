package io.coebot.graphs;

import java.util.List;

/** What a range query gave: series to draw, or why there is nothing to draw, in words for whoever asked. */
sealed interface QueryAnswer {
    record Data(List<Series> series) implements QueryAnswer {
        public Data {
            series = List.copyOf(series);
        }
    }

    /** @param reason Slack mrkdwn (the server's own words escaped), shown to the person and nowhere stored */
    record Refused(String reason) implements QueryAnswer {}
}
