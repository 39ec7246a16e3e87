package dev.ecabot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for Slack's Web API (https://slack.com/api/METHOD) and for response_url webhooks: records
 * every call and answers with Slack's response shapes (ok:true bodies, ok:false error bodies, HTTP 429 with
 * Retry-After). Answers come from src/test/resources/slack/web-api/METHOD.json, with ids filled in per call.
 * Point the bot at {@link #apiUrl()}; response URLs under {@link #responseUrl(String)}. Files are shared as
 * files.uploadV2 does: files.getUploadURLExternal hands out an upload URL on this server, the bytes POSTed there
 * are kept ("upload" calls), files.completeUploadExternal shares them ({@link #sharedFiles()}). Thread-safe.
 */
public final class FakeSlackWebApi implements AutoCloseable {

    /** One recorded call: the method (or "response_url"), its parameters, and the bearer token used. */
    public record Call(String method, Map<String, String> params, String token) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<String>> scriptedErrors = new ConcurrentHashMap<>();
    private final Map<String, Queue<Integer>> scriptedRateLimits = new ConcurrentHashMap<>();
    private final Map<String, String> fixedAnswers = new ConcurrentHashMap<>();
    /** Faults for calls whose parameters contain a text: [method, text, remaining count, HTTP status, Retry-After]. */
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private volatile long latencyMillis;
    private final java.util.concurrent.atomic.AtomicInteger faultsServed = new java.util.concurrent.atomic.AtomicInteger();

    private static final class Fault {
        final String method;
        final String contains;
        final java.util.concurrent.atomic.AtomicInteger left;
        final int status;
        final int retryAfter;
        final String error;

        Fault(String method, String contains, int times, int status, int retryAfter, String error) {
            this.method = method;
            this.contains = contains;
            this.left = new java.util.concurrent.atomic.AtomicInteger(times);
            this.status = status;
            this.retryAfter = retryAfter;
            this.error = error;
        }
    }
    private final AtomicLong ts = new AtomicLong(1_700_000_000_000100L);

    public FakeSlackWebApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::api);
        server.createContext("/response/", this::responseUrlPost);
        server.createContext("/upload/", this::uploadPost);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    /** The next call to {@code method} answers {@code {"ok":false,"error":error}}. */
    public FakeSlackWebApi failNext(String method, String error) {
        scriptedErrors.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).add(error);
        return this;
    }

    /** Every call to {@code method} answers {@code error} until {@link #heal(String)}. */
    public FakeSlackWebApi failAlways(String method, String error) {
        scriptedErrors.put(method, new AlwaysQueue(error));
        return this;
    }

    public FakeSlackWebApi heal(String method) {
        scriptedErrors.remove(method);
        return this;
    }

    /** Every successful call to {@code method} answers exactly {@code json} (e.g. apps.connections.open's URL). */
    public FakeSlackWebApi answer(String method, String json) {
        fixedAnswers.put(method, json);
        return this;
    }

    /** The next call to {@code method} answers HTTP 429 with Retry-After: seconds. */
    public FakeSlackWebApi rateLimitNext(String method, int retryAfterSeconds) {
        scriptedRateLimits.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).add(retryAfterSeconds);
        return this;
    }

    /**
     * The next {@code times} calls to {@code method} whose parameters contain {@code contains} answer HTTP 429 with
     * Retry-After: {@code retryAfterSeconds} (e.g. only the post of the Reveal offer: contains "reveal").
     */
    public FakeSlackWebApi rateLimitMatching(String method, String contains, int times, int retryAfterSeconds) {
        faults.add(new Fault(method, contains, times, 429, retryAfterSeconds, "ratelimited"));
        return this;
    }

    /** The next {@code times} matching calls answer HTTP {@code status} (a 5xx: Slack is having trouble). */
    public FakeSlackWebApi serverErrorMatching(String method, String contains, int times, int status) {
        faults.add(new Fault(method, contains, times, status, -1, null));
        return this;
    }

    /** The next {@code times} matching calls answer 200 with {@code {"ok":false,"error":error}}. */
    public FakeSlackWebApi refuseMatching(String method, String contains, int times, String error) {
        faults.add(new Fault(method, contains, times, 200, -1, error));
        return this;
    }

    /**
     * Slack's ok:false body for {@code error}: {@code {"ok":false,"error":...}} (web-api/*.error_*.json of the shared
     * fixtures); invalid_blocks also names what was wrong, as Slack does, in {@code errors} and
     * {@code response_metadata.messages}.
     */
    static String refusal(String error) {
        if (!"invalid_blocks".equals(error)) return "{\"ok\":false,\"error\":\"" + error + "\"}";
        return "{\"ok\":false,\"error\":\"invalid_blocks\",\"errors\":[\"invalid additional property: scripted "
                + "[json-pointer:/blocks/0]\"],\"response_metadata\":{\"messages\":[\"[ERROR] invalid additional "
                + "property: scripted [json-pointer:/blocks/0]\"]}}";
    }

    /** Every answer comes this much later (a slow Slack). */
    public FakeSlackWebApi latency(Duration delay) {
        latencyMillis = delay.toMillis();
        return this;
    }

    /** How many scripted faults were answered so far. */
    public int faultsServed() {
        return faultsServed.get();
    }

    private Fault faultFor(String method, Map<String, String> params) {
        for (Fault f : faults) {
            if (f.method.equals(method) && params.toString().contains(f.contains) && f.left.getAndDecrement() > 0) {
                faultsServed.incrementAndGet();
                return f;
            }
        }
        return null;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    private final List<String> refusedOverLimit = new CopyOnWriteArrayList<>();

    /** The calls refused because they broke a Block Kit limit (method: which limit), in order. */
    public List<String> refusedOverLimit() {
        return List.copyOf(refusedOverLimit);
    }

    public void clear() {
        calls.clear();
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        Map<String, String> params = java.util.Collections.synchronizedMap(parseBody(exchange));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : params.get("token");
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Fault fault = faultFor(method, params);
        if (fault != null) {
            calls.add(new Call(method, params, token));
            if (fault.retryAfter >= 0) exchange.getResponseHeaders().add("Retry-After", String.valueOf(fault.retryAfter));
            if (fault.status == 429) send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            else if (fault.status >= 500) send(exchange, fault.status, "<html>upstream error</html>");
            else send(exchange, 200, refusal(fault.error));
            return;
        }
        java.util.Optional<String> overLimit = SlackBlockLimits.violation(method, params);
        if (overLimit.isPresent()) {
            // As Slack does: the whole call is refused, nothing is posted or opened.
            params.put("_refused", overLimit.get());
            calls.add(new Call(method, params, token));
            refusedOverLimit.add(method + ": " + overLimit.get());
            send(exchange, 200, "{\"ok\":false,\"error\":\"" + (method.startsWith("views.") ? "invalid_arguments"
                    : "invalid_blocks") + "\",\"response_metadata\":{\"messages\":[\"[ERROR] " + overLimit.get() + "\"]}}");
            return;
        }
        Integer retryAfter = poll(scriptedRateLimits, method);
        if (retryAfter != null) {
            calls.add(new Call(method, params, token));
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
            send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        String error = poll(scriptedErrors, method);
        String body = error != null ? "{\"ok\":false,\"error\":\"" + error + "\"}" : answer(method, params);
        calls.add(new Call(method, params, token));
        send(exchange, 200, body);
    }

    /** A file announced by files.getUploadURLExternal: its name, the announced size, the bytes once uploaded. */
    private record PendingFile(String name, int length, byte[] bytes) {
    }

    /** A file files.completeUploadExternal shared: where (channel, thread), its title, comment and content. */
    public record SharedFile(String id, String channel, String threadTs, String title, String comment, String content) {
    }

    private final Map<String, PendingFile> pendingFiles = new ConcurrentHashMap<>();
    private final List<SharedFile> sharedFiles = new CopyOnWriteArrayList<>();

    /** The files shared so far, in order. */
    public List<SharedFile> sharedFiles() {
        return List.copyOf(sharedFiles);
    }

    /** The upload URL's POST: the raw bytes of the file (an unknown or already used URL is a 404, as at Slack). */
    private void uploadPost(HttpExchange exchange) throws IOException {
        String fileId = exchange.getRequestURI().getPath().substring("/upload/".length());
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("file_id", fileId);
        params.put("length", String.valueOf(bytes.length));
        params.put("content_type", exchange.getRequestHeaders().getFirst("Content-Type"));
        calls.add(new Call("upload", params, null));
        Fault fault = faultFor("files.upload", params);
        if (fault != null) {
            if (fault.retryAfter >= 0) exchange.getResponseHeaders().add("Retry-After", String.valueOf(fault.retryAfter));
            send(exchange, fault.status == 200 ? 500 : fault.status, "<html>upload failed</html>");
            return;
        }
        PendingFile pending = pendingFiles.get(fileId);
        if (pending == null || pending.bytes() != null) {
            send(exchange, 404, "<html>not found</html>");
            return;
        }
        pendingFiles.put(fileId, new PendingFile(pending.name(), pending.length(), bytes));
        send(exchange, 200, "OK - " + bytes.length);
    }

    private void responseUrlPost(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("url", exchange.getRequestURI().getPath());
        params.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        SlackBlockLimits.violation("response_url", params).ifPresent(broken -> {
            params.put("_refused", broken);
            refusedOverLimit.add("response_url: " + broken);
        });
        calls.add(new Call("response_url", params, null));
        send(exchange, 200, "ok");
    }

    /** Slack's success shape for each method, with the ids this call should get. */
    private String answer(String method, Map<String, String> params) throws IOException {
        if (fixedAnswers.containsKey(method)) return fixedAnswers.get(method);
        InputStream template = getClass().getResourceAsStream("/slack/web-api/" + method + ".json");
        if (template == null) return "{\"ok\":false,\"error\":\"unknown_method\"}";
        ObjectNode body = (ObjectNode) JSON.readTree(template);
        switch (method) {
            case "chat.postMessage", "chat.postEphemeral" -> {
                String messageTs = nextTs();
                params.put("_response_ts", messageTs);
                body.put("channel", params.get("channel"));
                body.put("ts", messageTs);
                ObjectNode message = (ObjectNode) body.get("message");
                if (message != null) {
                    message.put("ts", messageTs);
                    message.put("text", params.getOrDefault("text", ""));
                }
                if (method.equals("chat.postEphemeral")) body.put("message_ts", messageTs);
            }
            case "chat.update" -> {
                params.put("_response_ts", params.get("ts")); // taken: a rate-limited or failed update has none
                body.put("channel", params.get("channel"));
                body.put("ts", params.get("ts"));
                body.put("text", params.getOrDefault("text", ""));
            }
            case "users.info" -> ((ObjectNode) body.get("user")).put("id", params.get("user"));
            case "conversations.open" -> ((ObjectNode) body.get("channel")).put("id", "D" + params.get("users"));
            case "views.open", "views.update" -> {
                ObjectNode view = (ObjectNode) body.get("view");
                String viewId = method.equals("views.update") ? params.get("view_id") : "V" + nextTs().replace(".", "");
                params.put("_view_id", viewId);
                view.put("id", viewId);
            }
            case "files.getUploadURLExternal" -> {
                int length;
                try {
                    length = Integer.parseInt(params.getOrDefault("length", ""));
                } catch (NumberFormatException e) {
                    return "{\"ok\":false,\"error\":\"invalid_arguments\"}";
                }
                String name = params.get("filename");
                if (name == null || name.isBlank() || length <= 0) return "{\"ok\":false,\"error\":\"invalid_arguments\"}";
                String fileId = "F" + nextTs().replace(".", "");
                pendingFiles.put(fileId, new PendingFile(name, length, null));
                params.put("_file_id", fileId);
                body.put("file_id", fileId);
                body.put("upload_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/" + fileId);
            }
            case "files.completeUploadExternal" -> {
                com.fasterxml.jackson.databind.JsonNode files = JSON.readTree(params.getOrDefault("files", "[]"));
                String channel = params.get("channel_id");
                if (!files.isArray() || files.isEmpty()) return "{\"ok\":false,\"error\":\"invalid_arguments\"}";
                com.fasterxml.jackson.databind.node.ArrayNode shared = JSON.createArrayNode();
                for (com.fasterxml.jackson.databind.JsonNode f : files) {
                    PendingFile pending = pendingFiles.get(f.path("id").asText());
                    // never uploaded, or not the size announced: Slack has no such file to share
                    if (pending == null || pending.bytes() == null || pending.bytes().length != pending.length()) {
                        return "{\"ok\":false,\"error\":\"file_not_found\"}";
                    }
                }
                for (com.fasterxml.jackson.databind.JsonNode f : files) {
                    String id = f.path("id").asText();
                    PendingFile pending = pendingFiles.remove(id);
                    String title = f.path("title").asText(pending.name());
                    sharedFiles.add(new SharedFile(id, channel, params.get("thread_ts"), title,
                            params.get("initial_comment"), new String(pending.bytes(), StandardCharsets.UTF_8)));
                    shared.add(JSON.createObjectNode().put("id", id).put("title", title));
                }
                body.set("files", shared);
            }
            default -> { }
        }
        return JSON.writeValueAsString(body);
    }

    private String nextTs() {
        long v = ts.incrementAndGet();
        return (v / 1_000_000) + "." + String.format("%06d", v % 1_000_000);
    }

    private static Map<String, String> parseBody(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            JSON.readTree(body).fields().forEachRemaining(e ->
                    params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static <T> T poll(Map<String, Queue<T>> scripted, String method) {
        Queue<T> queue = scripted.get(method);
        return queue == null ? null : queue.poll();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json; charset=utf-8" : "text/html");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** A queue that never runs dry: for failures that persist until healed. */
    private static final class AlwaysQueue extends java.util.AbstractQueue<String> {
        private final String value;
        AlwaysQueue(String value) { this.value = value; }
        @Override public java.util.Iterator<String> iterator() { return List.of(value).iterator(); }
        @Override public int size() { return 1; }
        @Override public boolean offer(String s) { return false; }
        @Override public String poll() { return value; }
        @Override public String peek() { return value; }
    }
}
