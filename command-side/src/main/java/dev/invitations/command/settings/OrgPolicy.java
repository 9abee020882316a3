package dev.invitations.command.settings;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.org.OrgId;
import dev.invitations.api.org.OrgSettingsChanged;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * An org's settings and the rules they set for its invitations. An empty list or {@code null} is the default, which
 * restricts nothing: any email domain, any role, the service's TTLs, no limit on sends (but no redirect URL either:
 * a redirect must be listed). The values are taken as they are; the API checks them before they become a policy.
 *
 * @param allowedEmailDomains lower-case domains; {@code *.acme.com} admits the subdomains of {@code acme.com} at any
 *                            depth, not {@code acme.com} itself
 * @param redirectUrls        absolute http(s) URLs without query or fragment
 */
public record OrgPolicy(
        String displayName,
        List<String> allowedEmailDomains,
        List<String> allowedRoles,
        List<String> defaultRoles,
        Duration defaultTtl,
        Duration maximumTtl,
        String locale,
        List<URI> redirectUrls,
        Integer maxSendsPerInvitationPerDay) {

    /** The policy of an org that never changed its settings. */
    public static final OrgPolicy DEFAULTS =
            new OrgPolicy(null, List.of(), List.of(), List.of(), null, null, null, List.of(), null);

    private static final String ANY_SUBDOMAIN = "*.";
    private static final Duration SEND_WINDOW = Duration.ofDays(1);
    private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();
    /** Encoded dots, slashes and backslashes: browsers and servers read them differently, so a path with one is refused. */
    private static final Pattern AMBIGUOUS_ESCAPE = Pattern.compile("%(2e|2f|5c)", Pattern.CASE_INSENSITIVE);

    public OrgPolicy {
        allowedEmailDomains = copyOf(allowedEmailDomains);
        allowedRoles = copyOf(allowedRoles);
        defaultRoles = copyOf(defaultRoles);
        redirectUrls = copyOf(redirectUrls);
    }

    /** The policy the settings after {@code change} set. */
    public static OrgPolicy of(OrgSettingsChanged change) {
        return new OrgPolicy(change.displayName(), change.allowedEmailDomains(), change.allowedRoles(),
                change.defaultRoles(), durationOf(change.defaultTtl()), durationOf(change.maximumTtl()),
                change.locale(), change.redirectUrls() == null ? null
                        : change.redirectUrls().stream().map(URI::create).toList(),
                change.maxSendsPerInvitationPerDay());
    }

    /** The event that records a change of {@code orgId}'s settings to this policy. */
    public OrgSettingsChanged changeOf(OrgId orgId, String changedBy, Instant changeTime) {
        return new OrgSettingsChanged(orgId.value(), displayName, allowedEmailDomains, allowedRoles, defaultRoles,
                textOf(defaultTtl), textOf(maximumTtl), locale, redirectUrls.stream().map(URI::toString).toList(),
                maxSendsPerInvitationPerDay, changedBy, changeTime);
    }

    /**
     * Whether an invitation may go to {@code email}: any address when no domain is listed, else one whose domain is
     * listed, or lies below a listed {@code *.} domain. Domains compare whatever their case.
     */
    public boolean allowsEmail(EmailAddress email) {
        if (allowedEmailDomains.isEmpty()) {
            return true;
        }
        String address = email.normalized();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return allowedEmailDomains.stream().map(allowed -> allowed.toLowerCase(Locale.ROOT)).anyMatch(allowed -> {
            if (allowed.startsWith(ANY_SUBDOMAIN)) {
                String parent = allowed.substring(ANY_SUBDOMAIN.length() - 1); // ".acme.com"
                return domain.endsWith(parent) && domain.length() > parent.length();
            }
            return domain.equals(allowed);
        });
    }

    /** Those of {@code roles} the org does not allow, each once; none when the org allows any role. */
    public List<String> disallowedRoles(Collection<String> roles) {
        if (allowedRoles.isEmpty()) {
            return List.of();
        }
        return roles.stream().filter(role -> !allowedRoles.contains(role)).distinct().toList();
    }

    /** The roles of a create: those it names, or the org's default roles when it names none (maybe none either). */
    public List<String> rolesFor(List<String> requested) {
        return requested == null || requested.isEmpty() ? defaultRoles : List.copyOf(requested);
    }

    /**
     * The TTL bounds of this org's invitations: the service's, narrowed by {@code maximumTtl} and {@code defaultTtl}
     * and never widened, also when the service's bounds changed since the settings were stored. Without its own
     * default, the org's default is the service's, shortened to the org's maximum.
     */
    public TtlBounds ttlBounds(TtlBounds service) {
        Duration maximum = maximumTtl == null ? service.maximum()
                : clamp(maximumTtl, service.minimum(), service.maximum());
        Duration byDefault = clamp(defaultTtl != null ? defaultTtl : service.defaultTtl(), service.minimum(), maximum);
        return new TtlBounds(byDefault, service.minimum(), maximum);
    }

    /**
     * Whether the invitee's browser may be sent to {@code redirect} after accepting: a listed URL's scheme, host and
     * port, and its path or one below it by whole segments ({@code /welcome} admits {@code /welcome/x}, not
     * {@code /welcome-x}; {@code /welcome/} reads as {@code /welcome}). Query and fragment are the caller's. Never
     * for an org without redirect URLs, nor for a URL with user info, dot segments or encoded dots or slashes.
     */
    public boolean allowsRedirect(URI redirect) {
        if (!redirect.isAbsolute() || redirect.isOpaque() || redirect.getHost() == null
                || redirect.getRawUserInfo() != null) {
            return false;
        }
        String path = redirect.getRawPath() == null || redirect.getRawPath().isEmpty() ? "/" : redirect.getRawPath();
        if (AMBIGUOUS_ESCAPE.matcher(path).find()
                || Arrays.stream(path.split("/")).anyMatch(segment -> segment.equals(".") || segment.equals(".."))) {
            return false;
        }
        return redirectUrls.stream().anyMatch(listed -> sameOrigin(listed, redirect) && isWithin(path, listed));
    }

    /** The most sends (the create's email and each resend) of one invitation in 24 hours; empty for no limit. */
    public OptionalInt maxSendsPerDay() {
        return maxSendsPerInvitationPerDay == null ? OptionalInt.empty() : OptionalInt.of(maxSendsPerInvitationPerDay);
    }

    /**
     * When an invitation that was sent at {@code sendTimes} may be sent again: empty when it may be now, else the
     * moment the oldest of the sends that fill the last 24 hours leaves them (what {@code Retry-After} says).
     */
    public Optional<Instant> nextSendAllowedAt(Collection<Instant> sendTimes, Instant now) {
        if (maxSendsPerInvitationPerDay == null) {
            return Optional.empty();
        }
        Instant windowStart = now.minus(SEND_WINDOW);
        List<Instant> recent = sendTimes.stream().filter(time -> time.isAfter(windowStart))
                .sorted(Comparator.reverseOrder()).toList();
        return recent.size() < maxSendsPerInvitationPerDay ? Optional.empty()
                : Optional.of(recent.get(maxSendsPerInvitationPerDay - 1).plus(SEND_WINDOW));
    }

    /** The bounds of an invitation's time to live, and the one it gets when a request names none. */
    public record TtlBounds(Duration defaultTtl, Duration minimum, Duration maximum) {
    }

    private static boolean sameOrigin(URI listed, URI redirect) {
        return listed.getScheme().equalsIgnoreCase(redirect.getScheme())
                && listed.getHost().equalsIgnoreCase(redirect.getHost())
                && portOf(listed) == portOf(redirect);
    }

    private static int portOf(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : uri.getScheme().equalsIgnoreCase("http") ? 80 : -1;
    }

    private static boolean isWithin(String path, URI listed) {
        String base = listed.getRawPath() == null ? "" : listed.getRawPath().replaceFirst("/+$", "");
        return path.equals(base) || path.startsWith(base + "/");
    }

    private static Duration clamp(Duration value, Duration minimum, Duration maximum) {
        return value.compareTo(minimum) < 0 ? minimum : value.compareTo(maximum) > 0 ? maximum : value;
    }

    private static Duration durationOf(String text) {
        return text == null ? null : Duration.parse(text);
    }

    /** ISO-8601, in days when the duration is whole days ({@code P7D} rather than Java's {@code PT168H}). */
    private static String textOf(Duration duration) {
        if (duration == null) {
            return null;
        }
        boolean wholeDays = duration.getNano() == 0 && duration.getSeconds() % SECONDS_PER_DAY == 0;
        return wholeDays ? "P" + duration.toDays() + "D" : duration.toString();
    }

    private static <T> List<T> copyOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
