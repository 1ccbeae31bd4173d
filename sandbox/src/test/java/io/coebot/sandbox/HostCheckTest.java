package io.coebot.sandbox;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Host (and Origin) a sandbox answers, on loopback and when COE_SANDBOX_BIND opens it to the network. */
class HostCheckTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);

    @Test
    void onLoopbackOnlyLoopbackNamesOnThisPort() throws Exception {
        for (String ok : new String[] {"localhost:8080", "127.0.0.1:8080", "127.1:8080", "LocalHost:8080"}) {
            assertTrue(HostCheck.check(ok, null, LOOPBACK, "127.0.0.1").isEmpty(), ok);
        }
        for (String no : new String[] {"evil.example:8080", "localhost:8081", "localhost", "127.0.0.1.nip.io:8080",
                "[::1", "", "10.0.0.5:8080"}) {
            assertEquals(421, HostCheck.check(no, null, LOOPBACK, "127.0.0.1").orElseThrow().status(), no);
        }
        assertTrue(HostCheck.check(null, null, LOOPBACK, "127.0.0.1").isPresent());
    }

    @Test
    void boundToTheNetworkItAnswersItsAddressAndTheConfiguredName() throws Exception {
        InetSocketAddress lan = new InetSocketAddress(InetAddress.getByName("192.168.1.5"), 8080);
        assertTrue(HostCheck.check("192.168.1.5:8080", null, lan, "0.0.0.0").isEmpty());
        assertTrue(HostCheck.check("mybox.lan:8080", null, lan, "mybox.lan").isEmpty());
        assertEquals(421, HostCheck.check("evil.example:8080", null, lan, "0.0.0.0").orElseThrow().status());
        assertEquals(421, HostCheck.check("localhost:8080", null, lan, "0.0.0.0").orElseThrow().status());
        assertEquals(421, HostCheck.check("192.168.1.6:8080", null, lan, "0.0.0.0").orElseThrow().status());
    }

    @Test
    void actionsOnlyFromItsOwnPage() {
        assertTrue(HostCheck.check("localhost:8080", "http://localhost:8080", LOOPBACK, "127.0.0.1").isEmpty());
        assertEquals(403, HostCheck.check("localhost:8080", "http://evil.example", LOOPBACK, "127.0.0.1").orElseThrow().status());
        assertEquals(403, HostCheck.check("localhost:8080", "http://127.0.0.1:8080", LOOPBACK, "127.0.0.1").orElseThrow().status());
    }
}
