package dev.invitations.command.config;

import dev.invitations.command.settings.OrgPolicy.TtlBounds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

import java.net.URI;
import java.time.Duration;

/**
 * The command side's {@code invitations.*} properties; docs/operations.md's configuration table documents each.
 *
 * @param acceptUrlBase the invitee's page; links are {@code <base>?token=<token>}, never built from a request
 */
@ConfigurationProperties("invitations")
public record InvitationsProperties(
        @DefaultValue("http://localhost:8081/invite") URI acceptUrlBase,
        @DefaultValue Ttl ttl,
        @DefaultValue Accept accept) {

    /** Bounds and default of an invitation's time to live, for create and resend. */
    public record Ttl(@Name("default") @DefaultValue("P7D") Duration defaultTtl,
                      @DefaultValue("PT5M") Duration minimum,
                      @DefaultValue("P30D") Duration maximum) {

        /** The service-wide bounds, which an org's settings may narrow. */
        public TtlBounds bounds() {
            return new TtlBounds(defaultTtl, minimum, maximum);
        }
    }

    /** @param requireEmailMatch accepting needs the invitee's {@code email}, equal to the invited one */
    public record Accept(@DefaultValue("false") boolean requireEmailMatch) {
    }
}
