package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.invitations.system.StoredEvents.StoredEvent;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of each side on one event store, with clients writing through both command sides: each query side
 * shows every invitation once at its stored version and every event once in the org's feed, although the two
 * instances of a side share its processors' segments; an invitation expires once and its email goes out once,
 * although both command sides poll for deadlines and run the saga's processor.
 */
class TwoInstancesOfEachSideIT {

    private static final String ADMIN = OrgReads.ADMIN;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WRITING = Duration.ofSeconds(5);
    private static final Duration SETTLING = Duration.ofSeconds(120);
    private static final int CLIENTS = 4;

    /** What a client asked for, and whether it then accepted or revoked the invitation. */
    private record Invitation(String id, String email, boolean shortLived, boolean wantsEmail, String ending) {
    }

    private final String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Invitation> created = new ConcurrentHashMap<>();
    private final List<Integer> endingStatuses = new CopyOnWriteArrayList<>();

    @Test
    void everythingHappensOnceAcrossTwoInstancesOfEachSide() throws Exception {
        var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        try (var system = new LocalSystem().sendEmailsTo(mail.getSmtp().getPort()).allowTtlsFrom("PT1S")) {
            system.startMongo();
            int[] commandPorts = {JavaProcess.freePort(), JavaProcess.freePort()};
            int[] queryPorts = {JavaProcess.freePort(), JavaProcess.freePort()};
            for (int i = 0; i < 2; i++) {
                system.startCommandSide(commandPorts[i]);
                system.startQuerySide(queryPorts[i]);
            }

            writeThroughBoth(commandPorts);
            assertThat(endingStatuses).as("accepts and revokes").containsOnly(200);
            assertThat(created).hasSizeGreaterThan(20);
            assertThat(StoredEvents.createdInvitations(system.mongoUri)).containsAll(created.keySet());

            List<StoredEvent> stored = settled(system);
            Map<String, List<String>> typesById = stored.stream().collect(Collectors.groupingBy(
                    StoredEvent::invitationId, Collectors.mapping(StoredEvent::type, Collectors.toList())));
            created.values().forEach(invitation -> {
                List<String> types = typesById.get(invitation.id());
                assertThat(types.stream().filter("InvitationExpired"::equals).count())
                        .as("expiries of " + invitation).isEqualTo(invitation.shortLived() ? 1 : 0);
                assertThat(types.stream().filter("InvitationEmailSent"::equals).count())
                        .as("emails recorded for " + invitation).isEqualTo(invitation.wantsEmail() ? 1 : 0);
            });

            // an email goes at least once: a repeat (the SMTP server failed after it took the email, or the saga's
            // work was redone on the other instance) is the same message, its Message-ID, which a mailbox shows once
            Map<String, Set<String>> emailsByAddress = emailsByAddress(mail);
            created.values().forEach(invitation -> assertThat(emailsByAddress.getOrDefault(invitation.email(),
                    Set.of())).as("emails that reached " + invitation).hasSize(invitation.wantsEmail() ? 1 : 0));
            int received = mail.getReceivedMessages().length;
            long distinct = emailsByAddress.values().stream().mapToLong(Set::size).sum();

            Map<String, Long> versions = stored.stream().collect(
                    Collectors.toMap(StoredEvent::invitationId, StoredEvent::sequence, Math::max));
            Set<String> eventIds = stored.stream().map(StoredEvent::id).collect(Collectors.toSet());
            for (int queryPort : queryPorts) {
                var reads = new OrgReads(queryPort, org, SETTLING);
                created.keySet().forEach(id -> assertThat(reads.versionOf(id, versions.get(id)))
                        .as("the view of " + id + " on " + queryPort).isEqualTo(versions.get(id)));
                assertThat(reads.listed(created.size())).as("the list on query side " + queryPort)
                        .hasSize(created.size()).containsExactlyInAnyOrderElementsOf(created.keySet());
                List<String> feed = reads.feed(eventIds).stream().map(OrgReads.FeedEvent::id).toList();
                assertThat(feed).as("the feed on query side " + queryPort)
                        .hasSize(stored.size()).containsExactlyInAnyOrderElementsOf(eventIds);
            }
            System.out.printf("%d invitations, %d events, %d emails (%d received: %d repeats), %d expiries%n",
                    created.size(), stored.size(), distinct, received, received - distinct,
                    stored.stream().filter(event -> event.type().equals("InvitationExpired")).count());
        } finally {
            mail.stop();
        }
    }

