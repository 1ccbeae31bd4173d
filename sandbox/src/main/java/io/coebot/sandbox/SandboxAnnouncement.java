package io.coebot.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Says, once the port is known, that this is the sandbox and where to open it; then sets the workspace up. A WARN,
 * not an INFO: an operator who meant to run the real bot must not miss that it is talking to a fake Slack.
 */
@Singleton
@Requires(property = SandboxMode.ACTIVE, value = "true")
public class SandboxAnnouncement implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxAnnouncement.class);
    private final SandboxWorkspace workspace;
    private final String bind;

    public SandboxAnnouncement(SandboxWorkspace workspace, @Value("${" + SandboxMode.BIND + ":127.0.0.1}") String bind) {
        this.workspace = workspace;
        this.bind = bind;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        int port = event.getSource().getPort();
        String host = selfHost();
        workspace.open("http://" + host + ":" + port);
        LOG.warn("SANDBOX MODE: no Slack is configured, so coe-bot runs against its built-in fake Slack (nothing reaches "
                + "a real workspace). Open http://{}:{}/sandbox", host.equals("127.0.0.1") ? "localhost" : host, port);
    }

    /** Where the page's signed requests reach the bot: loopback, unless the server listens on one other address. */
    private String selfHost() {
        try {
            InetAddress a = InetAddress.getByName(bind);
            if (a.isLoopbackAddress() || a.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
            String literal = a.getHostAddress();
            return literal.contains(":") ? "[" + literal + "]" : literal;
        } catch (UnknownHostException e) {
            return "127.0.0.1"; // SandboxMode has checked it already
        }
    }
}
