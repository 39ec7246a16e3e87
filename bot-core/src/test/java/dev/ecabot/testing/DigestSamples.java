package dev.ecabot.testing;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.digest.DigestBuilder;
import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import dev.ecabot.eca.RefreshTokenPolicy;
import dev.ecabot.eca.RefreshTokenValidityUnit;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.posture.PostureReview;
import dev.ecabot.posture.PostureRules;
import dev.ecabot.salesforce.OauthUsageApi.UsageToken;
import dev.ecabot.store.Database;
import dev.ecabot.usage.AppUsage;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The largest digests an inventory can make, for the adapters' limit tests: 120 apps with long names in one org,
 * every part of the digest overflowing (created, changed, drift, findings, rotations, tokens expiring, unused); half
 * of them owned by {@link #OWNER}, whose own digest overflows its findings, tokens and unused parts.
 */
public final class DigestSamples {

    private DigestSamples() {
    }

    /** The owner of every app the sample did not import. */
    public static final String OWNER = "slack:U0OWNEROFSIXTYAPPS";

    public static Summary worstCase() {
        return sample((builder, usage) -> builder.build(null, Map.of("production-emea", usage),
                Map.of("eu-sandbox", "x".repeat(2000))));
    }

    /** The direct message {@link #OWNER} gets: every part of it overflowing. */
    public static Summary worstCaseForOwner() {
        return sample((builder, usage) -> builder.forOwners(Map.of("production-emea", usage)).get(OWNER));
    }

    private static Summary sample(java.util.function.BiFunction<DigestBuilder, List<AppUsage>, Summary> make) {
        Clock clock = Clock.fixed(TestBot.START, ZoneOffset.UTC);
        Database db = Database.inMemory("digest-" + UUID.randomUUID());
        try {
            InventoryAppRepository inventory = new InventoryAppRepository(db.dataSource());
            AuditTrail audit = new AuditTrail(db.dataSource());
            EcaSpec risky = new EcaSpec(AppInfo.local("X", "X", "x@example.com"),
                    GlobalOauthSettings.builder().callbackUrls("http://*.vendor.example.com/callback/" + "p".repeat(150))
                            .pkceRequired(false).consumerSecretOptional(true).build(),
                    OauthSettings.of(List.of(OauthScope.FULL, OauthScope.API, OauthScope.REFRESH_TOKEN)),
                    OauthPolicies.builder().ipRelaxation(IpRelaxation.BYPASS)
                            .refreshToken(RefreshTokenPolicy.SPECIFIC_LIFETIME, 10, RefreshTokenValidityUnit.DAYS).build());
            List<AppUsage> usage = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String name = "A_Very_Long_Integration_Name_For_A_Vendor_With_Many_Environments_" + i;
                InventoryApp app = inventory.save(new InventoryApp(null, "production-emea", name, name + " label", null,
                        i % 2 == 0 ? null : "custom", null, i % 2 == 0 ? null : OWNER, null, null,
                        "3MVG9" + "K".repeat(80), TestBot.START.minus(Duration.ofDays(i % 3 == 0 ? 1 : 400)),
                        SettingsJson.write(risky), i % 2 == 0 ? AppStatus.IMPORTED : AppStatus.ACTIVE));
                audit.record(AuditEvent.of(TestBot.START.minus(Duration.ofDays(1)), AuditKind.DRIFT, null, app.org(), name,
                        "IP relaxation: Enforce -> Bypass; callback URL changed; " + "d".repeat(300)));
                audit.record(AuditEvent.of(TestBot.START.minus(Duration.ofDays(2)), AuditKind.ROTATION,
                        ChatUserRef.parse("slack:U0ADMIN"), app.org(), name, "rotated the consumer key and secret"));
                List<AppUsage.UserToken> tokens = new ArrayList<>();
                for (int u = 0; u < 5; u++) {
                    tokens.add(new AppUsage.UserToken(new UsageToken("005" + u, "user" + u + "@" + "long-domain".repeat(5) + ".example.com",
                            name, TestBot.START.minus(Duration.ofDays(5)), TestBot.START.minus(Duration.ofDays(200)), 3, null),
                            Optional.of(TestBot.START.plus(Duration.ofDays(5)))));
                }
                usage.add(new AppUsage(app, app.requester(), tokens, TestBot.START.minus(Duration.ofDays(200)), 200, true));
            }
            return make.apply(new DigestBuilder(inventory, audit, new PostureReview(PostureRules.shipped(), db.dataSource(),
                    clock), clock), usage);
        } finally {
            db.close();
        }
    }
}
