package dev.invitations.query.web;

import dev.invitations.query.rebuild.RebuildProgress;
import dev.invitations.query.rebuild.ViewRebuild;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Operators rebuild the views from the event store here, and watch the progress. */
@RestController
class RebuildController {

    private static final String PROGRESS = "/admin/views/rebuild";

    private final ViewRebuild rebuild;

    RebuildController(ViewRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/admin/views:rebuild")
    ResponseEntity<RebuildProgress> start() {
        return ResponseEntity.accepted().location(URI.create(PROGRESS)).body(rebuild.start());
    }

    @GetMapping(PROGRESS)
    RebuildProgress progress() {
        return rebuild.progress();
    }
}
