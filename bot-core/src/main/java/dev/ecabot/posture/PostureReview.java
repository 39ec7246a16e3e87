package dev.ecabot.posture;

import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.inventory.AppOwners;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.SettingsJson;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grades inventory apps with the posture rules: their stored settings, their owner ({@link AppOwners}) and the
 * age of their credentials (the last rotation in the audit trail, else when the app was made or imported).
 * Deleted apps are not graded. Thread-safe.
 */
public final class PostureReview {

    /** One app with its findings. */
    public record AppPosture(InventoryApp app, String owner, List<PostureFinding> findings) { }

    private final PostureRules rules;
    private final AppOwners owners;
    private final AuditTrail audit;
    private final Clock clock;

    public PostureReview(PostureRules rules, DataSource db, Clock clock) {
        this.rules = rules;
        this.owners = new AppOwners(db);
        this.audit = new AuditTrail(db);
        this.clock = clock;
    }

    public PostureRules rules() {
        return rules;
    }

    /** The findings of a spec about to be created for {@code requester} (credential age unknown yet). */
    public List<PostureFinding> beforeCreating(EcaSpec spec, String requester) {
        return rules.grade(PostureFacts.of(spec, requester, null));
    }

    /** Every app of {@code apps} that is not deleted, with its findings. */
    public List<AppPosture> review(List<InventoryApp> apps) {
        Map<String, String> ownerOf = owners.ownersOf(apps);
        List<AppPosture> out = new ArrayList<>();
        for (InventoryApp app : apps) {
            if (app.status() == AppStatus.DELETED) continue;
            String owner = ownerOf.get(AppOwners.key(app.org(), app.apiName()));
            out.add(new AppPosture(app, owner, grade(app, owner)));
        }
        return out;
    }

    /** One app's findings. */
    public AppPosture review(InventoryApp app) {
        String owner = owners.ownerOf(app).orElse(null);
        return new AppPosture(app, owner, grade(app, owner));
    }

    private List<PostureFinding> grade(InventoryApp app, String owner) {
        Instant since = app.createdAt();
        for (AuditEvent e : audit.forApp(app.org(), app.apiName())) {
            if (e.kind() == AuditKind.ROTATION && e.at().isAfter(since)) since = e.at();
        }
        return grade(app, owner, since);
    }

    /**
     * One app's findings when the caller already knows its owner and its last rotation (null when never rotated):
     * for grading a whole inventory row by row without a query per app (see {@link #lastRotations()}).
     */
    public List<PostureFinding> grade(InventoryApp app, String owner, Instant lastRotation) {
        Instant since = lastRotation != null && lastRotation.isAfter(app.createdAt()) ? lastRotation : app.createdAt();
        EcaSpec spec = SettingsJson.read(app.settingsJson());
        return rules.grade(PostureFacts.of(spec, owner, Math.max(0, Duration.between(since, clock.instant()).toDays())));
    }

    /** A grader for a whole inventory, one app after another (same findings as {@link #grade}, each computed once). */
    public ManyAppsGrading manyApps() {
        return new ManyAppsGrading(rules, clock);
    }

    /** The latest rotation of each app ever rotated, keyed by {@link AppOwners#key}; one query. */
    public Map<String, Instant> lastRotations() {
        return audit.latestByApp(AuditKind.ROTATION);
    }
}
