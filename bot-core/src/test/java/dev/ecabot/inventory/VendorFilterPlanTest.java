package dev.ecabot.inventory;

import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "inventory <vendor>" at 100,000 apps must be an index lookup, not a scan of every app (docs/performance.md,
 * figure 2): the database's own plan for the filter's query names the lower-case vendor and playbook indexes.
 */
class VendorFilterPlanTest {

    @Test
    void onH2TheVendorFilterCountsInTheVendorAndPlaybookIndexesOnlyAcrossTheVendorsRange() {
        try (Database db = Database.inMemory("vendor-filter-plan")) {
            // A range of the vendor index, not all of it (H2 made none of a LIKE ? in the UNION's count: 100,000 read).
            List<String> params = new ArrayList<>();
            String plan = plan(db, "EXPLAIN ", new AppFilter(null, "Vonage").countByRange(params), params).toUpperCase(Locale.ROOT);
            assertThat(plan).contains("INVENTORY_APP_VENDOR_LC: VENDOR_LC >= ").contains("AND VENDOR_LC < ")
                    .contains("INVENTORY_APP_PLAYBOOK_LC: PLAYBOOK_LC = ?4").doesNotContain("TABLESCAN");
        }
    }

    @Test
    void onH2APageOfAVendorsAppsIsChosenFromTheVendorAndPlaybookIndexesAlone() {
        try (Database db = Database.inMemory("vendor-page-plan")) {
            // h2/V140: the indexes hold org and API name, so choosing the page reads neither the table nor its
            // org/API-name index (which meant walking every app in order and probing each). With an org named the
            // planner may take the org's apps from that index instead, by its statistics (on an empty table it does).
            List<String> params = new ArrayList<>();
            String plan = plan(db, "EXPLAIN ", new AppFilter(null, "Vonage").pageKeys(0, 15, params), params).toUpperCase(Locale.ROOT);
            assertThat(plan).contains("INVENTORY_APP_VENDOR_LC: VENDOR_LC >= ").contains("INVENTORY_APP_PLAYBOOK_LC: PLAYBOOK_LC = ?4")
                    .doesNotContain("TABLESCAN").doesNotContain("PRIMARY_KEY").doesNotContain("ORG_API");
            try (Connection c = db.dataSource().getConnection(); ResultSet columns = c.getMetaData().getIndexInfo(null, "PUBLIC",
                    "INVENTORY_APP", false, false)) {
                List<String> vendorIndex = new ArrayList<>();
                while (columns.next()) {
                    if (columns.getString("INDEX_NAME").equalsIgnoreCase("inventory_app_vendor_lc")) {
                        vendorIndex.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                assertThat(vendorIndex).containsExactly("vendor_lc", "org_name", "api_name");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void onPostgresTheVendorFilterCanUseTheVendorAndPlaybookIndexes() {
        try (Database db = PostgresTestDatabase.openFreshSchema()) {
            // A fresh table is small enough that PostgreSQL would rightly scan it; forbid scans to see what it could use.
            String plan = plan(db, "SET enable_seqscan = off; EXPLAIN ",
                    new AppFilter(null, "Vonage"), " ORDER BY org_name, api_name FETCH FIRST 50 ROWS ONLY");
            assertThat(plan).contains("inventory_app_vendor_lc").contains("inventory_app_playbook_lc")
                    .doesNotContain("Seq Scan");
        }
    }

    @Test
    void onPostgresAPageOfAVendorsAppsIsChosenFromTheVendorIndexAloneAndOnlyItsAppsAreRead() {
        try (Database db = PostgresTestDatabase.openFreshSchema()) {
            // V130: the vendor index carries id, org and API name, so sorting the matches for the first 50 needs no
            // row of the table (5,000 matches of 100,000 apps read 5,000 table pages before: ~200 ms).
            List<String> params = new ArrayList<>();
            String sql = new AppFilter(null, "Vonage").page("id, label", 0, 50, true, params);
            String plan = plan(db, "SET enable_seqscan = off; SET enable_bitmapscan = off; EXPLAIN ", sql, params);
            assertThat(plan).contains("Index Only Scan using inventory_app_vendor_lc")
                    .contains("Index Only Scan using inventory_app_playbook_lc").doesNotContain("Seq Scan");
        }
    }

    @Test
    void anAppIsFoundByItsApiNameIgnoringCaseThroughAnIndexOnH2AndPostgres() {
        // "show <api-name>" (AppLookup): LOWER(api_name) = ? scanned all 100,000 apps; V130 indexes a lower-case copy.
        String sql = "SELECT id FROM inventory_app WHERE api_name_lc = ? ORDER BY org_name";
        try (Database h2 = Database.inMemory("api-name-plan")) {
            assertThat(plan(h2, "EXPLAIN ", sql, List.of("vonage_prod")).toUpperCase(Locale.ROOT))
                    .contains("INVENTORY_APP_API_NAME_LC").doesNotContain("TABLESCAN");
        }
        try (Database pg = PostgresTestDatabase.openFreshSchema()) {
            assertThat(plan(pg, "SET enable_seqscan = off; EXPLAIN ", sql, List.of("vonage_prod")))
                    .contains("inventory_app_api_name_lc").doesNotContain("Seq Scan");
        }
    }

    private static String plan(Database db, String explain, AppFilter filter, String tail) {
        List<String> params = new ArrayList<>();
        String query = tail.isEmpty() ? filter.count(params) : "SELECT id" + filter.from(params) + tail;
        return plan(db, explain, query, params);
    }

    private static String plan(Database db, String explain, String query, List<String> params) {
        String sql = explain + query;
        try (Connection c = db.dataSource().getConnection()) {
            int split = sql.indexOf("EXPLAIN");
            if (split > 0) {
                try (Statement s = c.createStatement()) {
                    s.execute(sql.substring(0, split));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql.substring(split))) {
                for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
                StringBuilder out = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.append(rs.getString(1)).append('\n');
                }
                return out.toString();
            } finally {
                if (split > 0) {
                    try (Statement s = c.createStatement()) {
                        s.execute("RESET enable_seqscan; RESET enable_bitmapscan");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
