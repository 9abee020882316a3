package dev.invitations.security.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs an endpoint may have (SSRF): absolute {@code https} URLs ({@code http} only with
 * {@code invitations.webhooks.allow-http}) whose host resolves only to public addresses: no loopback, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), link-local (169.254/16 with the cloud
 * metadata address, fe80::/10), multicast, or unspecified address, unless
 * {@code invitations.webhooks.allow-private-targets}. Checked when an endpoint is registered or changed, and again
 * before each delivery, since what a name resolves to can change.
 */
public class WebhookTargets {

    private final WebhookProperties properties;

    public WebhookTargets(WebhookProperties properties) {
        this.properties = properties;
    }

    /** Why {@code url} may not be a target, or empty when it may. Resolves its host (DNS). */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("must be an absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && properties.allowHttp())) {
            return Optional.of(properties.allowHttp() ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must be an absolute URL with a host, without user info or fragment");
        }
        if (properties.allowPrivateTargets()) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("must name a host that resolves");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("must not resolve to a loopback, private, link-local or multicast address");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            if (isMappedOrCompatibleIpv4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }

    // ::ffff:a.b.c.d and ::a.b.c.d, which reach the IPv4 address a.b.c.d
    private static boolean isMappedOrCompatibleIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0);
    }
}
