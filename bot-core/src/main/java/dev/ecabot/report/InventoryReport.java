package dev.ecabot.report;

import dev.ecabot.inventory.AppOwners;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.posture.PostureFinding;
import dev.ecabot.posture.PosturePolicy;
import dev.ecabot.posture.PostureReview;
import dev.ecabot.posture.Severity;
import dev.ecabot.usage.UsageSnapshots;

import javax.sql.DataSource;
import dev.ecabot.inventory.AppStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
        Function<InventoryApp, Map<String, String>> perApp = perApp();
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (InventoryApp app : apps) out.put(AppOwners.key(app.org(), app.apiName()), perApp.apply(app));
        return out;
    }

    /**
     * The extra columns of one app at a time, for an export written row by row: owners, usage and rotations are
     * read once here (a few small tables), the posture graded per app as it comes, never a query per app, and
     * graded once per distinct settings ({@code ManyAppsGrading}): that grading was the export's largest cost.
     * Not thread-safe: one per export.
     */
    public Function<InventoryApp, Map<String, String>> perApp() {
        PostureReview review = new PostureReview(PosturePolicy.current().rules(), db, clock);
        Map<String, Instant> rotations = review.lastRotations();
        AppOwners owners = new AppOwners(db);
        Function<InventoryApp, String> ownerOf = owners.resolver();
        Map<String, UsageSnapshots.Snapshot> usage = new UsageSnapshots(db).all();
        dev.ecabot.posture.ManyAppsGrading grading = review.manyApps();
        return app -> {
            String key = AppOwners.key(app.org(), app.apiName());
            String owner = ownerOf.apply(app);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("owner", owner);
            List<PostureFinding> findings = app.status() == AppStatus.DELETED ? null
                    : grading.grade(app, owner, rotations.get(key));
            row.put("posture_findings", findings == null ? null : String.valueOf(findings.size()));
            row.put("posture_high", findings == null ? null : String.valueOf(findings.stream().filter(f -> f.severity() == Severity.HIGH).count()));
            row.put("posture_rules", findings == null ? null : findings.stream().map(PostureFinding::ruleId).collect(Collectors.joining(";")));
            UsageSnapshots.Snapshot u = usage.get(key);
            row.put("usage_users", u == null ? null : String.valueOf(u.users()));
            row.put("usage_last_used_at", u == null || u.lastUsedAt() == null ? null : u.lastUsedAt().toString());
            row.put("usage_unused", u == null ? null : String.valueOf(u.unused()));
            row.put("usage_read_at", u == null ? null : u.readAt().toString());
            return row;
        };
    }
}
