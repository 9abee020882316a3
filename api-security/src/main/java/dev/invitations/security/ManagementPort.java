package dev.invitations.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches the requests that arrive on the management server's own port, once {@code management.server.port} gives
 * it one; with none set, it matches nothing and the actuator shares the API's port and rules.
 */
class ManagementPort implements RequestMatcher, ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT_SERVER = "management";

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent started) {
        if (MANAGEMENT_SERVER.equals(started.getApplicationContext().getServerNamespace())) {
            port = started.getWebServer().getPort();
        }
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return request.getLocalPort() == port;
    }
}
