package io.coebot.slack;

import com.google.gson.Gson;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.Response;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bolt's Web API client, reading Slack's answers with one Gson. Bolt 1.48 builds a new Gson for every answer it parses
 * ({@code MethodsClientImpl.parseJsonResponseAndRunListeners} calls {@code GsonFactory.createSnakeCase} each time), and
 * with it every reflective type adapter of the answer's classes: under load that was a quarter of the bot's CPU, most
 * of it in the outbox's senders (a JFR profile of the load benchmark, BENCHMARKS.md). Everything else is Bolt's: the
 * request, a non-2xx answer as its {@link SlackApiException} (a 429 with its Retry-After), the lower-cased headers, the
 * response listeners. Bolt's per-call statistics are off in our {@code SlackConfig}, so skipping them loses nothing.
 */
final class SlackMethods extends MethodsClientImpl {
    private final SlackHttpClient http;
    private final Gson gson;
    private final String token;

    SlackMethods(SlackHttpClient http, String token) {
        super(http, token, null);
        // as Slack.methods(token) does: the Web API's address comes from the config (the fake Slack in tests)
        setEndpointUrlPrefix(http.getConfig().getMethodsEndpointUrlPrefix());
        this.http = http;
        this.gson = GsonFactory.createSnakeCase(http.getConfig());
        this.token = token;
    }

    boolean isFor(String token) {
        return java.util.Objects.equals(this.token, token);
    }

    @Override
    protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(FormBody.Builder form, String endpoint,
                                                                                   String token, Class<T> type)
            throws IOException, SlackApiException {
        Response response = runPostFormWithToken(form, endpoint, token);
        String body = response.body().string();
        try {
            if (!response.isSuccessful()) {
                throw new SlackApiException(http.getConfig(), response, body);
            }
            T answer = gson.fromJson(body, type);
            if (answer != null) {
                answer.setHttpResponseHeaders(lowerCased(response.headers()));
            }
            return answer;
        } finally {
            http.runHttpResponseListeners(response, body, false);
        }
    }

    private static Map<String, List<String>> lowerCased(Headers headers) {
        Map<String, List<String>> byName = new TreeMap<>();
        for (String name : headers.names()) {
            byName.put(name.toLowerCase(Locale.ROOT), headers.values(name));
        }
        return byName;
    }
}
