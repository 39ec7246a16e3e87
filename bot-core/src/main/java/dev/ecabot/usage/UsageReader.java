package dev.ecabot.usage;

import dev.ecabot.eca.EcaSpec;
import dev.ecabot.inventory.AppOwners;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.salesforce.OauthUsageApi;
import dev.ecabot.salesforce.OauthUsageApi.UsageApp;
import dev.ecabot.salesforce.OauthUsageApi.UsageToken;
import dev.ecabot.salesforce.OrgClients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the real use of one org's inventory apps from its OAuth usage resources. An app the org reports no usage
 * for has no token; it is unused when neither a token was used nor the app was made within
 * {@code unusedAfterDays}. Deleted apps are skipped. Read-only in the org; what was read is kept as the apps'
 * {@link UsageSnapshots} for the export. Thread-safe.
 */
public final class UsageReader {

    private final OrgClients orgs;
    private final InventoryAppRepository inventory;
    private final AppOwners owners;
    private final Clock clock;

    public UsageReader(OrgClients orgs, InventoryAppRepository inventory, AppOwners owners, Clock clock) {
        this.orgs = orgs;
        this.inventory = inventory;
        this.owners = owners;
        this.clock = clock;
    }

    /** The usage of every live app of {@code org} in the inventory. */
    public List<AppUsage> read(String org, int unusedAfterDays) {
        List<InventoryApp> apps = inventory.byOrg(org).stream().filter(a -> a.status() != AppStatus.DELETED).toList();
        if (apps.isEmpty()) return List.of();
        OauthUsageApi api = orgs.forOrg(org).usage();
        Map<String, UsageApp> withUsage = new HashMap<>();
        for (UsageApp u : api.apps()) {
            if (u.developerName() != null) withUsage.put(u.developerName().toLowerCase(Locale.ROOT), u);
        }
        Map<String, String> ownerOf = owners.ownersOf(apps);
        Instant now = clock.instant();
        List<AppUsage> out = new ArrayList<>();
        for (InventoryApp app : apps) {
            EcaSpec spec = SettingsJson.read(app.settingsJson());
            UsageApp usage = withUsage.get(app.apiName().toLowerCase(Locale.ROOT));
            List<AppUsage.UserToken> tokens = new ArrayList<>();
            if (usage != null && usage.identifier() != null) {
                for (OauthUsageApi.UsageUser user : api.users(usage.identifier())) {
                    if (user.userIdentifier() == null) continue;
                    for (UsageToken t : api.tokens(usage.identifier(), user.userIdentifier())) {
                        UsageToken named = t.username() != null ? t : new UsageToken(t.userIdentifier(), user.username(),
                                t.appDeveloperName(), t.initialConnectionAt(), t.lastUsedAt(), t.useCount(), t.revocationUrl());
                        tokens.add(new AppUsage.UserToken(named, RefreshTokenExpiry.of(spec.policies(), named)));
                    }
                }
            }
            Instant lastUsed = tokens.stream().map(t -> t.token().lastUsedAt() != null ? t.token().lastUsedAt()
                    : t.token().initialConnectionAt()).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
            Instant since = lastUsed != null ? lastUsed : app.createdAt();
            long idle = Math.max(0, Duration.between(since, now).toDays());
            out.add(new AppUsage(app, ownerOf.get(AppOwners.key(app.org(), app.apiName())), tokens, lastUsed, idle,
                    idle >= unusedAfterDays));
        }
        new UsageSnapshots(inventory.dataSource()).save(out, now);
        return out;
    }
}
