package dev.ecabot.bench;

import com.sun.net.httpserver.HttpServer;
import dev.ecabot.app.http.BotHttpServer;
import dev.ecabot.app.serve.ServeCommand;
import dev.ecabot.teams.TeamsBotAdapter;
import dev.ecabot.teams.TeamsMessagesServlet;
import dev.ecabot.teams.TeamsSettings;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Figure 8: Teams {@code /api/messages} answer latency, open loop at {@code rate} activities/s to each target over
 * loopback, insecure-local (unsigned, as the Bot Framework Emulator sends them). The bot is {@code ecabot serve}
 * in this JVM; its replies go to a fake Bot Connector that takes 200 ms per call. The floor is a bare Bot Framework
 * bot (the same adapter and servlet, a bot that does nothing) on the same Jetty server class, answering 202.
 * Interleaved per tick like the Slack harness; at most 512 requests in flight per target (more count as errors).
 */
public final class TeamsBenchmark {

    private static final int MAX_IN_FLIGHT = 512;

    private TeamsBenchmark() {
    }

    public static List<Row> measure(int rate, int warmup, int seconds) throws Exception {
        HttpServer connector = slowConnector(Duration.ofMillis(200));
        String serviceUrl = "http://127.0.0.1:" + connector.getAddress().getPort() + "/";
        Map<String, String> env = Map.of("ECABOT_TEAMS_INSECURE_LOCAL", "true", "ECABOT_PORT", "0",
                "ECABOT_DB_URL", "jdbc:h2:mem:teams-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "ECABOT_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        BotHttpServer floorServer = new BotHttpServer(0);
        try (ServeCommand.Running bot = ServeCommand.start(env)) {
            floorServer.mount("/api/messages", new TeamsMessagesServlet(new TeamsBotAdapter(TeamsSettings.insecureLocal()),
                    turn -> CompletableFuture.completedFuture(null)));
            floorServer.start();
            URI botUri = bot.server().baseUri().resolve("/api/messages");
            URI floorUri = floorServer.baseUri().resolve("/api/messages");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            if (warmup > 0) run(http, botUri, floorUri, serviceUrl, rate, warmup);
            Samples[] r = run(http, botUri, floorUri, serviceUrl, rate, seconds);
            String note = String.format(Locale.ROOT, "%d activities/s each, %d s after %d s warm-up; answered %d/%d,"
                    + " errors %s; connector 200 ms per call", rate, seconds, warmup, r[0].count(), r[1].count(), errors);
            return List.of(
                    new Row("Teams answer p50", Row.ms(r[0].p50()), Row.ms(r[1].p50()) + " (bare BF bot, 202)",
                            Row.ratio(r[0].p50(), r[1].p50()), "recorded", Row.Verdict.RECORDED, note),
                    new Row("Teams answer p99", Row.ms(r[0].p99()), Row.ms(r[1].p99()) + " (bare BF bot, 202)",
                            Row.ratio(r[0].p99(), r[1].p99()), "<= 1.5x", Row.met(r[0].p99() <= 1.5 * r[1].p99()),
                            "the bot answers 202 at once; its replies go out through the outbox"));
        } finally {
            floorServer.close();
            connector.stop(0);
        }
    }

    private static String errors = "";

    private static Samples[] run(HttpClient http, URI bot, URI floor, String serviceUrl, int rate, int seconds)
            throws InterruptedException {
        Samples botLatency = new Samples();
        Samples floorLatency = new Samples();
        AtomicInteger botErrors = new AtomicInteger();
        AtomicInteger floorErrors = new AtomicInteger();
        Semaphore botSlots = new Semaphore(MAX_IN_FLIGHT);
        Semaphore floorSlots = new Semaphore(MAX_IN_FLIGHT);
        Phaser inFlight = new Phaser(1);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            String body = activity(serviceUrl, i);
            if (i % 2 == 0) {
                send(http, bot, body, due, botLatency, botErrors, botSlots, inFlight);
                send(http, floor, body, due, floorLatency, floorErrors, floorSlots, inFlight);
            } else {
                send(http, floor, body, due, floorLatency, floorErrors, floorSlots, inFlight);
                send(http, bot, body, due, botLatency, botErrors, botSlots, inFlight);
            }
        }
        try {
            inFlight.awaitAdvanceInterruptibly(inFlight.arrive(), 30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.println("teams: some activities got no answer within 30 s after the last was sent");
        }
        errors = botErrors.get() + "/" + floorErrors.get();
        return new Samples[] {botLatency, floorLatency};
    }

    private static void send(HttpClient http, URI target, String body, long due, Samples latency, AtomicInteger errors,
                             Semaphore slots, Phaser inFlight) {
        if (!slots.tryAcquire()) {
            errors.incrementAndGet();
            return;
        }
        inFlight.register();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() >= 300) errors.incrementAndGet();
            else latency.add(System.nanoTime() - due);
            slots.release();
            inFlight.arriveAndDeregister();
        });
    }

    /** A personal-chat message "help" from one of 50 people, its replies addressed to the slow connector. */
    static String activity(String serviceUrl, int i) {
        String user = String.format(Locale.ROOT, "29:bench-user-%04d", i % 50);
        return """
                {"type":"message","timestamp":"2026-11-20T09:14:06.736Z","id":"f:%d","channelId":"msteams",
                 "serviceUrl":"%s","from":{"id":"%s","name":"Bench User","aadObjectId":"0f5b1c2e-8a4d-4e1f-9b7a-3c2d1e0f%04d"},
                 "conversation":{"conversationType":"personal","tenantId":"5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6","id":"a:bench%d"},
                 "recipient":{"id":"28:11111111-2222-3333-4444-555555555555","name":"ECA bot"},"text":"help","textFormat":"plain",
                 "locale":"en-US","channelData":{"tenant":{"id":"5e2f7a10-3b4c-4d5e-8f90-a1b2c3d4e5f6"}}}
                """.formatted(i, serviceUrl, user, i % 50, i % 50);
    }

    /** A Bot Connector that answers every call (replies, updates, members) after {@code delay}. */
    static HttpServer slowConnector(Duration delay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "bench-connector");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }
}
