package io.coebot.learning;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import io.coebot.slack.ChannelAccess;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.Interaction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/** `/coe search <words> [filters]`: the workspace's COEs, published and open, best match first, only to the asker. */
@Singleton
class SearchCommand implements CoeSubcommand, SlackFeature {
    private static final Logger LOG = LoggerFactory.getLogger(SearchCommand.class);

    private final CoeSearch search;
    private final ChannelAccess access;

    SearchCommand(CoeSearch search, ChannelAccess access) {
        this.search = search;
        this.access = access;
    }

    @Override public String name() { return "search"; }
    @Override public String usage() { return "/coe search <words> [severity:SEV1] [service:…] [after:YYYY-MM-DD] [owner:@name]"; }
    @Override public String description() { return "Find COEs, published or open, by what they say (a root cause, a service, a lesson)"; }
    @Override public int helpOrder() { return 90; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        return ctx.ack(answer(p.getTeamId(), p.getUserId(), p.getTeamDomain(), args, 0));
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.blockAction(SearchView.MORE, (req, ctx) -> {
            Interaction in = Interaction.of(req);
            var fields = in.fields();
            String text = fields.word("q");
            int at = parseOffset(fields.word("at"));
            String domain = fields.optionalWord("domain");
            List<LayoutBlock> blocks = answer(in.teamId(), in.userId(), domain, text, at);
            try {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(in.ephemeralResponseUrl() != null).blocks(blocks));
            } catch (IOException e) {
                LOG.info("Could not show more search results: {}", e.getClass().getSimpleName());
            }
            return ctx.ack();
        });
    }

    private static int parseOffset(String s) {
        try {
            int at = Integer.parseInt(s);
            if (at < 0 || at > 100_000) {
                throw new io.coebot.slack.MalformedInteraction("offset out of range");
            }
            return at;
        } catch (NumberFormatException e) {
            throw new io.coebot.slack.MalformedInteraction("not an offset");
        }
    }

    private List<LayoutBlock> answer(String teamId, String userId, String teamDomain, String text, int from) {
        SearchQuery q = SearchQuery.parse(text);
        if (q.problem() != null) {
            return SearchView.said(q.problem() + " Usage: " + SearchQuery.USAGE);
        }
        if (q.isEmpty()) {
            return SearchView.said("What should I look for? " + SearchQuery.USAGE
                    + ". For example `/coe search connection pool service:checkout`.");
        }
        if (q.hasWords() && !search.hasTerms(q.words())) {
            return SearchView.said("Those words are too common to search for. Try a word that would be in the COE, "
                    + "such as a service, an error or a cause.");
        }
        ChannelVisibility visibility = new ChannelVisibility(access, teamId, userId);
        VisiblePage<SearchHit> results = VisiblePage.read((offset, limit) -> search.find(teamId, q, offset, limit),
                SearchHit::channelId, visibility, from, SearchView.PAGE, SearchView.BATCH);
        if (q.hasWords()) {
            results = new VisiblePage<>(search.withSnippets(teamId, q.words(), results.shown()), results.next());
        }
        return SearchView.page(text, teamDomain, results, from);
    }
}
