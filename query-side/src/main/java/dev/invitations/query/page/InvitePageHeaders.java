package dev.invitations.query.page;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The strict headers of the invitee's page and its script and style sheet. Set before anything else answers, so
 * that Spring Security's defaults (which only fill in headers still missing) neither replace nor repeat them.
 */
class InvitePageHeaders extends OncePerRequestFilter {

    static final String[] PATHS = {"/invite", "/invite.js", "/invite.css"};

    private final String contentSecurityPolicy;

    InvitePageHeaders(String commandOrigin) {
        // the page runs only its own script and style, and talks only to the command side
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src "
                + commandOrigin + "; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        // the address holds the token: no request the page makes may carry it on
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
