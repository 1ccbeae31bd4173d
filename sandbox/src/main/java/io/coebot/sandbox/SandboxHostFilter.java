package io.coebot.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * In sandbox mode the whole server is the sandbox (its page, its API, the files it serves, and the bot's own
 * endpoints), so every request passes {@link HostCheck} before anything else sees it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
// Before Micronaut's own CORS check, so that a refused request is told why.
@Order(Ordered.HIGHEST_PRECEDENCE)
@Requires(property = SandboxMode.ACTIVE, value = "true")
final class SandboxHostFilter {
    private final String bindName;

    SandboxHostFilter(@Value("${" + SandboxMode.BIND + ":}") String bindName) {
        this.bindName = bindName;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<String> check(HttpRequest<?> request) {
        return HostCheck.check(request.getHeaders().get(HttpHeaders.HOST), request.getHeaders().get(HttpHeaders.ORIGIN),
                        request.getServerAddress(), bindName)
                .map(r -> HttpResponse.<String>status(HttpStatus.valueOf(r.status()))
                        .contentType(MediaType.TEXT_PLAIN_TYPE).body(r.text()))
                .orElse(null);
    }
}
