package io.coebot.learning;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionItems;
import io.coebot.actions.CoeReminder;
import io.coebot.actions.CoeReminders;
import io.coebot.slack.ChannelAccess;
import io.coebot.slack.SlackGateway;
import io.coebot.slack.UserZones;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Draws a person's Home and publishes it: when they open it, when they page it, and when something it shows changed
 * (a job compares a digest of the rows it is drawn from, every {@code COE_HOME_REFRESH_EVERY}, for the people who
 * opened their Home in the last {@code COE_HOME_KEEP_DAYS} days).
 *
 * <p>views.publish is called directly, not through the outbox: a Home is one person's view, drawn whole each time, so
 * the newest drawing is the only one worth sending and one that failed is simply drawn again by the next refresh.
 */
@Singleton
class HomeService {
    private static final Logger LOG = LoggerFactory.getLogger(HomeService.class);

    private final HomeStore store;
    private final ActionItems items;
    private final CoeReminders reminders;
    private final ChannelAccess access;
    private final SlackGateway slack;
    private final UserZones zones;
    private final Duration keep;
    private final Clock clock;

    public HomeService(HomeStore store, ActionItems items, CoeReminders reminders, ChannelAccess access, SlackGateway slack,
                       UserZones zones, @Value("${coe.home.keep-days:7}") int keepDays, Clock clock) {
        this.store = store;
        this.items = items;
        this.reminders = reminders;
        this.access = access;
        this.slack = slack;
        this.zones = zones;
        this.keep = Duration.ofDays(keepDays);
        this.clock = clock;
    }

    /** The person opened their Home. */
    void opened(String teamId, String userId) {
        store.opened(teamId, userId, clock.instant());
        draw(teamId, userId, HomeView.Pages.FIRST);
    }

    boolean hasOpened(String teamId, String userId) {
        return store.hasOpened(teamId, userId);
    }

    /** Draws and publishes the Home at these pages. */
    void draw(String teamId, String userId, HomeView.Pages pages) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zones.zoneOf(teamId, userId));
        String fingerprint = store.fingerprint(teamId, userId) + "|" + today;
        List<LayoutBlock> blocks = HomeView.blocks(data(teamId, userId, today, pages));
        View view = View.builder().type("home").blocks(blocks).build();
        try {
            var r = slack.methods(teamId).viewsPublish(b -> b.userId(userId).view(view));
            if (r.isOk()) {
                store.drawn(teamId, userId, fingerprint);
            } else {
                LOG.info("views.publish refused: {}", r.getError());
            }
        } catch (Exception e) {
            LOG.info("views.publish failed: {}", e.getClass().getSimpleName());
        }
    }

    @Scheduled(fixedDelay = "${coe.home.refresh-every:30s}", initialDelay = "${coe.home.refresh-every:30s}")
    void scheduled() {
        try {
            refreshAt(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("The Home refresh failed and will run again: {}", e.getClass().getSimpleName());
        }
    }

    /** Redraws the Homes whose digest changed; @return how many. */
    public int refreshAt(Instant now) {
        int drawn = 0;
        for (HomeStore.Viewer v : store.viewersSince(now.minus(keep))) {
            LocalDate today = LocalDate.ofInstant(now, zones.zoneOf(v.teamId(), v.userId()));
            if (!(store.fingerprint(v.teamId(), v.userId()) + "|" + today).equals(v.fingerprint())) {
                draw(v.teamId(), v.userId(), HomeView.Pages.FIRST);
                drawn++;
            }
        }
        return drawn;
    }

    HomeView.Data data(String teamId, String userId, LocalDate today, HomeView.Pages pages) {
        ChannelVisibility visible = new ChannelVisibility(access, teamId, userId);
        List<ActionItem> open = new ArrayList<>(items.openOwnedBy(teamId, userId));
        // overdue first: the soonest due date first puts the most overdue on top
        open.sort(Comparator.comparing(ActionItem::due).thenComparingLong(ActionItem::id));
        VisiblePage<ActionItem> itemPage = page((offset, limit) -> slice(open, offset, limit),
                ActionItem::channelId, visible, pages.items(), HomeView.ITEMS);

        List<CoeReminder> mine = reminders.of(teamId).stream().filter(r -> r.person().equals(userId))
                .sorted(CoeReminder.IN_DIGEST_ORDER).toList();
        Map<Long, HomeCoe> coes = store.byIds(teamId, mine.stream().map(CoeReminder::coeId).toList());
        List<HomeCoe> myCoes = new ArrayList<>();
        for (CoeReminder r : mine) {
            HomeCoe c = coes.get(r.coeId());
            if (c != null && visible.canSee(c.channelId())) {
                myCoes.add(new HomeCoe(c.coeId(), c.number(), c.title(), c.channelId(), c.cardTs(), c.status(), c.activeAt(),
                        r.due(), r.kind() == CoeReminder.Kind.REVIEW ? "review" : "own"));
            }
        }
        VisiblePage<HomeCoe> openPage = page((offset, limit) -> store.open(teamId, offset, limit), HomeCoe::channelId,
                visible, pages.open(), HomeView.OPEN);
        VisiblePage<HomeCoe> publishedPage = page((offset, limit) -> store.published(teamId, offset, limit),
                HomeCoe::channelId, visible, pages.published(), HomeView.PUBLISHED);
        return new HomeView.Data(itemPage, myCoes, openPage, publishedPage, today, pages);
    }

    private static <T> VisiblePage<T> page(BiFunction<Integer, Integer, List<T>> source, java.util.function.Function<T, String> channel,
                                           ChannelVisibility visible, int from, int size) {
        return VisiblePage.read(source, channel, visible, from, size, size * 2);
    }

    private static <T> List<T> slice(List<T> all, int offset, int limit) {
        return offset >= all.size() ? List.of() : all.subList(offset, Math.min(all.size(), offset + limit));
    }
}
