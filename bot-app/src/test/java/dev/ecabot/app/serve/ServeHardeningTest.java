package dev.ecabot.app.serve;

import dev.ecabot.slack.FakeSlackWebApi;
import dev.ecabot.testing.CapturedLogs;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What probing `serve` found, each reproduced: big unsigned bodies, bodies in the log, server details in errors. */
class ServeHardeningTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(URI uri, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnsignedFiveMegabyteBodyIsRefusedUnreadAndNeverLogged() throws Exception {
        String marker = "PROBE-BODY-" + "x".repeat(64);
        String big = ("{\"probe\":\"" + marker + "\"}").repeat(5 * 1024 * 1024 / 90);
        try (FakeSlackWebApi slackApi = new FakeSlackWebApi();
             CapturedLogs logs = new CapturedLogs();
             ServeCommand.Running bot = ServeCommand.start(ServeCommandTest.env(slackApi, Map.of()))) {
            try {
                HttpResponse<String> response = post(bot.server().baseUri().resolve("/slack/events"), big);
                assertThat(response.statusCode()).isEqualTo(413);
            } catch (java.io.IOException closedMidUpload) {
                // Jetty answers 413 from the Content-Length and closes the connection; a client still uploading may
                // see the close (broken pipe) before the answer. Either way the body was not read.
            }
            HttpResponse<String> small = post(bot.server().baseUri().resolve("/slack/events"), "{\"probe\":\"" + marker + "\"}");
            assertThat(small.statusCode()).as("unsigned: refused before Bolt parses it").isEqualTo(401);
            assertThat(String.join("\n", logs.lines())).doesNotContain(marker);
        }
    }

    @Test
    void errorsSayTheStatusOnlyWithoutTheExceptionOrTheServersNameAndVersion() throws Exception {
        try (FakeSlackWebApi slackApi = new FakeSlackWebApi();
             ServeCommand.Running bot = ServeCommand.start(ServeCommandTest.env(slackApi, Map.of()))) {
            HttpResponse<String> array = post(bot.server().baseUri().resolve("/slack/events"), "[1,2,3]");
            HttpResponse<String> missing = get(bot.server().baseUri().resolve("/no/such/page"), "Accept", "text/html");
            assertThat(array.statusCode()).isEqualTo(401);
            assertThat(missing.statusCode()).isEqualTo(404);
            for (HttpResponse<String> r : java.util.List.of(array, missing)) {
                assertThat(r.body()).doesNotContainIgnoringCase("jetty").doesNotContain("Exception").doesNotContain("12.1");
                assertThat(r.headers().firstValue("Server")).isEmpty();
                assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
            }
        }
    }

    @Test
    void readyzSaysReadyOnceEverythingRunsAndMetricsNeedTheirToken() throws Exception {
        Map<String, String> more = new HashMap<>();
        more.put("ECABOT_METRICS_TOKEN", "metrics-token-for-tests");
        try (FakeSlackWebApi slackApi = new FakeSlackWebApi();
             ServeCommand.Running bot = ServeCommand.start(ServeCommandTest.env(slackApi, more))) {
            HttpResponse<String> ready = get(bot.server().baseUri().resolve("/readyz"));
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("ready");

            ServeCommandTest.help(slackApi, bot);
            assertThat(get(bot.server().baseUri().resolve("/metrics")).statusCode()).isEqualTo(401);
            assertThat(get(bot.server().baseUri().resolve("/metrics"), "Authorization", "Bearer wrong").statusCode())
                    .isEqualTo(401);
            HttpResponse<String> metrics = get(bot.server().baseUri().resolve("/metrics"),
                    "Authorization", "Bearer metrics-token-for-tests");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("ecabot_inbound_requests_seconds_count{platform=\"slack\",status=\"200\"}")
                    .contains("ecabot_reveal_offers_open").contains("ecabot_approvals_pending")
                    .contains("ecabot_reminders_scheduled")
                    // the help answer may still wait in the outbox at this scrape: counted, with its age
                    .containsPattern("ecabot_outbox_depth\\{platform=\"slack\"} [01]\\.0")
                    .containsPattern("ecabot_outbox_oldest_seconds\\{platform=\"slack\"} \\d+\\.\\d+")
                    .contains("ecabot_outbox_depth{platform=\"teams\"} 0.0");

            bot.server().readiness().stopping();
            HttpResponse<String> stopping = get(bot.server().baseUri().resolve("/readyz"));
            assertThat(stopping.statusCode()).isEqualTo(503);
            assertThat(stopping.body()).contains("stopping: this instance is shutting down");
        }
    }

    @Test
    void withoutATokenThereAreNoMetrics() throws Exception {
        try (FakeSlackWebApi slackApi = new FakeSlackWebApi();
             ServeCommand.Running bot = ServeCommand.start(ServeCommandTest.env(slackApi, Map.of()))) {
            assertThat(get(bot.server().baseUri().resolve("/metrics")).statusCode()).isEqualTo(404);
        }
    }
}
