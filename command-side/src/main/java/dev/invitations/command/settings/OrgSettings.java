package dev.invitations.command.settings;

import dev.invitations.api.org.OrgSettingsChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An org's settings: its stream ({@link OrgSettingsChanged#aggregateIdentifierOf}) begins with the first change, and
 * each change records all of them. Their version is the number of changes, so an org without settings is at 0. The
 * invitations stored before a change keep what they are: the settings apply to the commands that follow.
 */
@Aggregate
public class OrgSettings {

    @AggregateIdentifier
    private String settingsId;
    private OrgPolicy policy = OrgPolicy.DEFAULTS;
    private long version;

    protected OrgSettings() {
        // for Axon, which rebuilds the settings from their events, or creates them for their first change
    }

    /**
     * Changes the settings, the first time too. Axon does not compare an expected version for a handler that may
     * create the aggregate, so {@code If-Match} is compared here. A change to the settings as they are stores nothing.
     *
     * @throws SettingsVersionMismatch when the command expects a version the settings are not at
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangeOrgSettings command) {
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new SettingsVersionMismatch(command.expectedVersion(), version);
        }
        if (!command.settings().equals(policy)) {
            apply(command.settings().changeOf(command.orgId(), command.actor(),
                    GenericEventMessage.clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(OrgSettingsChanged event) {
        settingsId = OrgSettingsChanged.aggregateIdentifierOf(event.orgId());
        policy = OrgPolicy.of(event);
        version++;
    }
}
