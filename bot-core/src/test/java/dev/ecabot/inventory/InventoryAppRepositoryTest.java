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

    @Test
    void listingsFilterCountAndLimitInTheDatabaseAndAnExportReadsRowByRow() {
        try (Database db = Database.inMemory("inventory-listings")) {
            listings(db);
        }
    }

    @Test
    void listingsOnPostgres() {
        try (Database db = PostgresTestDatabase.openFreshSchema()) {
            listings(db);
        }
    }

    private static void listings(Database db) {
        InventoryAppRepository repo = new InventoryAppRepository(db.dataSource());
        repo.save(app("prod", "B_Voice", null));
        repo.save(app("prod", "A_Voice", null));
        repo.save(app("uat", "C_Voice", null));
        repo.save(withVendor(app("prod", "Mcp", null), "Altify", "altify-mcp"));
        repo.save(withVendor(app("prod", "Odd", null), "100%_Tools", "odd"));

        assertThat(repo.count(AppFilter.ALL)).isEqualTo(5);
        assertThat(repo.first(AppFilter.ALL, 2)).extracting(InventoryApp::apiName).containsExactly("A_Voice", "B_Voice");
        assertThat(repo.first(new AppFilter("prod", "VON"), 10)).as("a vendor's first letters, ignoring case")
                .extracting(InventoryApp::apiName).containsExactly("A_Voice", "B_Voice");
        assertThat(repo.count(new AppFilter(null, "vonage"))).isEqualTo(3);
        assertThat(repo.page(new AppFilter(null, "vonage"), 0, 2)).as("a vendor's page holds the page, not every match")
                .extracting(InventoryApp::apiName).containsExactly("A_Voice", "B_Voice");
        assertThat(repo.page(new AppFilter(null, "vonage"), 2, 2)).as("and the next page goes on in the same order")
                .extracting(a -> a.org() + "/" + a.apiName()).containsExactly("uat/C_Voice");
        assertThat(repo.first(new AppFilter(null, "ALTIFY-MCP"), 10)).as("a playbook id")
                .extracting(InventoryApp::apiName).containsExactly("Mcp");
        assertThat(repo.count(new AppFilter(null, "1"))).isEqualTo(1);
        assertThat(repo.count(new AppFilter(null, "100%"))).as("% and _ are letters, not wildcards").isEqualTo(1);
        assertThat(repo.count(new AppFilter(null, "1_0"))).isZero();
        assertThat(repo.count(new AppFilter("nowhere", null))).isZero();
        assertThat(repo.vendors()).containsExactly("100%_Tools", "Altify", "Vonage");

        java.util.List<String> streamed = new java.util.ArrayList<>();
        repo.forEach(null, a -> streamed.add(a.org() + "/" + a.apiName()));
        assertThat(streamed).containsExactly("prod/A_Voice", "prod/B_Voice", "prod/Mcp", "prod/Odd", "uat/C_Voice");
        streamed.clear();
        repo.forEach("uat", a -> streamed.add(a.apiName() + ":" + SettingsJson.read(a.settingsJson()).equals(SampleSpecs.vonage("C_Voice"))));
        assertThat(streamed).containsExactly("C_Voice:true");
        vendorMatchingRules(repo);
    }

    /** The rules "inventory [org] <vendor>" follows, on top of the five apps of {@link #listings}. */
    private static void vendorMatchingRules(InventoryAppRepository repo) {
        assertThat(repo.first(new AppFilter(null, "altify"), 10)).as("a whole vendor name")
                .extracting(InventoryApp::apiName).containsExactly("Mcp");
        assertThat(repo.count(new AppFilter(null, "altify-m"))).as("a playbook id matches whole, not its start").isZero();
        assertThat(repo.count(new AppFilter(null, "onage"))).as("a vendor matches from its start only").isZero();
        assertThat(repo.first(new AppFilter("uat", "  Vonage "), 10)).as("an org and a vendor, blanks trimmed")
                .extracting(InventoryApp::apiName).containsExactly("C_Voice");
        assertThat(repo.count(new AppFilter("uat", "altify-mcp"))).as("a playbook id in another org").isZero();

        repo.save(withVendor(app("uat", "No_Vendor", null), null, "Vonage"));
        assertThat(repo.first(new AppFilter("uat", "VONAGE"), 10)).as("a playbook id with no vendor, once each")
                .extracting(InventoryApp::apiName).containsExactly("C_Voice", "No_Vendor");
        repo.save(withVendor(app("uat", "Both", null), "Vonage", "vonage"));
        assertThat(repo.count(new AppFilter("uat", "vonage"))).as("matching by vendor and by playbook counts once").isEqualTo(3);
        assertThat(repo.page(new AppFilter("uat", "vonage"), 1, 5)).as("and is listed once")
                .extracting(InventoryApp::apiName).containsExactly("C_Voice", "No_Vendor");

        repo.save(withVendor(app("uat", "C_Voice", null), "Twilio", "twilio-sms"));
        assertThat(repo.first(new AppFilter(null, "twi"), 10)).as("an app saved again is found by its new vendor")
                .extracting(InventoryApp::apiName).containsExactly("C_Voice");
        assertThat(repo.first(new AppFilter(null, "vonage"), 10)).as("and no longer by its old one")
                .extracting(InventoryApp::apiName).containsExactly("A_Voice", "B_Voice", "Both", "No_Vendor");
    }

    private static InventoryApp withVendor(InventoryApp a, String vendor, String playbook) {
        return new InventoryApp(null, a.org(), a.apiName(), a.label(), a.salesforceId(), playbook, vendor, a.requester(),
                a.approver(), a.contactEmail(), a.consumerKey(), a.createdAt(), a.settingsJson(), a.status());
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
