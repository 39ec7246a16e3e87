package dev.ecabot.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistake in ecabot.yaml reads the same, in one line with exit 2, whichever command found it. */
class ConfigurationErrorTest {

    @Test
    void everyCommandPrintsTheSameOneLineAndExits2(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ecabot.yaml");
        Files.writeString(config, "rolse:\n  admins: [\"slack:U024BE7LH\"]\n");
        Map<String, String> env = Map.of("ECABOT_CONFIG", config.toString(),
                "ECABOT_DATA_DIR", dir.resolve("data").toString(),
                "SLACK_BOT_TOKEN", "xoxb-1-2-abc", "SLACK_SIGNING_SECRET", "0f9e8d7c6b5a49382716a5b4c3d2e1f0");
        String expected = config + ": rolse: unknown key; did you mean roles? The keys allowed here are approvals, demoOrg,"
                + " inventory, orgs, reminders, roles";
        for (String[] command : new String[][] {{"chat", "--data", dir.resolve("data").toString()}, {"orgs"}, {"serve"}}) {
            CliRun run = CliRun.of(env, command);
            assertThat(run.exitCode()).as(String.join(" ", command) + "\n" + run).isEqualTo(2);
            assertThat(run.err().strip()).as(String.join(" ", command)).isEqualTo(expected);
        }
    }
}
