package dev.ecabot.inventory;

import java.util.List;
import java.util.Locale;

/**
 * Which inventory apps a listing asks for: an org (exact, or null for all) and a vendor (null for all) that
 * matches a vendor name or a playbook id ignoring case, or the start of a vendor name. Turned into SQL so the
 * database filters, not the bot after reading every row.
 */
public record AppFilter(String org, String vendor) {

    public static final AppFilter ALL = new AppFilter(null, null);

    public AppFilter {
        vendor = vendor == null || vendor.isBlank() ? null : vendor.trim();
    }

    /**
     * The FROM clause of the matching apps, with its WHERE (starting with a space), adding its parameters to
     * {@code params} in order; the apps' columns keep their plain names.
     *
     * <p>A vendor is looked up in the lower-case copies the database keeps ({@code vendor_lc}, {@code playbook_lc},
     * migration V116), each with its own index: the ids matching a prefix LIKE on one UNION an equality on the
     * other, joined back to the apps by primary key, so neither H2 nor PostgreSQL scans the table (an OR of the
     * two, or LOWER() on the column, made both scan it; H2 runs an {@code id IN (subquery)} once per row).
     */
    String from(List<String> params) {
        if (vendor == null) {
            if (org == null) return " FROM inventory_app";
            params.add(org);
            return " FROM inventory_app WHERE org_name = ?";
        }
        return " FROM inventory_app JOIN (" + matchingIds(params) + ") matched ON id = matched.match_id";
    }

    /**
     * The statement reading {@code columns} of one page of the matching apps, by org then API name, adding its
     * parameters to {@code params} in order.
     *
     * <p>With a vendor and {@code pageInsideMatches} (PostgreSQL), the page is chosen among the matching ids, orgs
     * and API names alone, which the vendor and playbook indexes carry there (V130: an index-only scan), and only
     * the apps shown are joined back: reading every match's row to sort them cost ~200 ms for 5,000 matches of
     * 100,000 apps. Not on H2: it pushes the join's condition into that limited subquery, evaluating it once per
     * app (8 s at 100,000 apps) and then returning every match instead of the page; there the matching ids are
     * joined back and sorted, as before (the repository now uses {@link #pageKeys} there).
     */
    String page(String columns, int offset, int limit, boolean pageInsideMatches, List<String> params) {
        // (H2 chooses a vendor's page with pageKeys and byIds instead: see there.)
        String window = " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY";
        if (vendor == null || !pageInsideMatches) {
            return "SELECT " + columns + from(params) + " ORDER BY org_name, api_name" + window;
        }
        return "SELECT " + columns + " FROM inventory_app JOIN (" + matching("id AS match_id, org_name AS match_org,"
                + " api_name AS match_api", "id, org_name, api_name", params)
                + " ORDER BY match_org, match_api" + window + ") matched ON id = matched.match_id ORDER BY org_name, api_name";
    }

    /** The statement counting the matching apps, adding its parameters to {@code params} in order. */
    String count(List<String> params) {
        // a vendor's count needs only the matching ids, not the apps' rows
        return vendor == null ? "SELECT COUNT(*)" + from(params) : "SELECT COUNT(*) FROM (" + matchingIds(params) + ") matched";
    }

    /**
     * H2's statement counting a vendor's apps: the apps whose vendor starts with it plus those of its playbook whose
     * vendor does not (the two parts never overlap, so nothing is de-duplicated), each counted in its own index.
     * H2 put the UNION's 5,000 ids into a distinct set to count them (~20 ms of the ~70 ms at 100,000 apps). Needs a
     * vendor.
     */
    String countByRange(List<String> params) {
        return "SELECT (SELECT COUNT(*)" + byVendorPrefix(params) + ") + (SELECT COUNT(*)" + byPlaybookAlone(params) + ")";
    }

    /**
     * H2's statement choosing one page of a vendor's apps: their ids (column 1) by org then API name, read from the
     * vendor and playbook indexes alone (migration h2/V140 puts the org and API name in them), so only the apps shown
     * are then read from the table ({@link #byIds}). Reading each of the 5,000 matches' rows to sort them, settings
     * and all, was most of the rest; and H2 runs a join with this limited query, or an {@code IN} of it, once per
     * app, hence two statements. Needs a vendor.
     */
    String pageKeys(int offset, int limit, List<String> params) {
        return "SELECT id, org_name, api_name" + byVendorPrefix(params) + " UNION ALL SELECT id, org_name, api_name"
                + byPlaybookAlone(params) + " ORDER BY 2, 3 OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY";
    }

    /** The statement reading {@code columns} of the apps of {@code ids} (one parameter each), by org then API name. */
    static String byIds(String columns, int ids) {
        return "SELECT " + columns + " FROM inventory_app WHERE id IN (" + String.join(",", java.util.Collections.nCopies(ids, "?"))
                + ") ORDER BY org_name, api_name";
    }

    /**
     * The apps whose vendor starts with this one. The prefix is also given as a range of the index (from the prefix
     * to the prefix with its last character one higher): H2 turns {@code LIKE ?} into one only when the statement is
     * simple, and scanned the whole index in the count. The range is exact in H2's order (by character code); the
     * LIKE stays, so the match is still decided by it.
     */
    private String byVendorPrefix(List<String> params) {
        String v = vendor.toLowerCase(Locale.ROOT);
        char last = v.charAt(v.length() - 1);
        params.add(v);
        String sql = " FROM inventory_app WHERE vendor_lc >= ?";
        if (last != Character.MAX_VALUE) {
            params.add(v.substring(0, v.length() - 1) + (char) (last + 1));
            sql += " AND vendor_lc < ?";
        }
        params.add(likePrefix(v));
        sql += " AND vendor_lc LIKE ? ESCAPE '!'";
        if (org != null) params.add(org);
        return sql + (org == null ? "" : " AND org_name = ?");
    }

    /** The apps of the playbook whose vendor does not start with this one (those are counted by vendor). */
    private String byPlaybookAlone(List<String> params) {
        String v = vendor.toLowerCase(Locale.ROOT);
        params.add(v);
        if (org != null) params.add(org);
        params.add(likePrefix(v));
        return " FROM inventory_app WHERE playbook_lc = ?" + (org == null ? "" : " AND org_name = ?")
                + " AND (vendor_lc IS NULL OR vendor_lc NOT LIKE ? ESCAPE '!')";
    }

    private static String likePrefix(String lowerCaseVendor) {
        return lowerCaseVendor.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** The ids (column match_id) of the apps of the vendor (and org, when given). */
    private String matchingIds(List<String> params) {
        return matching("id AS match_id", "id", params);
    }

    /** The UNION of the apps of the vendor (and org, when given), each selecting {@code first} / {@code second}. */
    private String matching(String first, String second, List<String> params) {
        String v = vendor.toLowerCase(Locale.ROOT);
        String inOrg = org == null ? "" : " AND org_name = ?";
        params.add(likePrefix(v));
        if (org != null) params.add(org);
        params.add(v);
        if (org != null) params.add(org);
        return "SELECT " + first + " FROM inventory_app WHERE vendor_lc LIKE ? ESCAPE '!'" + inOrg
                + " UNION SELECT " + second + " FROM inventory_app WHERE playbook_lc = ?" + inOrg;
    }
}