    /**
     * Clients create invitations through both command sides in turn: every other one lives three seconds, every fifth
     * asks for no email, and of the long-lived ones a third are accepted and a third revoked through the other side.
     */
    private void writeThroughBoth(int[] commandPorts) throws InterruptedException {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (writing.get()) {
                    int n = sequence.incrementAndGet();
                    createAndEnd(n, commandPorts[n % 2], commandPorts[(n + 1) % 2]);
                }
                return null;
            });
        }
        Thread.sleep(WRITING.toMillis());
        writing.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private void createAndEnd(int n, int port, int otherPort) throws IOException, InterruptedException {
        boolean shortLived = n % 2 == 0;
        boolean wantsEmail = n % 5 != 0;
        String email = "invitee-" + n + "@example.com";
        var body = JSON.createObjectNode().put("invitedEmail", email).put("role", "member")
                .put("ttl", shortLived ? "PT3S" : "P1D").put("disableInvitationEmail", !wantsEmail);
        var answer = OrgReads.send(port, "POST", "/v1/orgs/" + org + "/invitations", ADMIN, body.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode invitation = JSON.readTree(answer.body());
        String id = invitation.get("id").asText();
        String ending = shortLived ? "expires" : switch (n % 3) {
            case 1 -> "accepted";
            case 2 -> "revoked";
            default -> "pending";
        };
        created.put(id, new Invitation(id, email, shortLived, wantsEmail, ending));
        if (ending.equals("accepted")) {
            String token = JSON.createObjectNode().put("token", invitation.get("invitationToken").asText()).toString();
            endingStatuses.add(retryingConflicts(
                    () -> OrgReads.send(otherPort, "POST", "/v1/invitations:accept", null, token)));
        } else if (ending.equals("revoked")) {
            endingStatuses.add(retryingConflicts(() -> OrgReads.send(otherPort, "POST",
                    "/v1/orgs/" + org + "/invitations/" + id + ":revoke", ADMIN, "{\"reason\":\"fault suite\"}")));
        }
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /** A 409 concurrent-change (the saga recorded the email at the same moment) asks the client to retry. */
    private static int retryingConflicts(Call call) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            var answer = call.send();
            if (answer.statusCode() != 409 || !answer.body().contains("concurrent-change") || attempt == 5) {
                return answer.statusCode();
            }
        }
    }

    /**
     * The event store once every short-lived invitation has expired and every email asked for is recorded as sent:
     * nothing more is due to happen.
     */
    private List<StoredEvent> settled(LocalSystem system) {
        return await("every expiry and email due").atMost(SETTLING)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> StoredEvents.all(system.mongoUri), this::nothingMoreDue);
    }

    private boolean nothingMoreDue(List<StoredEvent> stored) {
        Map<String, Set<String>> typesById = stored.stream().collect(Collectors.groupingBy(
                StoredEvent::invitationId, Collectors.mapping(StoredEvent::type, Collectors.toSet())));
        return created.values().stream().allMatch(invitation -> {
            Set<String> types = typesById.getOrDefault(invitation.id(), Set.of());
            return (!invitation.shortLived() || types.contains("InvitationExpired"))
                    && (!invitation.wantsEmail() || types.contains("InvitationEmailSent"));
        });
    }

    /** The Message-IDs of the emails each address received. */
    private static Map<String, Set<String>> emailsByAddress(GreenMail mail) throws Exception {
        Map<String, Set<String>> messages = new HashMap<>();
        for (Message message : mail.getReceivedMessages()) {
            String messageId = ((MimeMessage) message).getMessageID();
            for (Address recipient : message.getRecipients(Message.RecipientType.TO)) {
                messages.computeIfAbsent(((InternetAddress) recipient).getAddress().toLowerCase(),
                        address -> new HashSet<>()).add(messageId);
            }
        }
        return messages;
    }
}
