package dev.ecabot.inventory;

import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "inventory <vendor>" at 100,000 apps must be an index lookup, not a scan of every app (docs/performance.md,
 * figure 2): the database's own plan for the filter's query names the lower-case vendor and playbook indexes.
 */
class VendorFilterPlanTest {

    @Test
    void onH2TheVendorFilterReadsTheVendorAndPlaybookIndexes() {
        try (Database db = Database.inMemory("vendor-filter-plan")) {
            // The count reads only the two indexes. (The first 50 are joined back to the apps; with an org named, or a
            // FETCH FIRST, the planner may instead walk the apps in order and probe each: its choice by statistics.)
            String plan = plan(db, "EXPLAIN ", new AppFilter(null, "Vonage"), "").toUpperCase();
            assertThat(plan).contains("INVENTORY_APP_VENDOR_LC").contains("INVENTORY_APP_PLAYBOOK_LC: PLAYBOOK_LC =")
                    .doesNotContain("TABLESCAN");
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

    private static String plan(Database db, String explain, AppFilter filter, String tail) {
        List<String> params = new ArrayList<>();
        String sql = explain + (tail.isEmpty() ? filter.count(params) : "SELECT id" + filter.from(params) + tail);
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
                        s.execute("RESET enable_seqscan");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
