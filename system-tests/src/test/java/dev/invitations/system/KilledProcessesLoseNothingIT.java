package dev.invitations.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four clients create invitations while one of the processes is killed with SIGKILL and restarted: every create
 * that was answered 201 is in the event store afterwards, and the clients never see a 500.
 */
class KilledProcessesLoseNothingIT {

    @Test
    void killingTheCommandSideLosesNoAcknowledgedCreate() throws Exception {
        try (var system = new LocalSystem()) {
            system.startMongo();
            int port = JavaProcess.freePort();
            var commandSide = system.startCommandSide(port);

            var clients = Clients.creating(4, port, "kill-command-side");
            Thread.sleep(3_000);
            commandSide.killDashNine();
            clients.stop();
            system.startCommandSide(port);

            assertThat(clients.acknowledged).hasSizeGreaterThan(20);
            assertThat(StoredEvents.createdInvitations(system.mongoUri)).containsAll(clients.acknowledged);
            assertThat(clients.statuses).doesNotContain(500);
        }
    }

    @Test
    void killingTheEmbeddedServerLosesNoAcknowledgedCreateAndClientsRecover() throws Exception {
        try (var system = new LocalSystem()) {
            var mongo = system.startMongo();
            int port = JavaProcess.freePort();
            system.startCommandSide(port);

            var clients = Clients.creating(4, port, "kill-embedded-server");
            Thread.sleep(2_000);
            mongo.killDashNine();
            Thread.sleep(2_000);
            int acknowledgedBeforeRestart = clients.acknowledged.size();
            system.startMongo();
            Thread.sleep(4_000);
            clients.stop();

            assertThat(clients.countOf(503)).as("503s while the server was gone").isPositive();
            assertThat(clients.statuses).doesNotContain(500);
            assertThat(clients.acknowledged).as("creates acknowledged after the restart")
                    .hasSizeGreaterThan(acknowledgedBeforeRestart);
            assertThat(StoredEvents.createdInvitations(system.mongoUri)).containsAll(clients.acknowledged);
        }
    }
}
