package dev.invitations.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * The yardstick the benchmark holds the service's create against: the service a user would otherwise write. A plain
 * Spring Boot application whose one controller takes the same {@code POST /v1/orgs/{orgId}/invitations} body,
 * validates it by the contract's rules with bean validation, and inserts one document into a collection with a unique
 * (org, email) index: no events, no projections, no email, no authentication. Spring MVC and Spring Data MongoDB
 * with their defaults (the driver's default write concern), so that the comparison flatters neither side.
 * <p>
 * It runs in the calling JVM, on a free loopback port, against the MongoDB server it is given, in a database of its
 * own ({@value #DATABASE}). It takes none of the project's configuration: its application class names its one
 * controller instead of scanning packages, and it reads no {@code application.yml} (the test classpath holds
 * api-security's, meant for that module's stand-in applications). Spring Security is on that classpath too, only as
 * a dependency of api-security's test jar, so its auto-configurations are left out. Logging is at WARN; Spring Boot
 * configures Logback for the whole JVM, so that level is the calling tests' too.
 */
final class CrudYardstick implements AutoCloseable {

    static final String DATABASE = "bench-crud";

    private final ConfigurableApplicationContext context;
    private final String baseUrl;

    private CrudYardstick(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts the application against {@code mongoUri} ({@code mongodb://host:port}); returns once it answers. */
    static CrudYardstick start(String mongoUri) {
        // command-line arguments: they take precedence over the environment's and the JVM's properties
        return new CrudYardstick(new SpringApplicationBuilder(Application.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run("--spring.config.name=crud-yardstick",
                        "--server.address=127.0.0.1",
                        "--server.port=0",
                        "--spring.data.mongodb.uri=" + mongoUri,
                        "--spring.data.mongodb.database=" + DATABASE,
                        "--logging.level.root=warn"));
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration(exclude = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
    @Import(InvitationController.class)
    static class Application {
    }

    /** The create, as a team would write it: validate, insert, answer 201, or 409 when the email is invited already. */
    @RestController
    static class InvitationController {

        /** The service's default time to live. */
        private static final Duration TTL = Duration.ofDays(7);
        private static final SecureRandom RANDOM = new SecureRandom();
        private static final Base64.Encoder TOKEN_ENCODER = Base64.getUrlEncoder().withoutPadding();

        private final MongoTemplate mongo;

        InvitationController(MongoTemplate mongo) {
            this.mongo = mongo;
            mongo.indexOps(Invitation.class).createIndex(new Index()
                    .on("orgId", Sort.Direction.ASC).on("invitedEmail", Sort.Direction.ASC).unique());
        }

        @PostMapping("/v1/orgs/{orgId}/invitations")
        ResponseEntity<Created> create(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String orgId,
                                       @Valid @RequestBody Create body) {
            Instant now = Instant.now();
            Invitation invitation = new Invitation(UUID.randomUUID().toString(), orgId, body.invitedEmail(),
                    body.role(), "PENDING", newToken(), now, now.plus(TTL));
            try {
                mongo.insert(invitation);
            } catch (DuplicateKeyException alreadyInvited) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "this email is invited to this org already");
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(new Created(invitation.id(), invitation.token()));
        }

        /** 32 random bytes, URL-safe: as much secret as an invitation token carries. */
        private static String newToken() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return TOKEN_ENCODER.encodeToString(bytes);
        }
    }

    /**
     * The create's body. The email is trimmed and lower-cased before it is validated and stored, so that the unique
     * index compares addresses whatever their case; the role follows the contract's rule for a role.
     */
    record Create(@NotBlank @Email @Size(max = 254) String invitedEmail,
                  @NotBlank @Pattern(regexp = "[a-z0-9._-]{1,64}") String role) {

        Create {
            invitedEmail = invitedEmail == null ? null : invitedEmail.strip().toLowerCase(Locale.ROOT);
        }
    }

    record Created(String id, String invitationToken) {
    }

    @Document("invitations")
    record Invitation(@Id String id, String orgId, String invitedEmail, String role, String state, String token,
                      Instant createdTime, Instant expiresTime) {
    }
}
