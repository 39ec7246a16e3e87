package dev.ecabot.inventory;

import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;
import dev.ecabot.testing.SampleSpecs;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryAppRepositoryTest {

    static InventoryApp app(String org, String apiName, String approver) {
        return new InventoryApp(null, org, apiName, "Vonage Voice", "0xIxx0000000001", "vonage", "Vonage", "alice",
                approver, "admin@acme.com", "3MVG9key", Instant.parse("2026-11-22T10:00:00Z"),
                SettingsJson.write(SampleSpecs.vonage(apiName)), AppStatus.ACTIVE);
    }

    @Test
    void anAppIsStoredWithItsKeyAndSettingsAndFoundByOrgAndApiName() {
        try (Database db = Database.inMemory("inventory-store")) {
            exercise(db);
        }
    }

    @Test
    void theSameOnPostgres() {
        try (Database db = PostgresTestDatabase.openFreshSchema()) {
            exercise(db);
        }
    }

    private static void exercise(Database db) {
        InventoryAppRepository repo = new InventoryAppRepository(db.dataSource());
        InventoryApp saved = repo.save(app("prod", "Vonage_Voice", null));
        assertThat(saved.id()).isNotNull();
        repo.save(app("uat", "Vonage_Voice", "bob"));

        InventoryApp found = repo.find("prod", "Vonage_Voice").orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.approver()).isNull();
        assertThat(SettingsJson.read(found.settingsJson())).isEqualTo(SampleSpecs.vonage("Vonage_Voice"));

        InventoryApp again = repo.save(app("prod", "Vonage_Voice", "carol"));
        assertThat(again.id()).isEqualTo(saved.id());
        assertThat(repo.byOrg("prod")).extracting(InventoryApp::approver).containsExactly("carol");
        assertThat(repo.all()).hasSize(2);

        repo.save(app("prod", "Other_App", null));
        assertThat(repo.byApiNameIgnoringCase("vonage_VOICE")).extracting(InventoryApp::org).containsExactly("prod", "uat");
        assertThat(repo.byApiNameIgnoringCase("Vonage")).isEmpty();

        repo.markDeleted("uat", "Vonage_Voice");
        assertThat(repo.find("uat", "Vonage_Voice").orElseThrow().status()).isEqualTo(AppStatus.DELETED);
    }
}
