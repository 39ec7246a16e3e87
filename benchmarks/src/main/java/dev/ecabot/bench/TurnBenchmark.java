package dev.ecabot.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecabot.app.serve.ServeCommand;
import dev.ecabot.slack.FakeSlackWebApi;
import dev.ecabot.slack.SignedRequests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Figure 5: whole-turn latency. A person's direct message ("help") goes to the real bot ({@code ecabot serve}
 * in this JVM, Slack over HTTP, H2 in memory) as a signed Events API callback; the turn ends when the bot's reply
 * (chat.postMessage) reaches the fake Slack Web API. The floor is the fake's own trip for the same call: a
 * chat.postMessage posted straight to it, until the fake has it (both end where the fake records the call). One turn at a time, bot and floor alternately.
 */
public final class TurnBenchmark {

    private static final String SIGNING_SECRET = "5c4b3a291807f6e5d4c3b2a1908f7e6d";
    private static final String BOT_TOKEN = "xoxb-0000-0000-turnbench";

    private TurnBenchmark() {
    }

    public static List<Row> measure(int rounds) throws Exception {
        Map<String, String> env = new HashMap<>();
        try (FakeSlackWebApi slack = new FakeSlackWebApi()) {
            env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
            env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
            env.put("SLACK_API_URL", slack.apiUrl());
            env.put("ECABOT_PORT", "0");
            env.put("ECABOT_DB_URL", "jdbc:h2:mem:turn-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            env.put("ECABOT_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
            try (ServeCommand.Running bot = ServeCommand.start(env)) {
                SignedRequests events = new SignedRequests(bot.server().baseUri().resolve("/slack/events"), SIGNING_SECRET);
                okhttp3.OkHttpClient okHttp = new okhttp3.OkHttpClient();
                okhttp3.Request direct = new okhttp3.Request.Builder().url(slack.apiUrl() + "chat.postMessage")
                        .header("Authorization", "Bearer " + BOT_TOKEN)
                        .post(okhttp3.RequestBody.create("channel=D0FLOOR&text=Here+is+what+I+can+do",
                                okhttp3.MediaType.get("application/x-www-form-urlencoded"))).build();
                int[] n = {0};
                Interleaved.Result r = Interleaved.run(rounds, Duration.ofSeconds(20),
                        () -> turn(events, slack, n[0]++),
                        () -> {
                            slack.clear();
                            // OkHttp, the client the bot's Slack SDK uses (the JDK's client writes headers and body
                            // apart, which costs it a delayed ACK on loopback and would flatter the bot).
                            okhttp3.Call call = okHttp.newCall(direct);
                            var answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                                try (okhttp3.Response response = call.execute()) {
                                    return response.code();
                                } catch (java.io.IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            });
                            awaitPost(slack);
                            if (answer.get() != 200) throw new IllegalStateException("the fake answered " + answer.get());
                        });
                double overhead = r.bot().p99() - r.floor().p99();
                return List.of(
                        new Row("Whole turn p50", Row.ms(r.bot().p50()), Row.ms(r.floor().p50()) + " (fake round trip)",
                                Row.ratio(r.bot().p50(), r.floor().p50()), "recorded", Row.Verdict.RECORDED,
                                r.bot().count() + " turns, one at a time"),
                        new Row("Whole turn p99", Row.ms(r.bot().p99()), Row.ms(r.floor().p99()) + " (fake round trip)",
                                Row.ratio(r.bot().p99(), r.floor().p99()), "overhead <= 20 ms", Row.met(overhead <= 20),
                                String.format(Locale.ROOT, "overhead p99 %s", Row.ms(overhead))));
            }
        }
    }

    /** One direct message in, until the bot's chat.postMessage reaches the fake (at most 10 s). */
    private static void turn(SignedRequests events, FakeSlackWebApi slack, int i) {
        String user = "U0TURN" + (i % 20);
        ObjectNode payload = SignedRequests.payload("events/message_im.json");
        payload.put("event_id", "Ev0TURN" + i + UUID.randomUUID().toString().substring(0, 8));
        ObjectNode event = (ObjectNode) payload.get("event");
        event.put("user", user).put("channel", "D" + user).put("text", "help")
                .put("client_msg_id", UUID.randomUUID().toString())
                .put("ts", "1700000200." + String.format(Locale.ROOT, "%06d", i))
                .put("event_ts", "1700000200." + String.format(Locale.ROOT, "%06d", i));
        slack.clear();
        HttpResponse<String> ack = events.postEvent(payload, Map.of());
        if (ack.statusCode() != 200) throw new IllegalStateException("the bot answered " + ack.statusCode());
        awaitPost(slack);
    }

    /** Until a chat.postMessage has reached the fake (it records a call before answering it). */
    private static void awaitPost(FakeSlackWebApi slack) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (FakeSlackWebApi.Call call : slack.calls()) {
                if (call.method().equals("chat.postMessage")) return;
            }
            LockSupport.parkNanos(50_000);
        }
        throw new IllegalStateException("no reply reached the fake Web API within 10 s");
    }
}
