package dev.ecabot.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecabot.emulator.org.Consumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An org that must outlive its process (the bot's demo org) is exported after each change and imported at start. */
class OrgStateSnapshotTest {

    @Test
    void anAppDeployedBeforeARestartIsStillThereWithTheSameIdKeyAndSecretAfterIt() {
        List<String> saved = new ArrayList<>();
        String appId;
        Consumer before;
        try (SalesforceEmulator first = SalesforceEmulator.builder().deployDelay(Duration.ZERO).build().start()) {
            first.org().onStateChange(saved::add);
            OrgClient.signedIn(first).deployAndWait(DeployZip.sampleApp(), "{}");
            appId = first.org().app("Acme_Sync").orElseThrow().id();
            before = first.org().consumer("Acme_Sync").orElseThrow();
        }
        assertThat(saved).isNotEmpty();
        assertThat(saved.get(saved.size() - 1)).doesNotContain("\"password\"");

        try (SalesforceEmulator second = SalesforceEmulator.builder().deployDelay(Duration.ZERO).build().start()) {
            assertThat(second.org().apps()).isEmpty();
            second.org().importState(saved.get(saved.size() - 1));
            OrgClient client = OrgClient.signedIn(second);

            assertThat(second.org().app("acme_sync").orElseThrow().id()).isEqualTo(appId);
            assertThat(second.org().companionsOf("Acme_Sync")).isNotEmpty();
            Consumer after = second.org().consumer("Acme_Sync").orElseThrow();
            assertThat(after.key()).isEqualTo(before.key());
            assertThat(after.secret()).isEqualTo(before.secret());
            assertThat(client.query("SELECT Id FROM ExternalClientApplication WHERE DeveloperName = 'Acme_Sync'")
                    .json().at("/records/0/Id").asText()).isEqualTo(appId);
        }
    }

    @Test
    void idsMadeAfterARestoreNeverRepeatThoseOfTheSnapshot() {
        String snapshot;
        String firstId;
        try (SalesforceEmulator first = SalesforceEmulator.builder().deployDelay(Duration.ZERO).build().start()) {
            OrgClient.signedIn(first).deployAndWait(DeployZip.sampleApp(), "{}");
            firstId = first.org().app("Acme_Sync").orElseThrow().id();
            snapshot = first.org().exportState();
        }
        try (SalesforceEmulator second = SalesforceEmulator.builder().deployDelay(Duration.ZERO).build().start()) {
            second.org().importState(snapshot);
            OrgClient client = OrgClient.signedIn(second);
            client.deployAndWait(DeployZip.deleteSampleApp(), "{}");
            assertThat(second.org().apps()).isEmpty();
            client.deployAndWait(DeployZip.sampleApp(), "{}");

            assertThat(second.org().app("Acme_Sync").orElseThrow().id()).isNotEqualTo(firstId);
        }
    }
}
