package io.coebot.sandbox;

import io.coebot.Startup;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox as a fresh machine starts it (no setting at all, through the same decision as {@code main}): on
 * loopback only, answering only requests addressed to it from its own page, saying loudly that it is the sandbox.
 * Requests are written on a raw socket, since Java's HTTP client will not send another Host header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxSafetyTest {
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Path dataDir;
    private ApplicationContext app;
    private int port;

    @BeforeAll
    void start() throws IOException {
        logs.start();
        ((Logger) LoggerFactory.getLogger("io.coebot.sandbox")).addAppender(logs);
        dataDir = Files.createTempDirectory("coe-sandbox-safety-");
        app = Startup.run(new String[0], Map.of(), Map.of("micronaut.server.port", -1,
                "coe.data-dir", dataDir.toString(), "coe.nudge.enabled", false));
        port = app.getBean(EmbeddedServer.class).getPort();
    }

    @AfterAll
    void stop() throws IOException {
        ((Logger) LoggerFactory.getLogger("io.coebot.sandbox")).detachAppender(logs);
        if (app != null) app.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void saysItIsTheSandboxInAWarningAndOnThePage() throws IOException {
        assertTrue(logs.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().startsWith("SANDBOX MODE: no Slack is configured")
                && e.getFormattedMessage().contains("Open http://localhost:" + port + "/sandbox")), "the WARN line");
        String page = request("GET", "/sandbox", "127.0.0.1:" + port, null);
        assertTrue(page.startsWith("HTTP/1.1 200"), page);
        assertTrue(page.contains("id=\"sandbox-banner\"") && page.contains("Sandbox mode"), page);
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        assertEquals(Optional.of("127.0.0.1"), app.getEnvironment().getProperty("micronaut.server.host", String.class));
        assertTrue(request("GET", "/health", "127.0.0.1:" + port, null).startsWith("HTTP/1.1 200"));
        // From another machine the port is closed: this machine's own non-loopback address stands in for one.
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    assertThrows(ConnectException.class, () -> {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress(a, port), 2000);
                        }
                    }, "port " + port + " answered on " + a);
                }
            }
        }
    }

    @Test
    void refusesRequestsAddressedToAnotherHost() throws IOException {
        // A DNS-rebinding page reaches 127.0.0.1 under its own name; every path of the server refuses it.
        for (String[] r : new String[][] {{"GET", "/sandbox"}, {"GET", "/sandbox/assets/sandbox.js"},
                {"GET", "/sandbox/api/state?as=U0ALICE001"}, {"GET", "/sandbox/api/files/F1"}, {"GET", "/health"},
                {"POST", "/sandbox/api/reset"}, {"POST", "/slack/events"}}) {
            for (String host : new String[] {"evil.example:" + port, "evil.example", "localhost.evil.example:" + port,
                    "127.0.0.1:" + (port + 1), ""}) {
                String answer = request(r[0], r[1], host, null);
                assertTrue(answer.startsWith("HTTP/1.1 421"), r[0] + " " + r[1] + " Host " + host + ": " + answer);
                assertTrue(answer.contains("DNS-rebinding") && answer.contains("Open http://localhost:" + port + "/sandbox"),
                        answer);
            }
        }
        for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "LOCALHOST:" + port}) {
            assertTrue(request("GET", "/sandbox/api/state?as=U0ALICE001", host, null).startsWith("HTTP/1.1 200"), host);
        }
    }

    @Test
    void refusesActionsFromAnotherSitesPage() throws IOException {
        String answer = request("POST", "/sandbox/api/reset", "127.0.0.1:" + port, "http://evil.example");
        assertTrue(answer.startsWith("HTTP/1.1 403") && answer.contains("only from its own page"), answer);
        assertTrue(request("POST", "/sandbox/api/reset", "127.0.0.1:" + port, "null").startsWith("HTTP/1.1 403"));
        assertTrue(request("POST", "/sandbox/api/reset", "127.0.0.1:" + port, "http://127.0.0.1:" + port)
                .startsWith("HTTP/1.1 200"));
    }

    /** One HTTP/1.1 request with exactly this Host (none when empty) and Origin; the whole answer as text. */
    private String request(String method, String path, String host, String origin) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            if (!host.isEmpty()) head.append("Host: ").append(host).append("\r\n");
            if (origin != null) head.append("Origin: ").append(origin).append("\r\n");
            head.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
