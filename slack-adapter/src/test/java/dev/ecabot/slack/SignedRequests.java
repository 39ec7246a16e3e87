package dev.ecabot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds and sends requests the way Slack does: slash commands and interactivity as form posts, events as JSON,
 * each signed {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}. Test payloads come from
 * src/test/resources/slack/. Thread-safe.
 */
public final class SignedRequests {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String signingSecret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SignedRequests(URI endpoint, String signingSecret) {
        this.endpoint = endpoint;
        this.signingSecret = signingSecret;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A slash command form body with Slack's fields. */
    public static String commandForm(String text, String userId, String channelId, String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T0ECA0001");
        form.put("team_domain", "eca-test");
        form.put("channel_id", channelId);
        form.put("channel_name", "integrations");
        form.put("user_id", userId);
        form.put("user_name", "alice");
        form.put("command", "/eca");
        form.put("text", text);
        form.put("api_app_id", "A0ECA0001");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "1700000000.123456.abcdef0123456789");
        return formEncode(form);
    }

    public static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A JSON payload from src/test/resources/slack/NAME, to adjust before sending. */
    public static ObjectNode payload(String name) {
        try (InputStream in = SignedRequests.class.getResourceAsStream("/slack/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test payload /slack/" + name);
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String sign(long timestamp, String body) {
        return sign(signingSecret, timestamp, body);
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postCommand(String form) {
        return post("application/x-www-form-urlencoded", form, Map.of());
    }

    public HttpResponse<String> postEvent(ObjectNode event, Map<String, String> extraHeaders) {
        return post("application/json", event.toString(), extraHeaders);
    }

    /** Posts {@code body} signed now. */
    public HttpResponse<String> post(String contentType, String body, Map<String, String> extraHeaders) {
        long now = Instant.now().getEpochSecond();
        return send(contentType, body, String.valueOf(now), sign(now, body), extraHeaders);
    }

    /** Posts with exactly the given timestamp and signature headers (null leaves a header out). */
    public HttpResponse<String> send(String contentType, String body, String timestamp, String signature,
                              Map<String, String> extraHeaders) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) b.header("X-Slack-Request-Timestamp", timestamp);
        if (signature != null) b.header("X-Slack-Signature", signature);
        extraHeaders.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
