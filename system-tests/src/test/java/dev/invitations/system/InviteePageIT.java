package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.invitations.security.JwtsForTests;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The invitee's path in a real browser: an invitation is created over HTTP, its link opened in headless Chromium
 * (Debian's, driven through its chromedriver), and Accept or Decline clicked; the page calls the command side across
 * origins and shows the outcome, and the invitation's state follows.
 */
class InviteePageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target/invitee-page.png");
    private static final Path FRENCH_SCREENSHOT = Path.of("target/invite-page-fr.png");
    private static final String ADMIN = JwtsForTests.bearer("admin-1", JwtsForTests.EVERYTHING, "*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The invitee's mailbox: the command side sends its emails here. */
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/invite\\?token=[A-Za-z0-9_-]+");

    private static LocalSystem system;
    private static int commandPort;
    private static int queryPort;
    private static Path browserProfile;
    private static ChromeDriver browser;

    @BeforeAll
    static void startSystemAndBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Chromium is needed at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": run scripts/install-test-browser.sh as root (it installs Debian's chromium and chromium-driver)");
        }
        commandPort = JavaProcess.freePort();
        queryPort = JavaProcess.freePort();
        MAIL.start();
        system = new LocalSystem().linkSidesForBrowser(commandPort, queryPort).sendEmailsTo(MAIL.getSmtp().getPort());
        system.startMongo();
        system.startCommandSide(commandPort);
        system.startQuerySide(queryPort);

        // both paths given, so that Selenium Manager never tries to download a driver or a browser
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        browserProfile = Files.createTempDirectory("invitee-page-chromium");
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // as root in a closed network: no sandbox, and no background calls that could only be refused
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + browserProfile);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(420, 860)); // a phone's width
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
        MAIL.stop();
        if (browserProfile != null) {
            try (var files = Files.walk(browserProfile)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void theInviteeOpensTheLinkSeesTheInvitationAndAccepts() throws Exception {
        String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = create(org, "ada.lovelace@example.com");
        String id = created.get("id").asText();
        awaitView(org, id, "PENDING");

        browser.get(linkTheInviteeReceives(created.get("invitedEmail").asText()));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You are invited to join " + org);
        assertThat(page).contains("Grace Hopper", "ada.lovelace@example.com", org, "engineer", "UTC");
        assertThat(browser.getPageSource()).doesNotContain(created.get("invitationToken").asText());
        saveScreenshot(SCREENSHOT);

        browser.findElement(By.cssSelector("button[data-action=accept]")).click();

        assertThat(outcome()).contains("You have accepted the invitation");
        assertThat(browser.findElement(By.id("actions")).isDisplayed()).isFalse();
        assertThat(awaitView(org, id, "ACCEPTED").get("acceptTime").isNull()).isFalse();
    }

    @Test
    void theInviteeDeclines() throws Exception {
        String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = create(org, "alan.turing@example.com");
        String id = created.get("id").asText();
        awaitView(org, id, "PENDING");

        browser.get(linkTheInviteeReceives(created.get("invitedEmail").asText()));
        browser.findElement(By.cssSelector("button[data-action=decline]")).click();

        assertThat(outcome()).contains("You have declined the invitation");
        assertThat(awaitView(org, id, "DECLINED").get("declineTime").isNull()).isFalse();
    }

    @Test
    void theInviteeReadsThePageInFrenchAndAccepts() throws Exception {
        String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = create(org, "marie.curie@example.com");
        String id = created.get("id").asText();
        awaitView(org, id, "PENDING");

        browser.get(linkTheInviteeReceives(created.get("invitedEmail").asText()) + "&lang=fr");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Invitation à rejoindre " + org);
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Grace Hopper vous invite à rejoindre cette organisation.", "marie.curie@example.com")
                .contains("Rôle", "engineer", "Valable jusqu’au", "UTC", "Accepter l’invitation", "Refuser");
        saveScreenshot(FRENCH_SCREENSHOT);

        browser.findElement(By.cssSelector("button[data-action=accept]")).click();

        assertThat(outcome()).contains("Vous avez accepté l’invitation");
        assertThat(awaitView(org, id, "ACCEPTED").get("acceptTime").isNull()).isFalse();
    }

    private static void saveScreenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The link in the invitation email that reached the invitee's address. */
    private static String linkTheInviteeReceives(String address) {
        return await("an invitation email reaching " + address).atMost(Duration.ofSeconds(15))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> linkIn(MAIL.getReceivedMessagesForDomain(address)), Objects::nonNull);
    }

    /** The first invitation link in the emails, or null. */
    private static String linkIn(Part[] emails) throws Exception {
        for (Part email : emails) {
            Matcher link = LINK.matcher(textOf(email));
            if (link.find()) {
                return link.group();
            }
        }
        return null;
    }

    /** The decoded text of a part and of every part inside it. */
    private static String textOf(Part part) throws Exception {
        if (part.getContent() instanceof Multipart parts) {
            var text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(textOf(parts.getBodyPart(i)));
            }
            return text.toString();
        }
        return String.valueOf(part.getContent());
    }

    private static String outcome() {
        var status = browser.findElement(By.id("outcome"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ignored -> !status.getText().isBlank());
        return status.getText();
    }

    private static JsonNode create(String org, String email) throws Exception {
        String body = JSON.createObjectNode().put("invitedEmail", email).put("role", "engineer")
                .put("inviter", "Grace Hopper").toString();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + commandPort + "/v1/orgs/" + org + "/invitations"))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body());
    }

    /** The query side's view of the invitation once it is in {@code state}. */
    private static JsonNode awaitView(String org, String id, String state) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + queryPort + "/v1/orgs/" + org
                + "/invitations/" + id)).header("Authorization", ADMIN).build();
        return await("the view of " + id + " in " + state).atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
                }, view -> view != null && view.get("state").asText().equals(state));
    }
}
