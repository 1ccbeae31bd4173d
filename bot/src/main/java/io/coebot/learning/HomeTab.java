package io.coebot.learning;

import com.slack.api.model.event.AppHomeOpenedEvent;
import io.coebot.slack.Interaction;
import io.coebot.slack.MalformedInteraction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackRegistry;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/**
 * The app's Home tab, per person: drawn after the ack (it asks Slack who may see which channel, which must not hold
 * up Slack's 3 seconds), and paged with *More*.
 */
@Singleton
class HomeTab implements SlackFeature {
    private static final Logger LOG = LoggerFactory.getLogger(HomeTab.class);

    private final HomeService home;
    private final ExecutorService background;

    HomeTab(HomeService home, @Named(TaskExecutors.IO) ExecutorService background) {
        this.home = home;
        this.background = background;
    }

    @Override
    public void register(SlackRegistry registry) {
        registry.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            String team = payload.getTeamId();
            if ("home".equals(e.getTab()) && team != null && e.getUser() != null) {
                later(() -> home.opened(team, e.getUser()));
            }
            return ctx.ack();
        });
        registry.blockAction(Pattern.compile("^" + Pattern.quote(HomeView.MORE) + "(_first)?$"), (req, ctx) -> {
            Interaction in = Interaction.of(req);
            var f = in.fields();
            HomeView.Pages pages = new HomeView.Pages(offset(f.word("items")), offset(f.word("open")), offset(f.word("published")));
            // a press from a workspace (or person) whose Home the bot never drew is not one of its buttons
            if (home.hasOpened(in.teamId(), in.userId())) {
                later(() -> home.draw(in.teamId(), in.userId(), pages));
            }
            return ctx.ack();
        });
    }

    private void later(Runnable r) {
        background.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException ex) {
                LOG.warn("Could not draw a Home: {}", ex.getClass().getSimpleName());
            }
        });
    }

    private static int offset(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n < 0 || n > 1_000_000) {
                throw new MalformedInteraction("offset out of range");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new MalformedInteraction("not an offset");
        }
    }
}
