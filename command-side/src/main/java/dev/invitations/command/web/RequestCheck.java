package dev.invitations.command.web;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.invitation.Roles;
import dev.invitations.api.language.LanguageTags;
import dev.invitations.api.org.OrgId;
import dev.invitations.command.settings.OrgPolicy.TtlBounds;
import dev.invitations.problem.InvalidRequestException;
import dev.invitations.problem.InvalidRequestException.FieldViolation;
import org.springframework.http.HttpHeaders;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects every violation of a request before answering, so that a client fixes all its fields in one round.
 * The patterns and limits are the contract's.
 */
final class RequestCheck {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final String ANY_SUBDOMAIN = "*.";
    private static final int MAX_DOMAIN_NAME = 253;
    private static final int MAX_URL = 2048;
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z0-9_-]{1,63}");
    private static final Pattern PROTOBUF_SECONDS = Pattern.compile("(\\d{1,12})(?:\\.(\\d{1,9}))?s");
    private static final int MAX_LABELS = 32;
    private static final int MAX_LABEL_VALUE = 256;
    private static final int MAX_TEXT = 256;
    private static final String TTL_FORMAT =
            "must be an ISO-8601 duration such as P7D or a number of seconds such as 604800s";

    private final List<FieldViolation> violations = new ArrayList<>();

    RequestCheck require(boolean valid, String field, String message) {
        if (!valid) {
            violations.add(new FieldViolation(field, message));
        }
        return this;
    }

    RequestCheck orgId(String orgId) {
        return require(OrgId.isValid(orgId), "orgId", "must be " + OrgId.FORMAT_DESCRIPTION);
    }

    RequestCheck email(String field, String email) {
        if (email == null || email.isBlank()) {
            return require(false, field, "is required");
        }
        return require(EmailAddress.isValid(email), field, "must be " + EmailAddress.FORMAT_DESCRIPTION);
    }

    /**
     * The roles a request names: {@code roles}, or {@code role} as the only one; given both, {@code role} must be the
     * first of {@code roles}. Null when it names none or they are invalid (with the violation recorded).
     */
    Roles roles(String role, List<String> roles) {
        if (roles == null) {
            if (role == null) {
                return null;
            }
            require(Roles.isValidRole(role), "role", "must be " + Roles.ROLE_DESCRIPTION);
            return Roles.isValidRole(role) ? Roles.of(role) : null;
        }
        int before = violations.size();
        require(!roles.isEmpty() && roles.size() <= Roles.MAX, "roles", "must hold 1 to " + Roles.MAX + " roles");
        for (int i = 0; i < roles.size(); i++) {
            require(Roles.isValidRole(roles.get(i)), "roles[" + i + "]", "must be " + Roles.ROLE_DESCRIPTION);
        }
        require(new HashSet<>(roles).size() == roles.size(), "roles", "must not repeat a role");
        require(role == null || roles.isEmpty() || role.equals(roles.get(0)), "role",
                "must be the first of roles when both are given");
        return violations.size() == before ? new Roles(roles) : null;
    }

    /**
     * Where an invitation sends its invitee after accepting: an absolute http(s) URL with a host, without user info
     * or fragment (a query is kept); whether the org admits it is the org's policy. Null when none or invalid (with
     * the violation recorded).
     */
    URI redirectUrl(String redirectUrl) {
        if (redirectUrl == null) {
            return null;
        }
        URI url = webUrl(redirectUrl, true);
        require(url != null, "redirectUrl", "must be an absolute https or http URL of at most " + MAX_URL
                + " characters with a host, without user info, fragment, . or .. segments");
        return url;
    }

    /** At most {@code max} distinct roles; none when absent. */
    List<String> roleList(String field, List<String> roles, int max) {
        return distinct(field, roles, max, role -> Roles.isValidRole(role) ? role : null,
                "must be " + Roles.ROLE_DESCRIPTION);
    }

    RequestCheck text(String field, String value) {
        return require(value == null || (value.length() <= MAX_TEXT && value.chars().noneMatch(Character::isISOControl)),
                field, "must be at most " + MAX_TEXT + " characters without control characters");
    }

    /** A name shown to people: 1 to {@code maxLength} characters, not blank, without control characters. */
    RequestCheck name(String field, String value, int maxLength) {
        return require(value == null || (value.length() <= maxLength && !value.isBlank()
                        && value.chars().noneMatch(Character::isISOControl)), field,
                "must be 1-" + maxLength + " characters, not blank, without control characters");
    }

    /**
     * At most {@code max} distinct email domains ({@code acme.com}), each optionally prefixed with {@code *.} for its
     * subdomains, in lower case; none when absent.
     */
    List<String> emailDomains(String field, List<String> domains, int max) {
        return distinct(field, domains, max, domain -> {
            String lowerCase = domain.toLowerCase(Locale.ROOT);
            return isDomainName(lowerCase.startsWith(ANY_SUBDOMAIN) ? lowerCase.substring(ANY_SUBDOMAIN.length())
                    : lowerCase) ? lowerCase : null;
        }, "must be a domain name such as acme.com, or *.acme.com for its subdomains (an internationalised one in"
                + " its xn-- form)");
    }

    /**
     * A BCP 47 language tag ({@code de}, {@code pt-BR}) of at most {@value LanguageTags#MAX_LENGTH} characters, in its
     * canonical case; null when absent or invalid.
     */
    String languageTag(String field, String tag) {
        if (tag == null) {
            return null;
        }
        boolean valid = LanguageTags.isWellFormed(tag);
        require(valid, field, "must be a BCP 47 language tag of at most " + LanguageTags.MAX_LENGTH
                + " characters, such as de or pt-BR");
        return valid ? Locale.forLanguageTag(tag).toLanguageTag() : null;
    }

    /** At most {@code max} distinct absolute http(s) URLs with a host and no user info, query or fragment. */
    List<URI> redirectUrls(String field, List<String> urls, int max) {
        return distinct(field, urls, max, url -> webUrl(url, false), "must be an absolute https or http URL of at most "
                + MAX_URL + " characters with a host, without user info, query, fragment, . or .. segments");
    }

    /** A whole number from {@code min} to {@code max}, or null. */
    RequestCheck intIn(String field, Integer value, int min, int max) {
        return require(value == null || (value >= min && value <= max), field,
                "must be a whole number from " + min + " to " + max + ", or null");
    }

    /**
     * A duration as {@code ttl} is given: ISO-8601 ({@code P7D}) or protobuf seconds ({@code 604800s}), within
     * {@code bounds}; null when absent or invalid.
     */
    Duration duration(String field, String text, TtlBounds bounds) {
        if (text == null) {
            return null;
        }
        Duration duration = parseTtl(text);
        if (duration == null) {
            require(false, field, TTL_FORMAT);
            return null;
        }
        boolean valid = duration.compareTo(bounds.minimum()) >= 0 && duration.compareTo(bounds.maximum()) <= 0;
        require(valid, field, "must lie between " + bounds.minimum() + " and " + bounds.maximum());
        return valid ? duration : null;
    }

    RequestCheck labels(Map<String, String> labels) {
        if (labels == null) {
            return this;
        }
        require(labels.size() <= MAX_LABELS, "labels", "must have at most " + MAX_LABELS + " entries");
        labels.forEach((key, value) -> {
            require(LABEL_KEY.matcher(key).matches(), "labels." + key,
                    "key must be 1-63 characters of a-z, 0-9, _ and -");
            require(value != null && value.length() <= MAX_LABEL_VALUE, "labels." + key,
                    "value must be a string of at most " + MAX_LABEL_VALUE + " characters");
        });
        return this;
    }

    /**
     * The expiry a request asks for: {@code ttl} (ISO-8601 like {@code P7D}, or protobuf seconds like
     * {@code 604800s}) or an absolute {@code expirationTime}, not both; neither gives the default ttl. Null when
     * invalid, with the violation recorded.
     */
    Instant expiry(String ttl, Instant expirationTime, TtlBounds bounds, Instant now) {
        if (ttl != null && expirationTime != null) {
            require(false, "ttl", "give either ttl or expirationTime, not both");
            return null;
        }
        if (expirationTime != null) {
            return withinBounds("expirationTime", Duration.between(now, expirationTime), bounds) ? expirationTime : null;
        }
        if (ttl == null) {
            return now.plus(bounds.defaultTtl());
        }
        Duration duration = parseTtl(ttl);
        if (duration == null) {
            require(false, "ttl", TTL_FORMAT);
            return null;
        }
        return withinBounds("ttl", duration, bounds) ? now.plus(duration) : null;
    }

    private boolean withinBounds(String field, Duration ttl, TtlBounds bounds) {
        boolean valid = ttl.compareTo(bounds.minimum()) >= 0 && ttl.compareTo(bounds.maximum()) <= 0;
        require(valid, field, "must lie between " + bounds.minimum() + " and " + bounds.maximum() + " from now");
        return valid;
    }

    private static Duration parseTtl(String ttl) {
        Matcher seconds = PROTOBUF_SECONDS.matcher(ttl);
        try {
            if (seconds.matches()) {
                return Duration.ofSeconds(Long.parseLong(seconds.group(1)),
                        seconds.group(2) == null ? 0 : Long.parseLong((seconds.group(2) + "00000000").substring(0, 9)));
            }
            return Duration.parse(ttl);
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException notADuration) {
            return null;
        }
    }

    /**
     * The entries of {@code values}, each read by {@code parse} (null for an invalid one, recorded with
     * {@code message} at its index): at most {@code max}, none null, none twice once read. Empty when absent.
     */
    private <T> List<T> distinct(String field, List<String> values, int max, Function<String, T> parse,
                                 String message) {
        if (values == null) {
            return List.of();
        }
        require(values.size() <= max, field, "must have at most " + max + " entries");
        List<T> parsed = new ArrayList<>();
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String entry = field + "[" + i + "]";
            T value = values.get(i) == null ? null : parse.apply(values.get(i));
            require(value != null, entry, values.get(i) == null ? "must not be null" : message);
            if (value != null) {
                require(seen.add(value), entry, "repeats an earlier entry");
                parsed.add(value);
            }
        }
        return parsed;
    }

    private static boolean isDomainName(String name) {
        String[] labels = name.split("\\.", -1);
        return name.length() <= MAX_DOMAIN_NAME && labels.length >= 2
                && Arrays.stream(labels).allMatch(label -> DNS_LABEL.matcher(label).matches());
    }

    private static URI webUrl(String text, boolean withQuery) {
        if (text.length() > MAX_URL) {
            return null;
        }
        try {
            URI url = new URI(text);
            boolean valid = url.isAbsolute() && !url.isOpaque()
                    && (url.getScheme().equalsIgnoreCase("https") || url.getScheme().equalsIgnoreCase("http"))
                    && url.getHost() != null && url.getPort() <= 65_535 && url.getRawUserInfo() == null
                    && (withQuery || url.getRawQuery() == null) && url.getRawFragment() == null
                    && url.normalize().equals(url);
            return valid ? url : null;
        } catch (URISyntaxException notAUrl) {
            return null;
        }
    }

    /** {@code If-Match: "<n>"} names the version the caller saw; {@code *} or no header means any version. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        new RequestCheck().require(tag.matches("\\d{1,18}"), HttpHeaders.IF_MATCH,
                "must be an ETag this service gave, such as \"3\"").orThrow();
        return Long.parseLong(tag);
    }

    void orThrow() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
