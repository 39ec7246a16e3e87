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
     * The WHERE clause (empty, or starting with a space), adding its parameters to {@code params} in order.
     *
     * <p>A vendor is looked up in the lower-case copies the database keeps ({@code vendor_lc}, {@code playbook_lc},
     * migration V116), each with its own index: a prefix LIKE on one UNION an equality on the other, so neither
     * H2 nor PostgreSQL scans the table (an OR of the two, or LOWER() on the column, made both scan it). The org
     * goes inside each branch so the planner starts from the vendor's index, not from every app of the org.
     */
    String where(List<String> params) {
        if (vendor == null) {
            if (org == null) return "";
            params.add(org);
            return " WHERE org_name = ?";
        }
        String v = vendor.toLowerCase(Locale.ROOT);
        String inOrg = org == null ? "" : " AND org_name = ?";
        params.add(v.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        if (org != null) params.add(org);
        params.add(v);
        if (org != null) params.add(org);
        return " WHERE id IN (SELECT id FROM inventory_app WHERE vendor_lc LIKE ? ESCAPE '!'" + inOrg
                + " UNION SELECT id FROM inventory_app WHERE playbook_lc = ?" + inOrg + ")";
    }
}
