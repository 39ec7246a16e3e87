package dev.ecabot.report;

import dev.ecabot.inventory.AppOwners;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.posture.PostureFinding;
import dev.ecabot.posture.PosturePolicy;
import dev.ecabot.posture.PostureReview;
import dev.ecabot.posture.Severity;
import dev.ecabot.usage.UsageSnapshots;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The inventory with what the bot knows about each app beyond its row: owner, posture (number of findings, how many
 * high, which rules) and usage as last read from the org (users, last use, unused, when read). Feeds the export's
 * extra columns and {@code /api/inventory}. Reads the database only, never an org. Thread-safe.
 */
public final class InventoryReport {

    /** The extra columns, in order. Empty values mean "unknown" (usage never read) or "none". */
    public static final List<String> COLUMNS = List.of("owner", "posture_findings", "posture_high", "posture_rules",
            "usage_users", "usage_last_used_at", "usage_unused", "usage_read_at");

    private final DataSource db;
    private final Clock clock;

    public InventoryReport(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The extra columns of each app of {@code apps}, keyed by {@link AppOwners#key}; deleted apps get owner only. */
    public Map<String, Map<String, String>> columns(List<InventoryApp> apps) {
        PostureReview review = new PostureReview(PosturePolicy.current().rules(), db, clock);
        Map<String, PostureReview.AppPosture> graded = review.review(apps).stream()
                .collect(Collectors.toMap(p -> AppOwners.key(p.app().org(), p.app().apiName()), p -> p));
        Map<String, String> owners = new AppOwners(db).ownersOf(apps);
        Map<String, UsageSnapshots.Snapshot> usage = new UsageSnapshots(db).all();
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (InventoryApp app : apps) {
            String key = AppOwners.key(app.org(), app.apiName());
            Map<String, String> row = new LinkedHashMap<>();
            row.put("owner", owners.get(key));
            PostureReview.AppPosture p = graded.get(key);
            List<PostureFinding> findings = p == null ? List.of() : p.findings();
            row.put("posture_findings", p == null ? null : String.valueOf(findings.size()));
            row.put("posture_high", p == null ? null : String.valueOf(findings.stream().filter(f -> f.severity() == Severity.HIGH).count()));
            row.put("posture_rules", p == null ? null : findings.stream().map(PostureFinding::ruleId).collect(Collectors.joining(";")));
            UsageSnapshots.Snapshot u = usage.get(key);
            row.put("usage_users", u == null ? null : String.valueOf(u.users()));
            row.put("usage_last_used_at", u == null || u.lastUsedAt() == null ? null : u.lastUsedAt().toString());
            row.put("usage_unused", u == null ? null : String.valueOf(u.unused()));
            row.put("usage_read_at", u == null ? null : u.readAt().toString());
            out.put(key, row);
        }
        return out;
    }
}
