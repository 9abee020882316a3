package dev.invitations.query.page;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * The invitee's page's {@code invitations.*} property.
 *
 * @param commandUrlBase where the page's buttons send accept and decline: the command side as the invitee's browser
 *                       reaches it
 */
@ConfigurationProperties("invitations")
public record InvitePageProperties(@DefaultValue("http://localhost:8080") URI commandUrlBase) {

    public InvitePageProperties {
        String scheme = commandUrlBase.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || commandUrlBase.getHost() == null) {
            throw new IllegalArgumentException("invitations.command-url-base must be an absolute http(s) URL, not "
                    + commandUrlBase);
        }
    }

    /** The base without a trailing slash, so that the script can append {@code /v1/...}. */
    String commandBase() {
        return commandUrlBase.toString().replaceAll("/+$", "");
    }

    /** {@code scheme://host[:port]}: what the Content-Security-Policy lets the page connect to. */
    String commandOrigin() {
        int port = commandUrlBase.getPort();
        return commandUrlBase.getScheme() + "://" + commandUrlBase.getHost() + (port == -1 ? "" : ":" + port);
    }
}
