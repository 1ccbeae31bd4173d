package io.coebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Micronaut ⇄ Bolt adapter: every Slack HTTP request (commands, events, interactivity,
 * shortcuts) arrives here. The body is taken raw because Slack signs the exact bytes, and the
 * handler runs on the blocking executor because features touch the database.
 */
@Controller("/slack")
class SlackController {
    private static final Logger LOG = LoggerFactory.getLogger(SlackController.class);

    private final App app;
    private final SlackSettings settings;
    private final SlackRequestParser parser;
    private final SlackMetrics metrics;

    /** Taking the registry makes sure every feature registered on the App before the first request. */
    public SlackController(App app, SlackSettings settings, SlackRegistry registered, SlackMetrics metrics) {
        this.metrics = metrics;
        this.app = app;
        this.settings = settings;
        this.parser = new SlackRequestParser(app.config());
    }

    @Post(uri = "/events", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<String> events(HttpRequest<?> http, @Body String body) {
        if (!settings.ready()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body("coe-bot is not configured: set " + String.join(" and ", settings.missing()));
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        http.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(http.getPath())
                    .queryString(http.getParameters().asMap())
                    .headers(new RequestHeaders(headers))
                    .requestBody(body == null ? "" : body)
                    .remoteAddress(http.getRemoteAddress().getHostString())
                    .build());
        } catch (RuntimeException e) {
            // A body Slack would never send (truncated JSON, a field of the wrong type): refuse it without
            // echoing the parser's message, which quotes the request.
            LOG.info("Refused a malformed Slack request: {}", e.getClass().getSimpleName());
            return HttpResponse.badRequest("Not a Slack request");
        }
        if (request == null) {
            return HttpResponse.badRequest("Not a Slack request");
        }
        long started = System.nanoTime();
        HttpResponse<String> answer = handle(request);
        metrics.request(request.getRequestType().name(), answer.code(), java.time.Duration.ofNanos(System.nanoTime() - started));
        return answer;
    }

    private HttpResponse<String> handle(Request<?> request) {
        try {
            return toMicronaut(app.run(request));
        } catch (Exception e) {
            // Never echo the exception: it may carry request content.
            LOG.error("Handling a {} request failed: {}", request.getRequestType(), e.toString());
            if (request.getRequestType() == RequestType.Command) {
                // A person is waiting: tell them calmly. Nothing was saved, so trying again is safe.
                return HttpResponse.ok("{\"response_type\":\"ephemeral\",\"text\":\"I couldn't do that just now "
                        + "(nothing was changed). Please try again in a moment.\"}").contentType(MediaType.APPLICATION_JSON);
            }
            // Events: Slack retries a failed delivery, so the reply is not lost.
            return HttpResponse.serverError("Something went wrong; please try again in a moment.");
        }
    }

    private static HttpResponse<String> toMicronaut(Response r) {
        MutableHttpResponse<String> out = HttpResponse.status(HttpStatus.valueOf(r.getStatusCode()));
        if (r.getHeaders() != null) {
            r.getHeaders().forEach((k, vs) -> vs.forEach(v -> out.header(k, v)));
        }
        if (r.getBody() != null) {
            out.body(r.getBody());
            if (r.getContentType() != null) {
                out.contentType(r.getContentType());
            }
        }
        return out;
    }
}
