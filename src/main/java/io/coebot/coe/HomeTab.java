package io.coebot.coe;

import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import io.coebot.slack.CoeCommandRouter;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackGateway;
import io.coebot.slack.SlackRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/** The app's Home tab: what coe-bot does and how to start, for someone who just installed it. */
@Singleton
public class HomeTab implements SlackFeature {
    private static final Logger LOG = LoggerFactory.getLogger(HomeTab.class);

    private final SlackGateway slack;
    private final CoeCommandRouter router;

    public HomeTab(SlackGateway slack, CoeCommandRouter router) {
        this.slack = slack;
        this.router = router;
    }

    @Override
    public void register(SlackRegistry registry) {
        registry.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if (!"home".equals(e.getTab())) {
                return ctx.ack();
            }
            View view = View.builder().type("home").blocks(List.of(
                    header(h -> h.text(plainText("Correction of Error, in Slack"))),
                    section(s -> s.text(markdownText(router.help(
                            "Right after an incident, run `/coe start [title]` in its channel. I'll post a COE card and "
                                    + "interview the team in its thread, one question at a time."))))
            )).build();
            try {
                var r = slack.methods().viewsPublish(b -> b.userId(e.getUser()).view(view));
                if (!r.isOk()) {
                    LOG.info("views.publish refused: {}", r.getError());
                }
            } catch (Exception ex) {
                LOG.info("views.publish failed: {}", ex.toString());
            }
            return ctx.ack();
        });
    }
}
