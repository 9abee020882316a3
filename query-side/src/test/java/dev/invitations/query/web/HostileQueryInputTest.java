package dev.invitations.query.web;

import dev.invitations.query.EventsForTests;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import dev.invitations.testing.MongoForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every parameter and path segment of every query-side endpoint given hostile values: the answer is a 2xx when the
 * value happens to be acceptable, otherwise a 4xx problem+json (the invitee's page may answer its HTML); never a
 * 5xx, never a hang. Afterwards the service still works.
 * <p>
 * A context of its own: its own database (it rebuilds the views) and limits high enough that its two thousand
 * requests reach their handlers instead of the rate limit, however fast they come: the token calls' per-address one,
 * and the per-caller one of its readers, which share one subject.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "invitations.rate-limit.per-client-address=1000000", "invitations.rate-limit.per-caller=1000000",
        "invitations.query.min-version-wait=PT0.2S"})
@Import(EventsForTests.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileQueryInputTest {

    private static final String ORG = "fuzz";

    /** Values that have broken services, URL-encoded before sending: operators, control characters, sizes, numbers. */
    private static final List<String> HOSTILE_VALUES = List.of(
            "\u0000", "a\u0000b", "%00", "x".repeat(10_000), "\ud83d\ude00\u202e\u0065\u0301\u6f22", "\ud800",
            "{\"$gt\": \"\"}", "{\"$ne\":null}", "{\"$where\": \"1\"}", "$gt", "a.b", "*", ".*", "\\E.*\\Q", "(", "[",
            "42", "0", "-1", "+5", " 7 ", "0x10", "1e309", "NaN", "-9223372036854775809", "9223372036854775808",
            "999999999999999999", "99999999999999999999999999", "", "   ", "null", "true", "[]",
            "../../etc/passwd", "<script>alert(1)</script>", "k:v", ":v", "$where:1", "k:" + "v".repeat(300),
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2026-13-45T99:99:99Z",
            "2026-11-21T09:01:12+18:00", "ALL", "PENDING", "pending",
            "A".repeat(64), "_".repeat(62) + "==", "A".repeat(63) + "=");

    /** Sent as they are: escapes that decode to NUL or to invalid UTF-8 (Java's client cannot send malformed ones). */
    private static final List<String> RAW_VALUES = List.of(
            "%00", "a%00b", "%C0%AF", "%ED%A0%80", "%FF%FE", "%2500", "%E2%80%AE", "a;b=c");

    private static final List<String> HOSTILE_SEGMENTS = List.of(
            "..", "%2e%2e", "..%252F..", "%2F", "%5C", "%25%30%30", "%00", "a".repeat(2_000), "a".repeat(10_000),
            "%F0%9F%98%80", "%C0%AF", "%FF", "%7B%22%24gt%22%3A%22%22%7D", "%20", "x;jsessionid=1", "$gt", "*",
            "00000000-0000-0000-0000-000000000000");

    @LocalServerPort
    int port;

    @Autowired
    EventsForTests events;

    private HttpForTests reader;
    private HttpForTests admin;
    /** May read the org's webhooks. */
    private HttpForTests integrator;
    private HttpForTests invitee;
    /** The invitee signed in with a verified email, for {@code /v1/me}. */
    private HttpForTests signedIn;
    private String invitation;
    private String cursor;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        MongoForTests.use(registry, "hostile-query-input");
    }

    @BeforeAll
    void createTargets() {
        reader = new HttpForTests(port, JwtsForTests.bearer("fuzzer", "org.user.read org.integrations.manage", "*"));
        admin = new HttpForTests(port, JwtsForTests.bearer("operator", "invitations.admin"));
        integrator = new HttpForTests(port, JwtsForTests.bearer("fuzzer", "org.integrations.manage", "*"));
        invitee = new HttpForTests(port, null);
        signedIn = new HttpForTests(port, JwtsForTests.invitee("fuzzer", "target@example.com", true));
        Instant now = Instant.now();
        invitation = events.create(ORG, "target@example.com", now);
        events.create(ORG, "second@example.com", now.plusSeconds(1));
        events.create(ORG, "third@example.com", now.plusSeconds(2));
        Answer firstPage = waitFor(() -> reader.get("/v1/orgs/" + ORG + "/invitations?limit=1"),
                answer -> answer.status() == 200 && !answer.body().path("next").isNull());
        cursor = firstPage.body().get("next").asText();
    }

    /** Every parameter of every endpoint, with the others left out; the events feed has events, so it never waits. */
    Stream<Arguments> hostileParameters() {
        String item = "/v1/orgs/" + ORG + "/invitations/" + invitation;
        List<String[]> parameters = new ArrayList<>();
        for (String name : List.of("state", "email", "role", "creator", "label", "created_after", "created_before",
                "limit", "starting_after", "ending_before", "include_total")) {
            parameters.add(new String[]{"GET", "/v1/orgs/" + ORG + "/invitations", name});
        }
        parameters.add(new String[]{"GET", item, "minVersion"});
        parameters.add(new String[]{"GET", item + "/history", "minVersion"});
        parameters.add(new String[]{"GET", "/v1/invitations:lookup", "token"});
        for (String name : List.of("after", "limit", "wait")) {
            parameters.add(new String[]{"GET", "/v1/orgs/" + ORG + "/events", name});
        }
        parameters.add(new String[]{"GET", "/invite", "token"});
        parameters.add(new String[]{"GET", "/invite", "lang"});
        for (String name : List.of("limit", "starting_after", "ending_before")) {
            parameters.add(new String[]{"GET", "/v1/me/invitations", name});
        }
        parameters.add(new String[]{"GET", "/v1/orgs/" + ORG + "/webhooks", "x"});
        parameters.add(new String[]{"GET", "/v1/orgs/" + ORG + "/webhooks/00000000-0000-4000-8000-000000000000", "x"});
        parameters.add(new String[]{"GET", "/admin/views/rebuild", "x"});
        parameters.add(new String[]{"POST", "/admin/views:rebuild", "x"});
        List<String> values = new ArrayList<>();
        HOSTILE_VALUES.forEach(value -> values.add(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        values.addAll(RAW_VALUES);
        return parameters.stream().flatMap(parameter -> values.stream().map(value -> Arguments.of(
                parameter[0], parameter[1] + "?" + parameter[2] + "=" + value)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileParameters")
    @Timeout(10)
    void hostileParametersNeverCauseA5xx(String method, String pathAndQuery) {
        assertAnsweredWithoutServerError(pathAndQuery, send(method, pathAndQuery));
    }

    /** Cursors that were changed, cut short, made up, or issued for another org or the other direction. */
    Stream<Arguments> forgedCursors() {
        String payload = cursor.substring(0, cursor.indexOf('.'));
        String signature = cursor.substring(cursor.indexOf('.') + 1);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        List<String> forged = List.of(
                cursor.substring(0, cursor.length() - 1), cursor.substring(0, cursor.length() / 2), payload,
                payload + ".", "." + signature, cursor + "." + signature, cursor + "x", ".", "..", "",
                base64.encodeToString("2026-11-21T09:00:00Z|x".getBytes(StandardCharsets.UTF_8)) + "." + signature,
                base64.encodeToString("|".getBytes(StandardCharsets.UTF_8)) + "." + signature,
                base64.encodeToString("no separator".getBytes(StandardCharsets.UTF_8)) + "." + signature,
                "!!!!." + signature, payload + "." + "A".repeat(10_000), "A".repeat(10_000) + "." + signature,
                payload.toLowerCase() + "." + signature, "%00" + cursor, cursor + "%00");
        return Stream.of("starting_after", "ending_before").flatMap(name -> Stream.concat(
                forged.stream().map(value -> Arguments.of("/v1/orgs/" + ORG + "/invitations?" + name + "=" + value)),
                Stream.of(Arguments.of("/v1/orgs/other/invitations?" + name + "=" + cursor))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedCursors")
    @Timeout(10)
    void forgedCursorsAreA400(String pathAndQuery) {
        Answer answer = reader.get(pathAndQuery);
        assertThat(answer.status()).as(pathAndQuery).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    /** The same parameter more than once, where the contract expects it once. */
    Stream<String> repeatedParameters() {
        String list = "/v1/orgs/" + ORG + "/invitations";
        String item = list + "/" + invitation;
        return Stream.of(list + "?limit=5&limit=6", list + "?limit=5&limit=%00",
                list + "?include_total=true&include_total=false", list + "?email=a@b.c&email=d@e.f",
                list + "?created_after=2026-11-21T09:01:12Z&created_after=2026-11-22T09:01:12Z",
                list + "?starting_after=" + cursor + "&starting_after=" + cursor,
                list + "?starting_after=" + cursor + "&ending_before=" + cursor,
                list + "?state=ALL&state=PENDING&state=ALL" + "&state=x".repeat(500),
                list + "?label=k:v" + "&label=k:w".repeat(500), list + "?" + "limit=1&".repeat(2_000),
                item + "?minVersion=0&minVersion=1", "/v1/invitations:lookup?token=a&token=b",
                "/v1/orgs/" + ORG + "/events?after=0&after=1", "/v1/orgs/" + ORG + "/events?limit=1&limit=2",
                "/v1/orgs/" + ORG + "/events?wait=1&wait=2", "/invite?token=a&token=b");
    }

    @ParameterizedTest
    @MethodSource("repeatedParameters")
    @Timeout(10)
    void repeatedParametersNeverCauseA5xx(String pathAndQuery) {
        assertAnsweredWithoutServerError(pathAndQuery, send("GET", pathAndQuery));
    }

    /** Org ids and invitation ids: traversal, encoded separators, NUL, sizes, operators. */
    Stream<Arguments> hostilePaths() {
        return HOSTILE_SEGMENTS.stream().flatMap(segment -> Stream.of(
                "/v1/orgs/" + segment + "/invitations", "/v1/orgs/" + segment + "/invitations/" + invitation,
                "/v1/orgs/" + ORG + "/invitations/" + segment,
                "/v1/orgs/" + ORG + "/invitations/" + segment + "?minVersion=1",
                "/v1/orgs/" + ORG + "/invitations/" + segment + "/history",
                "/v1/orgs/" + segment + "/invitations/" + invitation + "/history",
                "/v1/orgs/" + segment + "/events", "/v1/orgs/" + segment + "/apiKeys",
                "/v1/invitations:lookup/" + segment, "/invite/" + segment,
                "/admin/views/" + segment, "/v1/orgs/" + segment + "/webhooks",
                "/v1/orgs/" + ORG + "/webhooks/" + segment, "/v1/orgs/" + ORG + "/webhooks/" + segment + "/deliveries",
                "/v1/orgs/" + segment + "/webhooks/00000000-0000-4000-8000-000000000000/deliveries"))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("hostilePaths")
    @Timeout(10)
    void hostilePathsNeverCauseA5xx(String path) {
        assertAnsweredWithoutServerError(path, send("GET", path));
    }

    Stream<Arguments> hostileFeedParameters() {
        return hostileParameters().filter(arguments -> ((String) arguments.get()[1]).contains("/events?"));
    }

    /** The feed's parameters on its NDJSON export: a 400 problem, never a 5xx nor a stream. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileFeedParameters")
    @Timeout(10)
    void hostileExportParametersNeverCauseA5xx(String method, String pathAndQuery) {
        Answer answer = reader.get(pathAndQuery, "Accept", "application/x-ndjson");
        assertAnsweredWithoutServerError(pathAndQuery, answer);
    }

    /** Bearer tokens that look like API keys, or almost: never a key, never a 5xx. */
    @ParameterizedTest
    @MethodSource("hostileApiKeys")
    @Timeout(10)
    void hostileApiKeysAreUnauthenticated(String token) {
        Answer answer = new HttpForTests(port, "Bearer " + token).get("/v1/orgs/" + ORG + "/invitations");
        assertThat(answer.status()).isEqualTo(401);
        assertAnsweredWithoutServerError(token, answer);
    }

    Stream<String> hostileApiKeys() {
        return Stream.of("inv_", "inv_" + "A".repeat(4_000), "inv_" + "A".repeat(42) + "=", "inv_%00" + "A".repeat(40),
                "inv_{\"$gt\":\"\"}", "INV_" + "A".repeat(43), "inv_" + "A".repeat(43) + "." + "A".repeat(43));
    }

    /** The paths above whose org id the command side would refuse. */
    Stream<String> orgIdsOutsideTheContract() {
        return hostilePaths().map(arguments -> (String) arguments.get()[0])
                .filter(path -> path.startsWith("/v1/orgs/") && !path.split("/")[3].matches("[A-Za-z0-9_-]{1,64}"));
    }

    /** Such an org id is a 400, not an empty list of an org that cannot exist. */
    @ParameterizedTest
    @MethodSource("orgIdsOutsideTheContract")
    @Timeout(10)
    void orgIdsOutsideTheContractAreA400(String path) {
        assertThat(send("GET", path).status()).as(path).isEqualTo(400);
    }

    @AfterAll
    void theServiceStillServes() {
        // a rebuild started above must end, and the views must hold what they held before it
        waitFor(() -> admin.get("/admin/views/rebuild"), answer -> !answer.body().path("state").asText().equals("RUNNING"));
        Answer list = waitFor(() -> reader.get("/v1/orgs/" + ORG + "/invitations"),
                answer -> answer.status() == 200 && answer.body().get("invitations").size() == 3);
        assertThat(list.status()).isEqualTo(200);
        assertThat(reader.get("/v1/orgs/" + ORG + "/invitations/" + invitation).status()).isEqualTo(200);
        assertThat(reader.get("/v1/orgs/" + ORG + "/events").status()).isEqualTo(200);
        assertThat(integrator.get("/v1/orgs/" + ORG + "/webhooks").status()).isEqualTo(200);
        assertThat(invitee.get("/v1/invitations:lookup?token=" + events.tokenOf(invitation, 1)).status())
                .isEqualTo(200);
        assertThat(invitee.get("/invite?token=" + events.tokenOf(invitation, 1)).status()).isEqualTo(200);
    }

    private Answer send(String method, String pathAndQuery) {
        HttpForTests client = pathAndQuery.startsWith("/admin") ? admin
                : pathAndQuery.startsWith("/v1/orgs") && pathAndQuery.contains("/webhooks") ? integrator
                : pathAndQuery.startsWith("/v1/orgs") ? reader : pathAndQuery.startsWith("/v1/me") ? signedIn : invitee;
        return method.equals("POST") ? client.post(pathAndQuery) : client.get(pathAndQuery);
    }

    private static void assertAnsweredWithoutServerError(String pathAndQuery, Answer answer) {
        String request = pathAndQuery.length() > 200 ? pathAndQuery.substring(0, 200) + "…" : pathAndQuery;
        assertThat(answer.status()).as(request).isLessThan(500);
        if (answer.status() >= 400) {
            boolean page = pathAndQuery.startsWith("/invite?") && answer.contentType().startsWith("text/html");
            assertThat(page || answer.contentType().startsWith("application/problem+json"))
                    .as(request + " answered " + answer.status() + " " + answer.contentType()).isTrue();
        }
    }

    /** Polls {@code read} for up to 20 s until its answer passes {@code done}. */
    private static Answer waitFor(Supplier<Answer> read, Predicate<Answer> done) {
        return await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(read::get, done);
    }
}
