package dev.ecabot.app;

import dev.ecabot.testing.EmulatedOrgs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrgsCommandTest {

    @TempDir
    Path dir;

    private EmulatedOrgs orgs;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() {
        orgs = EmulatedOrgs.start(Duration.ZERO);
    }

    @AfterEach
    void stop() {
        orgs.close();
    }

    @Test
    void withNoConfigurationTheDemoOrgIsListedAndSignsIn() {
        CliRun run = CliRun.of(env, "orgs");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("demo (built-in demo org (in-process emulator)): sign-in ok");
    }

    @Test
    void eachConfiguredOrgIsCheckedAndFailuresAreExplained() throws IOException {
        Path config = Files.writeString(dir.resolve("ecabot.yaml"), """
                orgs:
                  - name: prod
                    environment: production
                    loginUrl: %1$s
                    auth: {type: jwt-bearer, consumerKey: %2$s, username: %3$s, privateKeyFile: %4$s}
                  - name: uat
                    environment: sandbox
                    loginUrl: %1$s
                    auth: {type: jwt-bearer, consumerKey: %2$s, username: %3$s, privateKeyFile: %4$s}
                  - name: ci
                    environment: production
                    loginUrl: %1$s
                    auth: {type: client-credentials, clientIdEnv: CI_ID, clientSecretEnv: CI_SECRET}
                """.formatted(orgs.baseUrl(), EmulatedOrgs.BOT_CONSUMER_KEY, EmulatedOrgs.BOT_USER, EmulatedOrgs.keyFile("bot.key.pem")));
        env.put("ECABOT_CONFIG", config.toString());
        env.put("CI_ID", EmulatedOrgs.CLIENT_ID);

        CliRun run = CliRun.of(env, "orgs");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("prod (production, " + orgs.baseUrl() + ", JWT bearer as " + EmulatedOrgs.BOT_USER + "): sign-in ok, API 68.0 (the org serves up to 68.0)");
        assertThat(run.out()).containsPattern("uat \\(sandbox.*sign-in FAILED: .*invalid_grant.*environment: production");
        assertThat(run.out()).contains("ci (").contains("CI_SECRET is not set");
        assertThat(run.out()).doesNotContain("demo");
    }
}
