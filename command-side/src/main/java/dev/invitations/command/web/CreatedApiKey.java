package dev.invitations.command.web;

import java.time.Instant;
import java.util.List;

/** The answer to a key's creation: the only time {@code key} is ever shown. */
record CreatedApiKey(String id, String key, String name, List<String> scopes, Instant createTime, String prefix) {
}
