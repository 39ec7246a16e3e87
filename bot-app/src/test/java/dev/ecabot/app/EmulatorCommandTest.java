package dev.ecabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EmulatorCommandTest {

    @Test
    void runsAnOrgThatAcceptsThePrintedCredentialsUntilStopped() throws Exception {
        EmulatorCommand command = new EmulatorCommand();
        StringWriter output = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(output, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--port", "0"));

        await().atMost(Duration.ofSeconds(20)).until(() -> output.toString().contains("Press Ctrl+C to stop."));
        String printed = output.toString();
        String tokenUrl = value(printed, "token URL:");
        String form = "grant_type=client_credentials&client_id=" + enc(value(printed, "client id:"))
                + "&client_secret=" + enc(value(printed, "client secret:"));
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("\"access_token\"").contains("\"instance_url\"");
        command.stop();
        assertThat(exit.get()).isZero();
    }

    @Test
    void anImpossiblePortIsInvalidInput() {
        CommandLine cli = EcaBotCommand.commandLine();
        StringWriter errors = new StringWriter();
        cli.setErr(new PrintWriter(errors, true));

        int exitCode = cli.execute("emulator", "--port", "70000");

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString()).contains("--port must be between 0 and 65535");
    }

    private static String value(String printed, String label) {
        Matcher matcher = Pattern.compile(Pattern.quote(label) + "\\s+(\\S+)").matcher(printed);
        assertThat(matcher.find()).as(label + " in " + printed).isTrue();
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
