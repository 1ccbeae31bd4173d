package io.coebot.sandbox.slack;

import java.time.Instant;
import java.util.Map;

/**
 * One Web API call received by {@link FakeSlack}, as the app sent it.
 *
 * @param method Slack method name, e.g. {@code chat.postMessage}
 * @param params form fields (or top-level JSON fields; objects and arrays kept as JSON text), query parameters included
 * @param token  bearer token or {@code token} field, null when none was sent
 * @param at     when the request arrived
 */
public record ApiCall(String method, Map<String, String> params, String token, Instant at) {

    public String param(String name) {
        return params.get(name);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(method);
        params.forEach((k, v) -> {
            if (!k.equals("token")) {
                sb.append(' ').append(k).append('=').append(Json.truncate(v, 120));
            }
        });
        return sb.toString();
    }
}
