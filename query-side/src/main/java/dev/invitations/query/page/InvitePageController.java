package dev.invitations.query.page;

import dev.invitations.query.invitation.InvitationQueries;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /invite?token=…[&lang=…]}: the page an invitation email links to. The token is read here and in the
 * browser's script at click time; the page never echoes it, nor the {@code lang} asked for (only the language it
 * chose from it).
 */
@Controller
class InvitePageController {

    private final InvitationQueries queries;
    private final InvitePageProperties properties;
    private final Clock clock;
    private final ThymeleafViewResolver views;

    InvitePageController(InvitationQueries queries, InvitePageProperties properties, Clock clock,
                         ThymeleafViewResolver views) {
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
        this.views = views;
    }

    @GetMapping("/invite")
    ModelAndView page(@RequestParam(required = false) String token, @RequestParam(required = false) String lang)
            throws Exception {
        InvitePage page = token == null || token.isBlank() ? InvitePage.noToken(lang)
                : queries.lookup(token).map(found -> InvitePage.of(found, clock.instant(), lang))
                        .orElseGet(() -> InvitePage.unknown(lang));
        var answer = new ModelAndView(pageIn(page), Map.of("page", page, "commandBase", properties.commandBase()));
        answer.setStatus(page.status());
        return answer;
    }

    /**
     * The page's template as a view written in the page's language: a Thymeleaf view reads its messages in the
     * locale it was resolved for, which would otherwise be the browser's {@code Accept-Language}.
     */
    private View pageIn(InvitePage page) throws Exception {
        return views.resolveViewName("invite", page.language().written());
    }
}
