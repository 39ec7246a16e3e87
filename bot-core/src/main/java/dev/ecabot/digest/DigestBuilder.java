package dev.ecabot.digest;

import dev.ecabot.conversation.message.Person;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.posture.PostureFinding;
import dev.ecabot.posture.PostureReview;
import dev.ecabot.posture.Severity;
import dev.ecabot.usage.AppUsage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the digest of the last {@link #WINDOW} for one org or all: apps created, changed (rotated, drifted, owner
 * changed) and deleted, drift found by sync, posture findings new (on apps made or imported in the window) and open,
 * credentials to rotate, refresh tokens expiring within {@link #EXPIRY_HORIZON} and unused apps (when usage was
 * read). Short by construction: at most {@link #LINES_PER_PART} lines per part ("and N more"), so it fits a Slack
 * message (50 blocks) and a Teams card (28 KB) whatever the inventory's size. Thread-safe.
 */
public final class DigestBuilder {

    public static final Duration WINDOW = Duration.ofDays(7);
    public static final Duration EXPIRY_HORIZON = Duration.ofDays(14);
    public static final int LINES_PER_PART = 5;
    /** Characters at most per line (longer ones end in "..."), so no line breaks a platform's block limit. */
    public static final int LINE_LIMIT = 200;
    /** Audit events read at most to find the window's changes. */
    static final int AUDIT_SCAN = 5000;

    private static final Set<AuditKind> CHANGES = Set.of(AuditKind.ROTATION, AuditKind.DRIFT, AuditKind.OWNER);

    private final InventoryAppRepository inventory;
    private final AuditTrail audit;
    private final PostureReview posture;
    private final Clock clock;

    public DigestBuilder(InventoryAppRepository inventory, AuditTrail audit, PostureReview posture, Clock clock) {
        this.inventory = inventory;
        this.audit = audit;
        this.posture = posture;
        this.clock = clock;
    }

    /**
     * The digest of {@code org} (null: every org). {@code usage} holds what was read per org (absent: not read);
     * {@code usageProblems} says per org why it could not be read.
     */
    public Summary build(String org, Map<String, List<AppUsage>> usage, Map<String, String> usageProblems) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        Predicate<String> inScope = o -> org == null || org.equalsIgnoreCase(o);
        List<InventoryApp> apps = inventory.all().stream().filter(a -> inScope.test(a.org())).toList();
        List<AuditEvent> events = audit.recent(AUDIT_SCAN).stream()
                .filter(e -> !e.at().isBefore(since) && e.org() != null && inScope.test(e.org())).toList();

        List<Fact> facts = new ArrayList<>();
        List<String> created = apps.stream().filter(a -> a.status() != AppStatus.DELETED && !a.createdAt().isBefore(since))
                .map(a -> a.apiName() + " (" + a.org() + ")" + (a.status() == AppStatus.IMPORTED ? " imported by sync"
                        : " by " + (a.requester() == null ? "someone" : Person.inTextOrAsIs(a.requester())))).toList();
        part(facts, "Created", created);
        part(facts, "Changed", events.stream().filter(e -> CHANGES.contains(e.kind()) && e.kind() != AuditKind.DRIFT)
                .map(e -> e.apiName() + " (" + e.org() + "): " + e.detail()).distinct().toList());
        part(facts, "Deleted", events.stream().filter(e -> e.kind() == AuditKind.DELETION)
                .map(e -> e.apiName() + " (" + e.org() + ")").distinct().toList());
        List<String> drift = events.stream().filter(e -> e.kind() == AuditKind.DRIFT)
                .map(e -> e.apiName() + " (" + e.org() + "): " + e.detail()).distinct().toList();
        part(facts, "Drift found by sync", drift);

        List<PostureReview.AppPosture> graded = posture.review(apps);
        int open = 0;
        int high = 0;
        List<String> fresh = new ArrayList<>();
        List<String> rotate = new ArrayList<>();
        List<String> ownerless = new ArrayList<>();
        for (PostureReview.AppPosture p : graded) {
            open += p.findings().size();
            high += (int) p.findings().stream().filter(f -> f.severity() == Severity.HIGH).count();
            boolean isNew = !p.app().createdAt().isBefore(since);
            for (PostureFinding f : p.findings()) {
                if (f.ruleId().equals("credentials-old")) rotate.add(p.app().apiName() + " (" + p.app().org() + "): " + f.message()
                        + owner(p.owner()));
                else if (f.ruleId().equals("no-owner")) ownerless.add(p.app().apiName() + " (" + p.app().org() + ")");
                else if (isNew) fresh.add(p.app().apiName() + " (" + p.app().org() + "): [" + f.severity().word() + "] "
                        + f.message() + owner(p.owner()));
            }
        }
        part(facts, "New posture findings", fresh);
        part(facts, "Credentials to rotate", rotate);
        part(facts, "No owner", ownerless);

        List<String> expiring = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (Map.Entry<String, List<AppUsage>> e : usage.entrySet()) {
            if (!inScope.test(e.getKey())) continue;
            for (AppUsage u : e.getValue()) {
                for (AppUsage.UserToken t : u.tokens()) {
                    t.expiresAt().filter(x -> x.isAfter(now) && x.isBefore(now.plus(EXPIRY_HORIZON))).ifPresent(x ->
                            expiring.add(u.app().apiName() + " (" + u.app().org() + "): " + name(t) + " on " + x.toString()
                                    .substring(0, 10) + owner(u.owner())));
                }
                if (u.unused()) unused.add(u.app().apiName() + " (" + u.app().org() + "): unused for " + u.idleDays() + " days"
                        + owner(u.owner()));
            }
        }
        part(facts, "Refresh tokens expiring in 14 days", expiring);
        part(facts, "Unused", unused);

        long live = apps.stream().filter(a -> a.status() != AppStatus.DELETED).count();
        String where = org == null ? "all orgs" : org;
        String title = "Weekly ECA digest for " + where + ": " + live + " app(s); " + created.size() + " new, "
                + drift.size() + " drifted; " + open + " open finding(s) (" + high + " high); " + rotate.size()
                + " to rotate; " + expiring.size() + " token(s) expiring; " + unused.size() + " unused.";
        List<String> warnings = new ArrayList<>();
        usageProblems.forEach((o, why) -> {
            if (inScope.test(o)) warnings.add(cut("Usage of " + o + " could not be read: " + why));
        });
        if (usage.keySet().stream().noneMatch(inScope::test) && usageProblems.keySet().stream().noneMatch(inScope::test)) {
            warnings.add("Usage was not read from the org(s): token expiry and unused apps are not included.");
        }
        List<String> notes = List.of(facts.isEmpty() ? "Nothing to report this week." : "Details: the buttons below, or \"posture "
                + (org == null ? "" : org) + "\", \"usage <org>\", \"owner\".");
        return new Summary(title, facts, warnings.stream().limit(3).toList(), notes);
    }

    /**
     * Each owner's own digest: the lines of the apps they own that ask for something (open posture findings,
     * credentials to rotate, refresh tokens expiring within {@link #EXPIRY_HORIZON}, unused), keyed by owner
     * ({@code platform:userId}). An owner with nothing to act on has no entry. As short as the channel digest: at
     * most {@link #LINES_PER_PART} lines a part of at most {@link #LINE_LIMIT} characters.
     */
    public Map<String, Summary> forOwners(Map<String, List<AppUsage>> usage) {
        Instant now = clock.instant();
        Map<String, OwnerLines> byOwner = new java.util.TreeMap<>();
        for (PostureReview.AppPosture p : posture.review(inventory.all())) {
            if (p.owner() == null) continue;
            OwnerLines lines = byOwner.computeIfAbsent(p.owner(), o -> new OwnerLines());
            for (PostureFinding f : p.findings()) {
                String app = p.app().apiName() + " (" + p.app().org() + "): ";
                if (f.ruleId().equals("credentials-old")) {
                    lines.rotate.add(app + f.message() + " Say \"rotate " + p.app().apiName() + " " + p.app().org() + "\".");
                } else {
                    lines.findings.add(Map.entry(f.severity(), app + f.line()));
                    if (f.severity() == Severity.HIGH) lines.high++;
                }
            }
        }
        for (List<AppUsage> perOrg : usage.values()) {
            for (AppUsage u : perOrg) {
                if (u.owner() == null) continue;
                OwnerLines lines = byOwner.computeIfAbsent(u.owner(), o -> new OwnerLines());
                String app = u.app().apiName() + " (" + u.app().org() + "): ";
                for (AppUsage.UserToken t : u.tokens()) {
                    t.expiresAt().filter(x -> x.isAfter(now) && x.isBefore(now.plus(EXPIRY_HORIZON))).ifPresent(x ->
                            lines.expiring.add(app + name(t) + "'s refresh token expires on " + x.toString().substring(0, 10)
                                    + "; ask them to authorize the integration again."));
                }
                if (u.unused()) lines.unused.add(app + "unused for " + u.idleDays() + " days; delete it if nobody needs it.");
            }
        }
        Map<String, Summary> out = new java.util.LinkedHashMap<>();
        byOwner.forEach((owner, lines) -> {
            if (lines.isEmpty()) return;
            List<Fact> facts = new ArrayList<>();
            part(facts, "Posture findings", lines.findings.stream().sorted(Map.Entry.comparingByKey()) // high first
                    .map(Map.Entry::getValue).toList());
            part(facts, "Credentials to rotate", lines.rotate);
            part(facts, "Refresh tokens expiring in 14 days", lines.expiring);
            part(facts, "Unused", lines.unused);
            out.put(owner, new Summary("Your ECA apps this week: " + lines.findings.size() + " posture finding(s) ("
                    + lines.high + " high), " + lines.rotate.size() + " to rotate, " + lines.expiring.size()
                    + " token(s) expiring, " + lines.unused.size() + " unused.", facts, List.of(),
                    List.of("You get this as the owner of these apps. Details: \"show <api-name>\", \"usage <org>\".")));
        });
        return out;
    }

    /** What one owner has to act on. */
    private static final class OwnerLines {
        final List<Map.Entry<Severity, String>> findings = new ArrayList<>();
        final List<String> rotate = new ArrayList<>();
        final List<String> expiring = new ArrayList<>();
        final List<String> unused = new ArrayList<>();
        int high;

        boolean isEmpty() {
            return findings.isEmpty() && rotate.isEmpty() && expiring.isEmpty() && unused.isEmpty();
        }
    }

    private static void part(List<Fact> facts, String section, List<String> lines) {
        for (int i = 0; i < Math.min(lines.size(), LINES_PER_PART); i++) {
            facts.add(new Fact(section, String.valueOf(i + 1), cut(lines.get(i))));
        }
        if (lines.size() > LINES_PER_PART) {
            facts.add(new Fact(section, "more", "and " + (lines.size() - LINES_PER_PART) + " more"));
        }
    }

    private static String cut(String line) {
        return line.length() <= LINE_LIMIT ? line : line.substring(0, LINE_LIMIT - 3) + "...";
    }

    private static String owner(String owner) {
        return owner == null ? " (no owner)" : " (owner " + owner + ")";
    }

    private static String name(AppUsage.UserToken t) {
        return t.token().username() != null ? t.token().username() : t.token().userIdentifier();
    }
}
