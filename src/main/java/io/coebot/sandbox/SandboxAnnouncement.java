package io.coebot.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says, once the port is known, that this is the sandbox and where to open it; then sets the workspace up. */
@Singleton
@Requires(property = SandboxMode.ACTIVE, value = "true")
public class SandboxAnnouncement implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxAnnouncement.class);
    private final SandboxWorkspace workspace;

    public SandboxAnnouncement(SandboxWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        int port = event.getSource().getPort();
        workspace.open("http://127.0.0.1:" + port);
        LOG.info("Sandbox mode: no Slack token configured. Open http://localhost:{}/sandbox", port);
    }
}
