package dev.ecabot.bench;

import com.sun.net.httpserver.HttpServer;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatDeliveryException;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.conversation.outbox.Outbox;
import dev.ecabot.store.Database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 9: outbox throughput. {@code sends} messages are queued in the bot's outbox (H2, the production settings:
 * 4 sender threads, backoff from 1 s, Retry-After honoured) for {@value #CONVERSATIONS} conversations, then the
 * outbox is started and timed until every one reached a fake platform on 127.0.0.1 that answers every 50th call
 * HTTP 429 with Retry-After: 1. Verdict: each message delivered exactly once, in order within its conversation.
 * Floor: the fake platform's own rate, the same HTTP posts sent straight to it from as many threads, no outbox and
 * no 429s, measured before and after the bot (interleaved).
 */
public final class OutboxBenchmark {

    static final int CONVERSATIONS = 100;
    static final int RATE_LIMIT_EVERY = 50;
    static final Duration GIVE_UP = Duration.ofSeconds(100);

    private OutboxBenchmark() {
    }

    public static List<Row> measure(int sends) throws Exception {
        String goal = "all once, in order";
        try (FakePlatform fake = new FakePlatform(); Database db = Database.inMemory("bench-outbox-" + UUID.randomUUID())) {
            int threads = Outbox.Settings.defaults().threads();
            floorMillis(fake, Math.min(sends, 2_000), threads); // warms the HTTP client and the fake; not counted
            double floor1 = floorMillis(fake, sends, threads);
            long queueStart = System.nanoTime();
            fake.reset(true);
            Outbox outbox = new Outbox(new HttpPlatformPort(fake), db.dataSource(), Outbox.Settings.defaults());
            for (int i = 0; i < sends; i++) {
                int conversation = i % CONVERSATIONS;
                outbox.post(ChatAddress.channel("bench", "C" + conversation), TextMessage.info(conversation + "|" + i / CONVERSATIONS));
            }
            double queueMillis = (System.nanoTime() - queueStart) / 1e6;
            long start = System.nanoTime();
            outbox.start();
            long deadline = start + GIVE_UP.toNanos();
            while (fake.delivered.get() < sends && System.nanoTime() < deadline) Thread.sleep(20);
            double botMillis = (System.nanoTime() - start) / 1e6;
            Thread.sleep(200); // anything sent twice would arrive now
            outbox.close();
            String verdict = fake.check(sends);
            int limited = fake.limited.get();
            int delivered = fake.delivered.get();
            double floor2 = floorMillis(fake, sends, threads);
            double floor = (floor1 + floor2) / 2;
            boolean ok = verdict.isEmpty();
            return List.of(Progress.done(new Row(String.format(Locale.ROOT, "Outbox: %,d sends, 429 every %dth", sends, RATE_LIMIT_EVERY),
                    Row.ms(botMillis) + String.format(Locale.ROOT, " (%.0f/s)", sends * 1000 / botMillis),
                    Row.ms(floor) + String.format(Locale.ROOT, " (%.0f/s, fake alone)", sends * 1000 / floor),
                    Row.ratio(botMillis, floor), goal, Row.met(ok),
                    String.format(Locale.ROOT, "H2, %d conversations, %d sender threads; %d answered 429 (Retry-After 1 s); "
                                    + "%d delivered%s; queueing took %s; floor %s / %s (before / after)",
                            CONVERSATIONS, threads, limited, delivered,
                            ok ? ", each once and in order" : ": " + verdict, Row.ms(queueMillis), Row.ms(floor1), Row.ms(floor2)))));
        }
    }

    /** The same posts straight to the fake from {@code threads} threads, no 429s: what the platform alone takes. */
    private static double floorMillis(FakePlatform fake, int sends, int threads) throws Exception {
        fake.reset(false);
        HttpPlatformPort port = new HttpPlatformPort(fake);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < sends; i = next.getAndIncrement()) {
                        int conversation = i % CONVERSATIONS;
                        port.post(ChatAddress.channel("bench", "C" + conversation), TextMessage.info(conversation + "|" + i / CONVERSATIONS));
                    }
                    return null;
                }));
            }
            for (var r : running) r.get();
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** The bot's side of the fake: one HTTP POST per message, a 429 turned into a retryable failure with its wait. */
    static final class HttpPlatformPort implements ChatPort {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI uri;

        HttpPlatformPort(FakePlatform fake) {
            this.uri = URI.create("http://127.0.0.1:" + fake.port() + "/post");
        }

        @Override
        public MessageRef post(ChatAddress to, ChatMessage message) {
            String text = ((TextMessage) message).text();
            HttpResponse<String> answer;
            try {
                answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new ChatDeliveryException("transport: " + e.getMessage(), true, null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChatDeliveryException("interrupted", true, null, e);
            }
            if (answer.statusCode() == 429) {
                long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
                throw new ChatDeliveryException("ratelimited", true, Duration.ofSeconds(seconds), null);
            }
            if (answer.statusCode() != 200) throw new ChatDeliveryException("HTTP " + answer.statusCode(), true, null, null);
            return new MessageRef(to, answer.body());
        }

        @Override
        public void edit(MessageRef ref, ChatMessage message) {
            throw new UnsupportedOperationException("the outbox figure only posts");
        }

        @Override
        public void reveal(ChatAddress to, SecretReveal reveal) {
            throw new UnsupportedOperationException("the outbox figure only posts");
        }
    }

    /**
     * The platform: takes "conversation|sequence" bodies, answers every {@value #RATE_LIMIT_EVERY}th call 429 with
     * Retry-After: 1 (when rate limiting is on) and remembers, per conversation, the sequence numbers it accepted.
     */
    static final class FakePlatform implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(4);
        private final AtomicLong calls = new AtomicLong();
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger limited = new AtomicInteger();
        private final AtomicBoolean rateLimiting = new AtomicBoolean();
        private final Map<Integer, List<Integer>> received = new ConcurrentHashMap<>();

        FakePlatform() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.setExecutor(executor);
            server.createContext("/post", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status;
                String answer;
                if (rateLimiting.get() && calls.incrementAndGet() % RATE_LIMIT_EVERY == 0) {
                    limited.incrementAndGet();
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    status = 429;
                    answer = "ratelimited";
                } else {
                    String[] parts = body.split("\\|");
                    List<Integer> seen = received.computeIfAbsent(Integer.parseInt(parts[0]), k -> new ArrayList<>());
                    synchronized (seen) {
                        seen.add(Integer.parseInt(parts[1]));
                    }
                    delivered.incrementAndGet();
                    status = 200;
                    answer = "m" + body;
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void reset(boolean limit) {
            rateLimiting.set(limit);
            calls.set(0);
            delivered.set(0);
            limited.set(0);
            received.clear();
        }

        /** Empty when every conversation got 0, 1, 2 ... in order, each once; else what went wrong. */
        String check(int sends) {
            int expectedPerConversation = sends / CONVERSATIONS;
            List<String> problems = new ArrayList<>();
            for (int c = 0; c < CONVERSATIONS; c++) {
                List<Integer> seen = received.getOrDefault(c, List.of());
                List<Integer> expected = new ArrayList<>();
                for (int s = 0; s < expectedPerConversation + (c < sends % CONVERSATIONS ? 1 : 0); s++) expected.add(s);
                if (!seen.equals(expected)) {
                    problems.add("conversation " + c + " got " + seen.size() + " of " + expected.size()
                            + (seen.size() == expected.size() ? " out of order" : ""));
                }
            }
            return problems.isEmpty() ? "" : problems.size() + " conversations wrong, e.g. " + problems.get(0);
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
