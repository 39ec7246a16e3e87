package dev.ecabot.app.cluster;

import com.zaxxer.hikari.HikariDataSource;
import dev.ecabot.access.ChatUserRef;
import dev.ecabot.conversation.ChatEvent;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.state.ConversationKey;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.conversation.state.Stage;
import dev.ecabot.reminders.Recipient;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderKind;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.reminders.RemindersSettings;
import dev.ecabot.slack.FakeSlackWebApi;
import dev.ecabot.slack.SignedRequests;
import dev.ecabot.store.Database;
import dev.ecabot.testing.EmulatedOrgs;
import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster on this machine without containers: two real {@code ecabot serve} JVMs on one PostgreSQL schema and
 * one (emulated) Salesforce org, Slack requests spread across both, and one instance killed with {@code kill -9}
 * ({@link Process#destroyForcibly()}) while it provisions and while a burst of reminders fires. Every request
 * completes once, every reminder fires once, no secret is lost. Prints its figures (see the closing note).
 */
class TwoInstancesOnPostgresTest {

    static final String SIGNING_SECRET = "0f9e8d7c6b5a49382716a5b4c3d2e1f0";
    static final int REQUESTS = 8;     // app requests confirmed just before the instances start
    static final int REMINDERS = 120;  // reminders falling due together while provisioning runs
    static final int HELPS = 10;       // slash commands spread across both instances
    static final Pattern SERVING = Pattern.compile("ECA bot serving on port (\\d+)");

    @TempDir
    Path dir;

    @Test
    void aKillMinus9MidProvisioningAndMidReminderBurstLosesAndDoublesNothing() throws Exception {
        try (Database db = PostgresTestDatabase.openFreshSchema();
             EmulatedOrgs org = EmulatedOrgs.start(Duration.ofSeconds(4));
             FakeSlackWebApi slack = new FakeSlackWebApi()) {
            String url = db.dataSource().unwrap(HikariDataSource.class).getJdbcUrl();
            Path config = dir.resolve("ecabot.yaml");
            Files.writeString(config, """
                    demoOrg: false
                    roles:
                      requesters: [ "slack:*" ]
                    orgs:
                      - name: prod
                        environment: production
                        loginUrl: %s
                        auth:
                          type: jwt-bearer
                          consumerKey: %s
                          username: %s
                          privateKeyFile: %s
                    """.formatted(org.baseUrl(), EmulatedOrgs.BOT_CONSUMER_KEY, EmulatedOrgs.BOT_USER,
                    EmulatedOrgs.keyFile("bot.key.pem")));
            Map<String, String> env = new HashMap<>();
            env.put("SLACK_BOT_TOKEN", "xoxb-9-9-clustertoken");
            env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
            env.put("SLACK_API_URL", slack.apiUrl());
            env.put("ECABOT_PORT", "0");
            env.put("ECABOT_BIND_ADDRESS", "127.0.0.1");
            env.put("ECABOT_DB_URL", url);
            env.put("ECABOT_DB_USER", System.getenv().getOrDefault("ECABOT_TEST_PG_USER", "postgres"));
            env.put("ECABOT_CONFIG", config.toString());
            env.put("ECABOT_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
            env.put("ECABOT_PROVISIONING_LEASE", "PT5S");
            env.put("ECABOT_OUTBOX_CLAIM", "PT10S"); // what the killed instance was sending goes out 10 s later
            env.put("ECABOT_DATA_DIR", dir.resolve("data").toString());

            List<String> requesters = seedConfirmedRequests(db);
            // Due already: both schedulers fire the burst as they start, while the seeded requests are being provisioned.
            List<String> reminderTexts = seedReminders(db, Instant.now());

            long t0 = System.nanoTime();
            Process a = serve(env, "a");
            Process b = serve(env, "b");
            try {
                int portA = portOf(a, "a");
                int portB = portOf(b, "b");
                double startSeconds = (System.nanoTime() - t0) / 1e9;

                // Requests spread across both: every signed slash command is acknowledged, whichever instance gets it.
                int acked = 0;
                for (int i = 0; i < HELPS; i++) {
                    int port = i % 2 == 0 ? portA : portB;
                    SignedRequests signed = new SignedRequests(URI.create("http://127.0.0.1:" + port + "/slack/events"),
                            SIGNING_SECRET);
                    HttpResponse<String> ack = signed.postCommand(SignedRequests.commandForm("help", "U0HELP" + i,
                            "D0HELP" + i, slack.responseUrl("help-" + i)));
                    if (ack.statusCode() == 200) acked++;
                }

                // Kill A with -9 once provisioning is under way and the reminder burst has begun.
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                        .until(() -> deploys(org) >= 1 && delivered(db) >= 1);
                int deploysAtKill = (int) deploys(org);
                int remindersAtKill = delivered(db);
                int appsAtKill = revealed(slack).size();
                a.destroyForcibly().waitFor();
                double killedAt = (System.nanoTime() - t0) / 1e9;

                // B finishes everything: A's requests once its leases end, A's reminders once Quartz sees A gone, and the
                // messages A had queued in the outbox once its claims on them end.
                await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> revealed(slack).stream().distinct().count() >= REQUESTS && delivered(db) >= REMINDERS
                                && reminderTexts.stream().allMatch(text -> slack.calls("chat.postMessage").stream()
                                        .anyMatch(c -> String.valueOf(c.param("text")).contains(text))));
                Thread.sleep(8000); // anything doubled would show by now
                double doneAt = (System.nanoTime() - t0) / 1e9;

                assertThat(acked).as("slash commands acknowledged").isEqualTo(HELPS);
                // Every request completes once: one app per request in the org, one inventory row, one reveal offer.
                for (int i = 0; i < REQUESTS; i++) {
                    String apiName = "Cluster_App_" + i;
                    assertThat(org.emulator().org().consumer(apiName)).as(apiName + " exists in the org").isPresent();
                    assertThat(count(db, "SELECT COUNT(*) FROM inventory_app WHERE api_name = ?", apiName))
                            .as(apiName + " in the inventory").isEqualTo(1);
                    assertThat(count(db, "SELECT COUNT(*) FROM reveal_offers WHERE api_name = ? AND state = 'OPEN' "
                            + "AND sealed_credentials IS NOT NULL", apiName)).as(apiName + "'s secret kept, sealed").isEqualTo(1);
                }
                // The offer message itself is at-least-once: an instance killed between posting it and recording that
                // it did leaves the survivor to post it again, for the same offer (one secret, revealable once).
                assertThat(revealed(slack).stream().distinct().toList()).as("each requester offered their secret")
                        .containsExactlyInAnyOrderElementsOf(requesters.stream().map(u -> "D" + u).toList());
                int repeatedOfferMessages = revealed(slack).size() - REQUESTS;
                // Every reminder fires once: delivered once in the database, none lost. Its chat message is at-least-once:
                // one that A had posted but not yet recorded when it was killed is posted again by B (counted below).
                assertThat(delivered(db)).isEqualTo(REMINDERS);
                int repeatedReminderMessages = 0;
                for (String text : reminderTexts) {
                    long posted = slack.calls("chat.postMessage").stream()
                            .filter(c -> String.valueOf(c.param("text")).contains(text)).count();
                    assertThat(posted).as("reminder '" + text + "' posted").isBetween(1L, 2L);
                    repeatedReminderMessages += (int) (posted - 1);
                }
                String figures = """
                        cluster test figures (two serve JVMs, one PostgreSQL schema, one emulated org, deploy delay 4 s)
                          instances up after %.1f s; %d/%d slash commands acknowledged across both
                          %d app requests, %d reminders due together as both start
                          killed A (kill -9) at %.1f s: %d deploys sent, %d reminders delivered, %d secrets offered by then
                          all done at %.1f s: %d apps created once each (one inventory row, one reveal offer each, all
                          sealed, none lost), %d reminders delivered once each, %d deploy requests in all,
                          %d offer message(s) and %d reminder message(s) posted a second time after the kill (A had sent
                          them but not recorded it: chat messages are at-least-once)
                        """.formatted(startSeconds, acked, HELPS, REQUESTS, REMINDERS, killedAt, deploysAtKill,
                        remindersAtKill, appsAtKill, doneAt, REQUESTS, delivered(db), deploys(org), repeatedOfferMessages,
                        repeatedReminderMessages);
                // SIGTERM to the survivor: it stops gracefully (drains, stops Quartz) well within its grace period.
                long stopStart = System.nanoTime();
                b.destroy();
                assertThat(b.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)).as("B stopped on SIGTERM").isTrue();
                figures += String.format("  B stopped on SIGTERM in %.1f s (exit %d)%n", (System.nanoTime() - stopStart) / 1e9,
                        b.exitValue());
                System.out.println(figures);
                Files.writeString(Path.of("target", "cluster-test-figures.txt"), figures);
            } finally {
                a.destroyForcibly();
                b.destroy(); // SIGTERM: the graceful stop
                if (!b.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) b.destroyForcibly();
            }
        }
    }

    private List<String> seedConfirmedRequests(Database db) {
        List<String> users = new ArrayList<>();
        ConversationStore store = new ConversationStore(db.dataSource());
        Instant started = Instant.now().minusSeconds(60);
        for (int i = 0; i < REQUESTS; i++) {
            String userId = "U0REQ" + i;
            users.add(userId);
            ChatUser user = new ChatUser("slack", userId, "Requester " + i, null);
            ChatPlace dm = ChatPlace.direct("D" + userId);
            store.save(new ConversationState(ConversationKey.of(new ChatEvent.Text(user, dm, "")), user, dm,
                    Stage.PROVISIONING, "altify-mcp", "prod", Map.of("org", "prod", "app_name", "Cluster App " + i,
                    "api_name", "Cluster_App_" + i, "contact_email", "ops@example.com", "description", ""),
                    null, started, started, 0));
        }
        return users;
    }

    private List<String> seedReminders(Database db, Instant due) {
        List<String> texts = new ArrayList<>();
        try (Reminders reminders = Reminders.open(db, (r, late) -> { }, RemindersSettings.defaults())) {
            for (int i = 0; i < REMINDERS; i++) {
                String text = "Cluster reminder number " + i + " of " + REMINDERS + ".";
                texts.add(text);
                reminders.schedule(new Reminder("cluster-" + i, ReminderKind.APP_USABLE,
                        Recipient.requester(ChatUserRef.parse("slack:U0REM" + i)), "prod", "Cluster_App_" + (i % REQUESTS),
                        null, due, text));
            }
        }
        return texts;
    }

    private Process serve(Map<String, String> env, String name) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath(), "-cp", System.getProperty("java.class.path"), "dev.ecabot.app.EcaBotCommand", "serve");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(name + ".log").toFile());
        pb.directory(dir.toFile());
        return pb.start();
    }

    private int portOf(Process p, String name) {
        File log = dir.resolve(name + ".log").toFile();
        int[] port = {0};
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!p.isAlive()) throw new AssertionError("instance " + name + " ended: " + Files.readString(log.toPath()));
            Matcher m = SERVING.matcher(Files.readString(log.toPath(), StandardCharsets.UTF_8));
            if (m.find()) port[0] = Integer.parseInt(m.group(1));
            return port[0] > 0;
        });
        return port[0];
    }

    private static long deploys(EmulatedOrgs org) {
        return org.emulator().org().calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().endsWith("/metadata/deployRequest")).count();
    }

    /** The DM channels a reveal offer was posted to (one per offer message). */
    private static List<String> revealed(FakeSlackWebApi slack) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("blocks") != null && c.param("blocks").contains("Reveal"))
                .map(c -> c.param("channel")).toList();
    }

    private static int delivered(Database db) {
        return count(db, "SELECT COUNT(*) FROM reminders WHERE state = 'DELIVERED' AND reminder_id LIKE ?", "cluster-%");
    }

    private static int count(Database db, String sql, String param) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
