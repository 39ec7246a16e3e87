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

    /** The WHERE clause (empty, or starting with a space), adding its parameters to {@code params} in order. */
    String where(List<String> params) {
        StringBuilder sql = new StringBuilder();
        if (org != null) {
            sql.append(" WHERE org_name = ?");
            params.add(org);
        }
        if (vendor != null) {
            String v = vendor.toLowerCase(Locale.ROOT);
            sql.append(org == null ? " WHERE" : " AND")
                    .append(" (LOWER(vendor) LIKE ? ESCAPE '!' OR LOWER(playbook_id) = ?)");
            params.add(v.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            params.add(v);
        }
        return sql.toString();
    }
}
