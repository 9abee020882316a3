package dev.invitations.command.settings;

import dev.invitations.api.org.OrgId;

/** The policy each org's settings set now, as the event store holds them: what the invitation commands obey. */
public interface OrgPolicies {

    /** The org's current policy; {@link OrgPolicy#DEFAULTS} for an org that never changed its settings. */
    OrgPolicy current(OrgId orgId);
}
