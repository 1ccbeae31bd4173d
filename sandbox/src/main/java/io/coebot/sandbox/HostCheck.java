package io.coebot.sandbox;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a request was addressed to this sandbox. A DNS-rebinding page reaches the loopback port under its own
 * domain name, and a page of another site posts with its own {@code Origin}: the sandbox's page and API let the
 * requester act as any member, so only requests that name this server (by the address they connected to,
 * {@code localhost} on loopback, or the configured {@code COE_SANDBOX_BIND} name) and come from its own page
 * are answered.
 */
final class HostCheck {
    /** What to answer instead: 421 for another host, 403 for another site's page. */
    record Refusal(int status, String text) {}

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private HostCheck() {
    }

    static Optional<Refusal> check(String host, String origin, InetSocketAddress local, String bindName) {
        String expected = "http://" + (local.getAddress().isLoopbackAddress() ? "localhost" : literal(local.getAddress()))
                + ":" + local.getPort() + "/sandbox";
        if (host == null || host.isBlank() || !addressedHere(host.strip(), local, bindName)) {
            return Optional.of(new Refusal(421, "This is the coe-bot sandbox, and it answers only requests addressed to "
                    + "this machine (Host was '" + (host == null ? "" : host) + "'). A page that reaches it under another "
                    + "name may be a DNS-rebinding attack. Open " + expected + " instead."));
        }
        if (origin != null && !origin.equalsIgnoreCase("http://" + host.strip())) {
            return Optional.of(new Refusal(403, "This is the coe-bot sandbox, and it accepts actions only from its own "
                    + "page (Origin was '" + origin + "'). Open " + expected + " instead."));
        }
        return Optional.empty();
    }

    private static boolean addressedHere(String host, InetSocketAddress local, String bindName) {
        String name;
        String port;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) return false;
            name = host.substring(1, end);
            port = host.substring(end + 1);
        } else {
            int colon = host.lastIndexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
            port = colon < 0 ? "" : host.substring(colon);
        }
        if (!(port.isEmpty() ? 80 == local.getPort() : port.equals(":" + local.getPort()))) {
            return false;
        }
        InetAddress at = local.getAddress();
        if (name.equalsIgnoreCase("localhost")) {
            return at.isLoopbackAddress();
        }
        if (bindName != null && name.equalsIgnoreCase(bindName.strip())) {
            return true;
        }
        if (!IP_LITERAL.matcher(name).matches()) {
            return false; // a name: never looked up, so a rebinding domain cannot pass for this machine
        }
        try {
            InetAddress named = InetAddress.getByName(name);
            return named.equals(at) || named.isLoopbackAddress() && at.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String literal(InetAddress a) {
        String s = a.getHostAddress().toLowerCase(Locale.ROOT);
        return s.contains(":") ? "[" + s + "]" : s;
    }
}
