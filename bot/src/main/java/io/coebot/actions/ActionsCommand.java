package io.coebot.actions;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.ChannelAccess;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.EchoedText;
import io.coebot.slack.UserZones;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * `/coe actions`: this channel's COE items, with their buttons and the 5 Whys drafts still to complete.
 * `/coe actions mine`: my open items across COEs, leaving out those of private channels I am not in.
 */
@Singleton
class ActionsCommand implements CoeSubcommand {
    /** Room for the header, the drafts and the footer within Slack's 50 blocks. */
    private static final int MAX_BLOCKS = 48;

    private final ActionStore store;
    private final Coes coes;
    private final UserZones zones;
    private final RemediationDrafts drafts;
    private final ChannelAccess access;

    private final Clock clock;

    public ActionsCommand(ActionStore store, Coes coes, UserZones zones, RemediationDrafts drafts, ChannelAccess access,
                          Clock clock) {
        this.store = store;
        this.clock = clock;
        this.coes = coes;
        this.zones = zones;
        this.drafts = drafts;
        this.access = access;
    }

    @Override public String name() { return "actions"; }
    @Override public String usage() { return "/coe actions [mine]"; }
    @Override public String description() { return "List this COE's action items, or with `mine` your open items across COEs"; }
    @Override public int helpOrder() { return 41; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zones.zoneOf(p.getTeamId(), p.getUserId()));
        if (args.equalsIgnoreCase("mine")) {
            return ctx.ack(mine(p.getTeamId(), p.getUserId(), today));
        }
        if (!args.isBlank()) {
            return ctx.ack("`/coe actions` lists this COE's items; `/coe actions mine` lists yours. To add one: `"
                    + ActionCommandParser.USAGE + "`.");
        }
        Optional<Coe> coe = coes.latestIn(p.getTeamId(), p.getChannelId());
        if (coe.isEmpty()) {
            return ctx.ack(Coe.noneInChannel("or use `/coe actions mine` for your items across COEs."));
        }
        return ctx.ack(ofCoe(coe.get(), today));
    }

    /** The list again, led by a short confirmation: it replaces the list an item was just added from. */
    List<LayoutBlock> afterAdding(Coe coe, ActionItem item, LocalDate today) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(markdownText(added(item))))));
        blocks.addAll(ofCoe(coe, today));
        return blocks;
    }

    static String added(ActionItem item) {
        return "✅ Added *" + ActionMessages.clip(EchoedText.mrkdwn(item.text())) + "* for <@" + item.owner() + ">.";
    }

    private List<LayoutBlock> ofCoe(Coe coe, LocalDate today) {
        List<ActionItem> items = store.ofCoe(coe.id());
        long open = items.stream().filter(ActionItem::isOpen).count();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Action items · " + coe.label()))));
        if (items.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("No action items yet."))));
        } else {
            blocks.add(context(c -> c.elements(List.of(markdownText(open + " open, " + (items.size() - open) + " closed")))));
        }
        int shown = 0;
        for (ActionItem item : items) {
            List<LayoutBlock> more = ActionMessages.itemBlocks(item, today, true);
            if (blocks.size() + more.size() > MAX_BLOCKS - 6) {
                break;
            }
            blocks.addAll(more);
            shown++;
        }
        if (shown < items.size()) {
            int rest = items.size() - shown;
            blocks.add(context(c -> c.elements(List.of(markdownText("…and " + rest + " more, not shown here: a Slack message holds only so many.")))));
        }
        for (RemediationDrafts.Draft d : drafts.open(coe.id(), items)) {
            if (blocks.size() >= MAX_BLOCKS - 1) {
                break;
            }
            String text = "_Draft from " + d.session() + ", root cause " + d.causeLabel() + ":_ " + EchoedText.mrkdwn(d.text());
            blocks.add(section(s -> s.text(markdownText(ActionMessages.clip(text)))
                    .accessory(button(b -> b.actionId(ActionMessages.ADD).text(plainText("Complete"))
                            .value(coe.id() + "|" + d.ref())))));
        }
        blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(ActionMessages.ADD).text(plainText("Add action item"))
                .style("primary").value(String.valueOf(coe.id())))))));
        return blocks;
    }

    private List<LayoutBlock> mine(String teamId, String userId, LocalDate today) {
        List<ActionItem> items = store.openOwnedBy(teamId, userId);
        Map<String, Boolean> visible = new HashMap<>();
        List<ActionItem> shown = new ArrayList<>();
        int hidden = 0;
        for (ActionItem item : items) {
            if (visible.computeIfAbsent(item.channelId(), ch -> access.canSee(teamId, ch, userId))) {
                shown.add(item);
            } else {
                hidden++;
            }
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Your open action items"))));
        if (shown.isEmpty() && hidden == 0) {
            blocks.add(section(s -> s.text(markdownText("You have no open action items. 🎉"))));
        }
        for (ActionItem item : shown) {
            List<LayoutBlock> more = ActionMessages.itemBlocks(item, today, true);
            if (blocks.size() + more.size() > MAX_BLOCKS) {
                break;
            }
            blocks.addAll(more);
        }
        if (hidden > 0) {
            int n = hidden;
            blocks.add(context(c -> c.elements(List.of(markdownText(n + " more item" + (n == 1 ? " is" : "s are")
                    + " in a private channel you are not in, so I can't show " + (n == 1 ? "it" : "them")
                    + " here. Ask to join the channel, or ask its COE owner.")))));
        }
        return blocks;
    }
}
