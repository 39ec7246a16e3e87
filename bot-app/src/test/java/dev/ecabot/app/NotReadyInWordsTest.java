package dev.ecabot.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is not ready is said in words, one line each with the fix, by {@code ecabot status}, at the terminal chat's
 * greeting and by one-shot commands: the same checks /readyz makes, never a stack trace.
 */
class NotReadyInWordsTest {

    /** Nothing listens on port 1 of this machine: a database or org there is unreachable. */
    private static final String NOBODY = "127.0.0.1:1";

    @TempDir
    Path dir;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("ECABOT_DATA_DIR", dir.resolve("data").toString());
        return env;
    }

    @Test
    void statusOnAFreshMachineIsReadyAndCreatesNothing() {
        CliRun run = CliRun.of(env(), "status");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("configuration: ok")
                .contains("database: none yet in " + dir.resolve("data").toAbsolutePath())
                .contains("chat platforms (none set up: the terminal chat only")
                .contains("org demo: ok")
                .contains("Ready.");
        assertThat(dir.resolve("data")).as("status only looks").doesNotExist();
    }

    @Test
    void statusAfterAChatChecksTheDatabaseAndTheMasterKeyAndNamesAWrongKey() {
        chat(env(), "help\n"); // creates the database, the key file and the vault's canary
        CliRun ok = CliRun.of(env(), "status");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("database: ok").contains("master key: ok");

        Map<String, String> wrongKey = env();
        wrongKey.put("ECABOT_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        CliRun wrong = CliRun.of(wrongKey, "status");

        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(1);
        assertThat(wrong.out()).contains("master key: NOT READY: The master key from ECABOT_MASTER_KEY does not open"
                + " this database's vault").contains("Set ECABOT_MASTER_KEY to the key you backed up")
                .contains("Not ready: 1 problem(s) above.");
    }

    @Test
    void statusNamesAnUnreachableDatabaseWithoutItsPassword() {
        Map<String, String> env = env();
        env.put("ECABOT_DB_URL", "jdbc:postgresql://" + NOBODY + "/ecabot?password=hunter2");

        CliRun run = CliRun.of(env, "status");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("database: NOT READY: The database jdbc:postgresql://" + NOBODY
                + "/ecabot cannot be reached (").contains("check that it runs and that ECABOT_DB_URL points at it");
        assertThat(run.out() + run.err()).doesNotContain("hunter2").doesNotContain("\tat ");
    }

    @Test
    void statusNamesAnOrgTheBotCannotSignInToAndAWrongPlatformSetting() throws Exception {
        Map<String, String> env = env();
        env.put("ECABOT_CONFIG", brokenOrgConfig().toString());
        env.put("CI_ID", "3MVG9-not-a-real-client");
        env.put("CI_SECRET", "not-a-real-secret");
        env.put("SLACK_BOT_TOKEN", "xoxb-1-2-abc"); // without its signing secret

        CliRun run = CliRun.of(env, "status");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).containsPattern("org ci: NOT READY: Salesforce is not answering: signing in to org 'ci' failed .+")
                .containsPattern("chat platforms: NOT READY: .*SLACK_SIGNING_SECRET")
                .contains("Not ready: 2 problem(s) above.");
    }

    @Test
    void theChatGreetingSaysWhichOrgCannotBeSignedInToAndStillAnswers() throws Exception {
        Map<String, String> env = env();
        env.put("ECABOT_CONFIG", brokenOrgConfig().toString());
        env.put("CI_ID", "3MVG9-not-a-real-client");
        env.put("CI_SECRET", "not-a-real-secret");

        String transcript = chat(env, "help\n");

        assertThat(transcript).containsPattern("Not ready: org ci: Salesforce is not answering: signing in to org 'ci' failed .+")
                .doesNotContain("Not ready: database").doesNotContain("Not ready: scheduler")
                .contains("help");
    }

    @Test
    void chatAndOneShotCommandsSayInOneLineThatTheDatabaseCannotBeReached() {
        Map<String, String> env = env();
        env.put("ECABOT_DB_URL", "jdbc:postgresql://" + NOBODY + "/ecabot");
        env.put("ECABOT_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        String expected = "The database jdbc:postgresql://" + NOBODY + "/ecabot cannot be reached (";
        for (String[] command : new String[][] {{"chat", "--data", dir.resolve("data").toString()}, {"audit", "verify"},
                {"inventory"}}) {
            CliRun run = CliRun.of(env, command);
            assertThat(run.exitCode()).as(String.join(" ", command) + "\n" + run).isEqualTo(1);
            assertThat(run.err().strip()).as(String.join(" ", command)).startsWith(expected).doesNotContain("\n");
        }
    }

    private Path brokenOrgConfig() throws Exception {
        return Files.writeString(dir.resolve("ecabot.yaml"), """
                orgs:
                  - name: ci
                    environment: production
                    loginUrl: http://%s
                    auth: {type: client-credentials, clientIdEnv: CI_ID, clientSecretEnv: CI_SECRET}
                """.formatted(NOBODY));
    }

    /** The terminal chat with {@code stdin} piped in; what it printed. */
    private String chat(Map<String, String> env, String stdin) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = EcaBotCommand.commandLine(env).execute("chat", "--data", dir.resolve("data").toString());
            assertThat(exit).as("exit code; output:\n%s", out.toString(StandardCharsets.UTF_8)).isZero();
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
