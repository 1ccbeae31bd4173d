package io.coebot.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The page: three static files from {@code classpath:sandbox/}, no front-end build. Served by a controller rather
 * than Micronaut's static-resource mapping so that the {@code @Requires} below keeps them unreachable (404)
 * whenever a real Slack token is configured.
 */
@Controller("/sandbox")
@Requires(property = SandboxMode.ACTIVE, value = "true")
public class SandboxPageController {
    private static final Map<String, String> FILES = Map.of(
            "sandbox.js", "application/javascript; charset=utf-8",
            "mrkdwn.js", "application/javascript; charset=utf-8",
            "sandbox.css", "text/css; charset=utf-8");

    /**
     * Besides rendering people's text as text (mrkdwn.js), the page allows only its own scripts, so a renderer bug
     * cannot run an inline handler, and no other site may frame it to steer a member's clicks.
     */
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' http: https: data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> page() {
        return HttpResponse.ok(read("index.html")).contentType("text/html; charset=utf-8")
                .header("Content-Security-Policy", POLICY).header("X-Content-Type-Options", "nosniff");
    }

    @Get("/assets/{name}")
    public HttpResponse<byte[]> asset(@PathVariable String name) {
        String type = FILES.get(name);
        if (type == null) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(read(name)).contentType(type).header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff");
    }

    private static byte[] read(String name) {
        try (InputStream in = SandboxPageController.class.getResourceAsStream("/sandbox/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sandbox/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
