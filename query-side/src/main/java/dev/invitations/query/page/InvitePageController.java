package dev.invitations.query.page;

import dev.invitations.query.invitation.InvitationQueries;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /invite?token=…}: the page an invitation email links to. The token is read here and in the browser's
 * script at click time; the page never echoes it.
 */
@Controller
class InvitePageController {

    private final InvitationQueries queries;
    private final InvitePageProperties properties;
    private final Clock clock;

    InvitePageController(InvitationQueries queries, InvitePageProperties properties, Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/invite")
    ModelAndView page(@RequestParam(required = false) String token) {
        InvitePage page = token == null || token.isBlank() ? InvitePage.noToken()
                : queries.lookup(token).map(found -> InvitePage.of(found, clock.instant()))
                        .orElseGet(InvitePage::unknown);
        return new ModelAndView("invite", Map.of("page", page, "commandBase", properties.commandBase()),
                page.status());
    }
}
