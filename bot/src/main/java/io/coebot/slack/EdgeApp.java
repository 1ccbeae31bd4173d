package io.coebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.EventsApiPayloadParser;
import com.slack.api.bolt.util.SlackRequestParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's {@link App} with the edge of coe-bot in front of it. Every request, over HTTP ({@link SlackController}) or
 * Socket Mode, passes {@link #run} before any feature sees it, so this is where it is (1) checked for Slack's
 * signature, both ways in time, and (2) rebuilt from its body with {@link SlackText#clean} applied to every string.
 * Cleaning the wire format here, rather than in each handler or on Bolt's payload objects, is what makes it one rule:
 * a new feature, a new field or a new kind of request is cleaned without anyone remembering to. The signature must
 * be checked on the bytes Slack signed, so Bolt's own check (which would run on the cleaned body) is off and this
 * one takes its place.
 */
class EdgeApp extends App {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeApp.class);

    private final RequestSignature signature;
    private final SlackRequestParser parser;

    EdgeApp(AppConfig config, RequestSignature signature) {
        super(withoutBoltVerification(config));
        this.signature = signature;
        this.parser = new SlackRequestParser(config);
    }

    private static AppConfig withoutBoltVerification(AppConfig config) {
        config.setRequestVerificationEnabled(false);
        return config;
    }

    @Override
    public Response run(Request request) throws Exception {
        if (request == null) {
            return Response.builder().statusCode(400).body("Not a Slack request").build();
        }
        if (!request.isSocketMode() && !MiddlewareOps.isNoSlackSignatureRequest(request.getRequestType())
                && !signature.isGenuine(request.getHeaders(), request.getRequestBodyAsString())) {
            LOG.info("Refused a {} request: its signature or timestamp is not Slack's", request.getRequestType());
            return Response.json(401, "{\"error\":\"invalid request\"}");
        }
        Request<?> clean = cleaned(request);
        if (clean.getRequestType() == RequestType.Event && !readable((EventRequest) clean)) {
            // Slack never sends an event its own schema cannot read; answering 5xx would only bring it back three times.
            return Response.ok();
        }
        return super.run(clean);
    }

    /** The same request, parsed again the way Bolt parsed it, from its body with every string cleaned. */
    private Request<?> cleaned(Request<?> request) {
        String body = request.getRequestBodyAsString();
        String clean = CleanBody.of(body);
        if (clean == null || clean.equals(body)) {
            return request;
        }
        Request<?> again = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri("")
                .queryString(request.getQueryString())
                .headers(request.getHeaders())
                .requestBody(clean)
                .remoteAddress(request.getClientIpAddress())
                .socketMode(request.isSocketMode())
                .build());
        return again != null && again.getRequestType() == request.getRequestType() ? again : request;
    }

    /** Bolt reads an event's fields only when it hands the event to a listener: read them now, where a failure means malformed. */
    private static boolean readable(EventRequest request) {
        try {
            EventsApiPayloadParser.buildEventPayload(request);
            return true;
        } catch (RuntimeException e) {
            LOG.info("Acked an event that could not be read ({}): {}", request.getEventTypeAndSubtype(), e.getClass().getSimpleName());
            return false;
        }
    }
}
