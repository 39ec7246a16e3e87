package dev.ecabot.inventory;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import dev.ecabot.store.Database;
import dev.ecabot.testing.PostgresTestDatabase;
import dev.ecabot.usage.AppUsage;
import dev.ecabot.usage.UsageSnapshots;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Owners (V85) and usage snapshots (V86) behave the same on H2 and PostgreSQL. */
class OwnersAndUsageOnBothDatabasesTest {

    private static final Instant T = Instant.parse("2026-03-02T10:12:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void ownersDefaultToTheRequesterAreAssignedWithAnAuditLineAndUsageIsKept(String vendor) {
        if (vendor.equals("postgresql")) PostgresTestDatabase.requireServer();
        try (Database db = vendor.equals("h2") ? Database.inMemory("owners-" + UUID.randomUUID())
                : PostgresTestDatabase.openFreshSchema()) {
            InventoryAppRepository repo = new InventoryAppRepository(db.dataSource());
            InventoryApp made = repo.save(app("Made", "slack:U1"));
            InventoryApp imported = repo.save(app("Imported", null));
            AppOwners owners = new AppOwners(db.dataSource());

            assertThat(owners.ownerOf(made)).contains("slack:U1");
            assertThat(owners.ownerless(repo.all())).extracting(InventoryApp::apiName).containsExactly("Imported");
            owners.assign(imported, ChatUserRef.parse("slack:U2"), ChatUserRef.parse("slack:UADMIN"), T);
            owners.assign(imported, ChatUserRef.parse("slack:U3"), ChatUserRef.parse("slack:UADMIN"), T);
            assertThat(owners.ownerOf(imported)).contains("slack:U3");
            assertThat(owners.ownerless(repo.all())).isEmpty();
            assertThat(new AuditTrail(db.dataSource()).forApp("demo", "Imported")).extracting(e -> e.kind() + " " + e.detail())
                    .containsExactly(AuditKind.OWNER + " owner changed from nobody to slack:U2",
                            AuditKind.OWNER + " owner changed from slack:U2 to slack:U3");

            UsageSnapshots snapshots = new UsageSnapshots(db.dataSource());
            snapshots.save(List.of(new AppUsage(made, "slack:U1", List.of(), null, 120, true)), T);
            snapshots.save(List.of(new AppUsage(made, "slack:U1", List.of(), T, 0, false)), T.plusSeconds(60));
            assertThat(snapshots.all().get(AppOwners.key("demo", "Made")))
                    .isEqualTo(new UsageSnapshots.Snapshot(0, 0, T, false, T.plusSeconds(60)));
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.Test
    void anAppMadeAtTheCommandLineHasNoChatOwnerForItsRemindersUntilOneIsAssigned() {
        try (Database db = Database.inMemory("owners-" + UUID.randomUUID())) {
            InventoryAppRepository repo = new InventoryAppRepository(db.dataSource());
            repo.save(app("ByOperator", "alice"));
            repo.save(app("ByChatUser", "slack:U1"));
            AppOwners owners = new AppOwners(db.dataSource());

            assertThat(owners.currentOwner("demo", "ByOperator")).isEmpty();
            assertThat(owners.currentOwner("demo", "ByChatUser")).contains(ChatUserRef.parse("slack:U1"));
            owners.assign(repo.find("demo", "ByOperator").orElseThrow(), ChatUserRef.parse("slack:U2"),
                    ChatUserRef.parse("slack:UADMIN"), T);
            assertThat(owners.currentOwner("demo", "ByOperator")).contains(ChatUserRef.parse("slack:U2"));
        }
    }

    private static InventoryApp app(String apiName, String requester) {
        EcaSpec spec = new EcaSpec(AppInfo.local(apiName, apiName, "ops@example.com"),
                GlobalOauthSettings.defaults(List.of("https://vendor.example.com/cb")), OauthSettings.of(List.of(OauthScope.API)),
                OauthPolicies.defaults());
        return new InventoryApp(null, "demo", apiName, apiName, null, null, null, requester, null, null, null, T,
                dev.ecabot.inventory.SettingsJson.write(spec), requester == null ? AppStatus.IMPORTED : AppStatus.ACTIVE);
    }
}
