package io.coebot.copies;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.canvases.sections.CanvasesSectionsLookupRequest;
import com.slack.api.model.canvas.CanvasDocumentChange;
import com.slack.api.model.canvas.CanvasDocumentContent;
import io.coebot.publish.CoeDocument;
import io.coebot.publish.MarkdownRendering;
import io.coebot.slack.SlackGateway;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole COE as a Slack canvas, from the same Markdown as the file: the channel's canvas when the channel has none
 * yet ({@code conversations.canvases.create}), otherwise a standalone canvas shared to the channel
 * ({@code canvases.create}, {@code canvases.access.set}); publishing again replaces its content
 * ({@code canvases.edit}). Where Slack refuses canvases (the plan, a permission, an error) the COE is published all
 * the same and the one message says why.
 */
@Singleton
class ChannelCanvas implements CopyTarget {
    /** Errors that mean "no channel canvas for you here", where a standalone canvas may still be allowed. */
    private static final Set<String> NO_CHANNEL_CANVAS = Set.of("channel_canvas_already_exists",
            "team_tier_cannot_create_channel_canvases", "free_team_canvas_tab_already_exists",
            "channel_canvas_creation_failed", "canvas_tab_creation_failed");

    private final SlackGateway slack;
    private final boolean enabled;
    private final Clock clock;

    ChannelCanvas(SlackGateway slack, @Value("${coe.canvas.enabled:true}") boolean enabled, Clock clock) {
        this.slack = slack;
        this.enabled = enabled;
        this.clock = clock;
    }

    @Override public String name() { return "canvas"; }
    @Override public String title() { return "Canvas"; }
    @Override public String linkLabel() { return "the canvas"; }

    @Override
    public boolean configured() {
        return enabled;
    }

    /**
     * The Markdown file's text, with its images named instead of linked (a canvas cannot show a picture from the
     * repository's folder; they are in the one message's thread), and a last line that says where it comes from: the
     * marker by which a canvas whose creation was never answered is recognised.
     */
    @Override
    public String render(CoeDocument doc) {
        String md = MarkdownRendering.render(doc).replaceAll("(?m)^!\\[([^\\]]*)\\]\\([^)]*\\)$",
                "_Image: $1 (in the thread of the COE's message in the channel)._");
        return md.stripTrailing() + "\n\n---\n" + marker(doc.coe().label()) + "\n";
    }

    private static String marker(String label) {
        return "_Written by coe-bot from " + label + "; publishing the COE again replaces this canvas._";
    }

    @Override
    public Written write(CopyJob job) throws CopyFailure {
        MethodsClient api;
        try {
            api = slack.methods(job.teamId());
        } catch (io.coebot.slack.NotInstalled e) {
            // retried slowly, as any refusal: a reinstall brings the canvas back
            throw new CopyFailure(CopyFailure.Kind.REFUSED, "coe-bot is no longer installed in this workspace.", null);
        }
        CanvasDocumentContent content = CanvasDocumentContent.builder().type("markdown").markdown(job.body()).build();
        String title = job.label() + ": " + job.title();
        try {
            if (job.remoteId() != null) {
                var edited = api.canvasesEdit(r -> r.canvasId(job.remoteId())
                        .changes(List.of(CanvasDocumentChange.builder().operation("replace").documentContent(content).build())));
                if (edited.isOk()) {
                    return written(job, job.remoteId());
                }
                if (!"canvas_not_found".equals(edited.getError())) {
                    throw refused(edited);
                }
                // someone deleted it: make it again
            }
            var info = api.conversationsInfo(r -> r.channel(job.channelId()));
            if (!info.isOk()) {
                throw refused(info);
            }
            String channelCanvas = info.getChannel().getProperties() == null || info.getChannel().getProperties().getCanvas() == null
                    ? null : info.getChannel().getProperties().getCanvas().getFileId();
            if (channelCanvas != null && job.maybeCreated() && ours(api, channelCanvas, job)) {
                // the last create was never answered, but Slack made it
                return edit(api, channelCanvas, content, job);
            }
            if (channelCanvas == null) {
                var created = api.conversationsCanvasesCreate(r -> r.channelId(job.channelId()).title(title).documentContent(content));
                if (created.isOk()) {
                    return written(job, created.getCanvasId());
                }
                if (!NO_CHANNEL_CANVAS.contains(created.getError())) {
                    throw refused(created);
                }
            }
            var created = api.canvasesCreate(r -> r.title(title).documentContent(content));
            if (!created.isOk()) {
                throw refused(created);
            }
            var shared = api.canvasesAccessSet(r -> r.canvasId(created.getCanvasId()).accessLevel("read")
                    .channelIds(List.of(job.channelId())));
            if (!shared.isOk()) {
                throw refused(shared);
            }
            return written(job, created.getCanvasId());
        } catch (SlackApiException e) {
            throw http(e);
        } catch (InterruptedIOException e) {
            throw new CopyFailure(CopyFailure.Kind.TIMEOUT, "Slack did not answer in time.", null);
        } catch (IOException e) {
            throw new CopyFailure(CopyFailure.Kind.DOWN, "Slack could not be reached.", null);
        }
    }

    private Written edit(MethodsClient api, String id, CanvasDocumentContent content, CopyJob job)
            throws IOException, SlackApiException, CopyFailure {
        var edited = api.canvasesEdit(r -> r.canvasId(id)
                .changes(List.of(CanvasDocumentChange.builder().operation("replace").documentContent(content).build())));
        if (!edited.isOk()) {
            throw refused(edited);
        }
        return written(job, id);
    }

    /** Whether the channel's canvas is the one coe-bot wrote for this COE (its last line says so). */
    private boolean ours(MethodsClient api, String canvasId, CopyJob job) throws IOException, SlackApiException {
        var found = api.canvasesSectionsLookup(r -> r.canvasId(canvasId).criteria(
                CanvasesSectionsLookupRequest.Criteria.builder().containsText("Written by coe-bot from " + job.label() + ";").build()));
        return found.isOk() && found.getSections() != null && !found.getSections().isEmpty();
    }

    private static Written written(CopyJob job, String canvasId) {
        return new Written(canvasId, "https://app.slack.com/docs/" + job.teamId() + "/" + canvasId);
    }

    private static CopyFailure refused(SlackApiTextResponse r) {
        String error = Optional.ofNullable(r.getError()).orElse("unknown_error");
        String why = switch (error) {
            case "team_tier_cannot_create_channel_canvases", "canvas_disabled_user_team", "team_tier_cannot_create_canvases" ->
                    "this workspace's plan or settings do not allow canvases";
            case "missing_scope" -> "the app needs the canvases:write scope (reinstall it from the manifest)";
            case "restricted_action", "access_denied", "not_allowed_token_type" -> "the app is not allowed to make canvases here";
            default -> "Slack refused the canvas";
        };
        return new CopyFailure(CopyFailure.Kind.REFUSED, why + " (`" + error + "`).", null);
    }

    private CopyFailure http(SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429) {
            String after = e.getResponse().header("Retry-After");
            Instant when = clock.instant().plusSeconds(after == null ? 30 : Long.parseLong(after.strip()));
            return new CopyFailure(CopyFailure.Kind.RATE_LIMITED, "Slack asked us to wait.", when);
        }
        return new CopyFailure(CopyFailure.Kind.DOWN, "Slack answered HTTP " + status + ".", null);
    }
}
