package dev.ecabot.provisioning;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Requester;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;
import dev.ecabot.testing.SampleSpecs;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisioningRunStoreTest {

    @Test
    void aRunRemembersEachStepItReachedOnH2() {
        try (Database db = Database.inMemory("runs-" + System.nanoTime())) {
            exercise(db);
        }
    }

    @Test
    void aRunRemembersEachStepItReachedOnPostgres() {
        try (Database db = PostgresTestDatabase.openFreshSchema()) {
            exercise(db);
        }
    }

    private static void exercise(Database db) {
        ProvisioningRunStore runs = new ProvisioningRunStore(db.dataSource(), Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        ProvisioningRequest request = new ProvisioningRequest("req-1", "prod", SampleSpecs.vonage("Vonage_Voice"),
                "vonage", "Vonage", Requester.operator("alice"), List.of(), true, false);
        ProvisioningRun created = runs.create(request);
        assertThat(created.step()).isEqualTo(ProvisioningStep.STARTED);
        assertThat(created.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(SettingsJson.read(created.specJson())).isEqualTo(request.spec());

        runs.deploying("req-1", "0Af000000000001");
        assertThat(runs.find("req-1").orElseThrow().deployId()).isEqualTo("0Af000000000001");
        runs.deployed("req-1", "0xI000000000001", false);
        runs.failed("req-1", "Salesforce is not answering");
        ProvisioningRun failed = runs.find("req-1").orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.step()).isEqualTo(ProvisioningStep.DEPLOYED);
        assertThat(failed.failure()).isEqualTo("Salesforce is not answering");

        runs.resume("req-1", true);
        runs.delivered("req-1", "3MVG9key");
        runs.recorded("req-1");
        assertThat(runs.find("req-1").orElseThrow().status()).as("the reminders are still to come").isEqualTo(RunStatus.RUNNING);
        runs.remindersScheduled("req-1");
        ProvisioningRun done = runs.find("req-1").orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.step()).isEqualTo(ProvisioningStep.REMINDERS_SCHEDULED);
        assertThat(done.consumerKey()).isEqualTo("3MVG9key");
        assertThat(done.updateExisting()).isTrue();
        assertThat(done.failure()).isNull();
        assertThat(done.approver()).isNull();
        assertThat(runs.find("req-2")).isEmpty();

        ProvisioningRun approved = runs.create(new ProvisioningRequest("req-3", "prod", SampleSpecs.vonage("Vonage_Sms"),
                "vonage", "Vonage", new ChatUserRef("slack", "U_ALICE"),
                List.of(new ChatUserRef("slack", "U_BOB"), new ChatUserRef("teams", "29:cat")), true, false));
        assertThat(approved.requester()).as("stored as ever").isEqualTo("slack:U_ALICE");
        assertThat(approved.approver()).isEqualTo("slack:U_BOB, teams:29:cat");
    }
}
