package dev.ecabot.emulator;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** A plain HTTP client for tests: talks to an emulator over real HTTP with java.net.http, as a client would. */
final class OrgClient {

    static final String CLIENT_ID = "test-client-id";
    static final String CLIENT_SECRET = "test-client-secret";
    static final String ADMIN = "admin@acme.example.org";
    static final String API = "/services/data/v64.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: status and body text. */
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String accessToken;

    OrgClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Registers a client-credentials client in the org and signs in with it. */
    static OrgClient signedIn(SalesforceEmulator emulator) {
        emulator.org().registerClientCredentials(CLIENT_ID, CLIENT_SECRET, ADMIN);
        OrgClient client = new OrgClient(emulator.baseUrl());
        Reply reply = client.token("grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET);
        if (reply.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + reply);
        }
        client.accessToken = reply.json().get("access_token").asText();
        return client;
    }

    OrgClient withToken(String token) {
        OrgClient other = new OrgClient(baseUrl);
        other.accessToken = token;
        return other;
    }

    String accessToken() {
        return accessToken;
    }

    Reply token(String form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    Reply get(String pathAndQuery) {
        return send(authorized(pathAndQuery).GET());
    }

    Reply query(String soql) {
        return get(API + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    }

    Reply patch(String path, String json) {
        return send(authorized(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply post(String path, String contentType, byte[] body) {
        return send(authorized(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Reply delete(String path) {
        return send(authorized(path).DELETE());
    }

    Reply soap(String envelope) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/services/Soap/m/64.0"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    }

    /** POST .../metadata/deployRequest with a "json" part and a "file" part, as the REST Metadata API wants. */
    Reply deploy(DeployZip zip, String deployOptionsJson) {
        String boundary = "----ecabot-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + "{\"deployOptions\":" + deployOptionsJson + "}\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"deploy.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n");
        body.writeBytes(zip.bytes());
        write(body, "\r\n--" + boundary + "--\r\n");
        return post(API + "/metadata/deployRequest", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** POST .../metadata/deployRequest as jsforce and the Salesforce CLI send it: the file first, then "entity_content". */
    Reply deployAsJsforce(DeployZip zip, String deployOptionsJson) {
        String boundary = "----jsforce-like-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"package.xml\"\r\n"
                + "Content-Type: application/zip\r\n\r\n");
        body.writeBytes(zip.bytes());
        write(body, "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"entity_content\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + "{\"deployOptions\":" + deployOptionsJson + "}\r\n");
        write(body, "--" + boundary + "--\r\n");
        return post(API + "/metadata/deployRequest", "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** Deploys and waits until the deploy is done; answers the final GET ...?includeDetails=true body. */
    JsonNode deployAndWait(DeployZip zip, String deployOptionsJson) {
        Reply accepted = deploy(zip, deployOptionsJson);
        if (accepted.status() != 201) {
            throw new IllegalStateException("deploy not accepted: " + accepted);
        }
        return awaitDone(accepted.json().get("id").asText());
    }

    JsonNode awaitDone(String deployId) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            last.set(get(API + "/metadata/deployRequest/" + deployId + "?includeDetails=true").json());
            return last.get().path("deployResult").path("done").asBoolean();
        });
        return last.get();
    }

    private HttpRequest.Builder authorized(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        return accessToken == null ? builder : builder.header("Authorization", "Bearer " + accessToken);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
