package dev.ecabot.bench.slack;

import dev.ecabot.app.serve.ServeCommand;
import dev.ecabot.slack.FakeSlackWebApi;
import dev.ecabot.slack.SignedRequests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Load harness (not a test): sends signed {@code /eca help} slash commands and button clicks (block_actions),
 * alternately, over loopback at a fixed rate to the
 * real bot ({@code ecabot serve} in this JVM, H2 in memory, a fake Slack Web API) and, interleaved in the same
 * run, to a bare Bolt app that only acks (the framework's floor); reports ack latency p50/p90/p99/max and errors
 * for both. Open loop: latency counts from the request's scheduled time, so a stalled server cannot hide its
 * queue. Bounded: at most 1000 req/s per target, 256 requests in flight per target (more count as errors),
 * 600 s in all; only 127.0.0.1 is ever contacted.
 * Run alone: <pre>java ... dev.ecabot.bench.slack.SlackAckLoadHarness [--rate 200] [--seconds 60] [--warmup 60]</pre>
 * or with every other figure through {@link dev.ecabot.bench.AllBenchmarks}.
 */
public final class SlackAckLoadHarness {

    private static final String SIGNING_SECRET = "5c4b3a291807f6e5d4c3b2a1908f7e6d";
    private static final String BOT_TOKEN = "xoxb-0000-0000-loadharness";
    /** Requests awaiting an answer per target; beyond it a request is not sent and counts as an error. */
    private static final int MAX_IN_FLIGHT = 256;

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = options(args);
        int rate = options.get("rate");
        int seconds = options.get("seconds");
        int warmup = options.get("warmup");
        if (rate < 1 || rate > 1000) throw new IllegalArgumentException("--rate must be 1..1000 requests/s per target");
        if (seconds < 1 || warmup < 0 || seconds + warmup > 600) {
            throw new IllegalArgumentException("--seconds (>= 1) plus --warmup (>= 0) must be at most 600");
        }
        try (FakeSlackWebApi slackApi = new FakeSlackWebApi();
             ServeCommand.Running bot = ServeCommand.start(botEnvironment(slackApi));
             BareBoltFloor floor = new BareBoltFloor(BOT_TOKEN, SIGNING_SECRET, slackApi.apiUrl())) {
            URI botUri = bot.server().baseUri().resolve("/slack/events");
            System.out.printf("bot %s, floor %s, %d req/s each, warm-up %d s, measured %d s%n",
                    botUri, floor.endpoint(), rate, warmup, seconds);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            if (warmup > 0) run(http, botUri, floor.endpoint(), rate, warmup, "warm-up");
            AckLatencies[] result = run(http, botUri, floor.endpoint(), rate, seconds, "measured");
            System.out.println("target   sent errors   p50(ms)   p90(ms)   p99(ms)   max(ms)");
            System.out.println(result[0].row());
            System.out.println(result[1].row());
            double ratio = result[1].percentile(99) == 0 ? Double.NaN
                    : (double) result[0].percentile(99) / result[1].percentile(99);
            System.out.printf("p99 bot/floor = %.2f (goal <= 1.50); bot Web API calls made: %d%n",
                    ratio, slackApi.calls("chat.postMessage").size());
        }
        System.exit(0);
    }

    /** Figure 1 of {@link dev.ecabot.bench.AllBenchmarks}: p50 and p99 ack latency, bot against bare Bolt. */
    public static java.util.List<dev.ecabot.bench.Row> measure(int rate, int warmup, int seconds) throws Exception {
        try (FakeSlackWebApi slackApi = new FakeSlackWebApi();
             ServeCommand.Running bot = ServeCommand.start(botEnvironment(slackApi));
             BareBoltFloor floor = new BareBoltFloor(BOT_TOKEN, SIGNING_SECRET, slackApi.apiUrl())) {
            URI botUri = bot.server().baseUri().resolve("/slack/events");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            if (warmup > 0) run(http, botUri, floor.endpoint(), rate, warmup, "slack warm-up");
            AckLatencies[] r = run(http, botUri, floor.endpoint(), rate, seconds, "slack measured");
            String load = String.format(java.util.Locale.ROOT, "%d req/s each, %d s after %d s warm-up; answered %d/%d,"
                    + " errors %d/%d (bot/floor)", rate, seconds, warmup, r[0].count(), r[1].count(),
                    r[0].errors(), r[1].errors());
            java.util.List<dev.ecabot.bench.Row> rows = new java.util.ArrayList<>();
            for (double[] p : new double[][] {{50, 1.1}, {99, 1.5}}) {
                double b = r[0].percentile(p[0]) / 1000.0;
                double f = r[1].percentile(p[0]) / 1000.0;
                boolean errorsAlike = r[0].errors() <= Math.max(5, r[1].errors() * 1.5);
                rows.add(new dev.ecabot.bench.Row("Slack ack p" + (int) p[0], dev.ecabot.bench.Row.ms(b),
                        dev.ecabot.bench.Row.ms(f) + " (bare Bolt)", dev.ecabot.bench.Row.ratio(b, f),
                        String.format(java.util.Locale.ROOT, "<= %.1fx", p[1]),
                        dev.ecabot.bench.Row.met(f > 0 && b / f <= p[1] && errorsAlike), load));
            }
            return rows;
        }
    }

    /** Sends one request to each target per tick for {@code seconds}, alternating which goes first. */
    static AckLatencies[] run(HttpClient http, URI bot, URI floor, int rate, int seconds, String phase) throws Exception {
        int total = rate * seconds;
        AckLatencies botLatencies = new AckLatencies("bot", total);
        AckLatencies floorLatencies = new AckLatencies("floor", total);
        SignedRequests toBot = new SignedRequests(bot, SIGNING_SECRET);
        SignedRequests toFloor = new SignedRequests(floor, SIGNING_SECRET);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        var inFlight = new java.util.concurrent.Phaser(1);
        Semaphore botSlots = new Semaphore(MAX_IN_FLIGHT);
        Semaphore floorSlots = new Semaphore(MAX_IN_FLIGHT);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            String user = "U0LOAD" + (i % 50);
            boolean botFirst = i % 2 == 0;
            boolean click = i % 4 >= 2;
            if (botFirst) {
                send(http, toBot, user, click, due, botLatencies, botSlots, inFlight);
                send(http, toFloor, user, click, due, floorLatencies, floorSlots, inFlight);
            } else {
                send(http, toFloor, user, click, due, floorLatencies, floorSlots, inFlight);
                send(http, toBot, user, click, due, botLatencies, botSlots, inFlight);
            }
        }
        int arrived = inFlight.arrive();
        try {
            inFlight.awaitAdvanceInterruptibly(arrived, 30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.println(phase + ": some requests got no answer within 30 s after the last was sent");
        }
        System.out.printf("%s: bot %d answered, %d errors; floor %d answered, %d errors; in %d s%n", phase,
                botLatencies.count(), botLatencies.errors(), floorLatencies.count(), floorLatencies.errors(), seconds);
        return new AckLatencies[] {botLatencies, floorLatencies};
    }

    private static void send(HttpClient http, SignedRequests target, String user, boolean click, long dueNanos,
                             AckLatencies latencies, Semaphore slots, java.util.concurrent.Phaser inFlight) {
        if (!slots.tryAcquire()) {
            latencies.error();
            return;
        }
        String body = click ? buttonClick(user)
                : SignedRequests.commandForm("help", user, "D" + user, "http://127.0.0.1:9/unused");
        long ts = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target.endpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", String.valueOf(ts))
                .header("X-Slack-Signature", target.sign(ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        inFlight.register();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            long micros = (System.nanoTime() - dueNanos) / 1000;
            if (failure != null || response.statusCode() != 200) latencies.error();
            else latencies.record(micros);
            slots.release();
            inFlight.arriveAndDeregister();
        });
    }

    /** A click on a button of an old message (no question pending): the bot acks, then says so after the ack. */
    private static String buttonClick(String user) {
        var payload = SignedRequests.payload("interactivity/block_actions.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("user")).put("id", user);
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("channel")).put("id", "D" + user);
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("container")).put("channel_id", "D" + user);
        payload.put("response_url", "http://127.0.0.1:9/unused");
        return SignedRequests.formEncode(Map.of("payload", payload.toString()));
    }

    private static Map<String, String> botEnvironment(FakeSlackWebApi slackApi) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLACK_API_URL", slackApi.apiUrl());
        env.put("ECABOT_PORT", "0");
        env.put("ECABOT_DB_URL", "jdbc:h2:mem:load-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        env.put("ECABOT_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        return env;
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new HashMap<>(Map.of("rate", 200, "seconds", 60, "warmup", 60));
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!options.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--rate N] [--seconds N] [--warmup N]; got '" + args[i] + "'");
            }
            options.put(name, Integer.parseInt(args[++i]));
        }
        return options;
    }
}
