package dev.ecabot.conversation.inventory;

import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.DistributionState;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.eca.OauthPolicies;
import dev.ecabot.eca.OauthScope;
import dev.ecabot.eca.OauthSettings;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.InventorySettings;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.posture.PosturePolicy;
import dev.ecabot.posture.PostureRules;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Posture findings in chat: on the confirmation, in show and posture, owners assigned by admins, and org blocks. */
class PostureConversationTest {

    private final TestBot bot = DemoOrgApps.bot();
    private final Person alice = bot.chat().as("alice");
    private final Person admin = bot.chat().as("admin");

    @AfterEach
    void close() {
        PosturePolicy.install(new PosturePolicy(PostureRules.shipped(), InventorySettings.defaults()));
        bot.close();
    }

    @Test
    void theConfirmationWarnsAboutVonagesChoicesButCreatesExactlyWhatTheSeedPrescribes() {
        alice.says("I need a Vonage app in demo");
        alice.says("Vonage Prod");
        alice.says("");
        alice.says("ops@example.com");
        Confirmation confirmation = alice.says("").last(Confirmation.class);
        assertThat(confirmation.summary().warnings()).anySatisfy(w -> assertThat(w)
                        .startsWith("Posture [high] Policies > IP Relaxation: IP restrictions are relaxed (\"Relax IP restrictions\")."))
                .anySatisfy(w -> assertThat(w).contains("Refresh tokens stay valid until revoked"))
                .anySatisfy(w -> assertThat(w).contains("the app is created exactly as shown"));
        alice.confirms();
        alice.awaits("Consumer key and secret of Vonage_Prod");
        InventoryApp app = new InventoryAppRepository(bot.database().dataSource()).find("demo", "Vonage_Prod").orElseThrow();
        assertThat(SettingsJson.read(app.settingsJson()).policies().ipRelaxation()).isEqualTo(IpRelaxation.BYPASS);
    }

    @Test
    void postureListsFindingsPerAppAndTheAppsNobodyOwnsAndShowExplainsWhy() {
        DemoOrgApps.vonageMadeBy(bot, alice, "Vonage Prod");
        importedApp("Legacy_Sync");

        String report = alice.says("posture demo").text();
        assertThat(report).contains("Posture in demo: 2 app(s)")
                .contains("Vonage_Prod (demo, owner test:alice)", "ip-bypass: [high] Policies > IP Relaxation")
                .contains("No owner: Legacy_Sync (demo). An admin says \"owner <api-name> @someone\".");
        String shown = alice.says("show Vonage_Prod").text();
        assertThat(shown).contains("Owner: test:alice")
                .contains("Why: Tokens of this app work from any network")
                .contains("(source: Salesforce Help: OAuth access policies, IP Relaxation");
        assertThat(alice.says("posture nowhere").text()).contains("I know no org called \"nowhere\"");
    }

    @Test
    void onlyAnAdminAssignsAnOwnerAndTheChangeIsAudited() {
        importedApp("Legacy_Sync");
        assertThat(admin.says("owner").text()).contains("1 app(s) nobody owns", "Legacy_Sync");
        assertThat(alice.says("owner Legacy_Sync @alice").text()).contains("You may not run `owner`");

        assertThat(admin.says("owner Legacy_Sync <@carol|Carol>").text()).contains("test:carol now owns Legacy_Sync in demo");
        assertThat(admin.says("show Legacy_Sync").text()).contains("Owner: test:carol").doesNotContain("Nobody owns");
        assertThat(admin.says("owner").text()).contains("Every app in the inventory has an owner");
        assertThat(new AuditTrail(bot.database().dataSource()).forApp("demo", "Legacy_Sync"))
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo(AuditKind.OWNER);
                    assertThat(e.actor().toString()).isEqualTo("test:admin");
                    assertThat(e.detail()).isEqualTo("owner changed from nobody to test:carol");
                });
        assertThat(admin.says("owner Legacy_Sync bob").text()).contains("\"bob\" is not a person");
    }

    @Test
    void anOrgPolicyTurnsAFindingIntoABlockThatAnApproverMustAccept() {
        PosturePolicy.install(new PosturePolicy(PostureRules.shipped(), new InventorySettings(
                Map.of("demo", Set.of("ip-bypass")), 90, Duration.ofDays(7), InventorySettings.defaults().digest(),
                InventorySettings.defaults().api())));
        alice.says("I need a Vonage app in demo");
        alice.says("Vonage Prod");
        alice.says("");
        alice.says("ops@example.com");
        Confirmation confirmation = alice.says("").last(Confirmation.class);
        assertThat(confirmation.summary().warnings()).anySatisfy(w -> assertThat(w).contains("IP restrictions are relaxed")
                .endsWith("(demo's policy: an approver must accept this before the app is created)"));
        assertThat(alice.confirms().text()).contains("Org demo needs 1 approval before I create this");
        alice.says("Voice bot for support");
        ApprovalCard card = bot.chat().as("bob").everything().last(ApprovalCard.class);
        assertThat(card.facts()).anySatisfy(f -> {
            assertThat(f.label()).isEqualTo("Posture (approving accepts it)");
            assertThat(f.value()).contains("IP restrictions are relaxed (\"Relax IP restrictions\")");
        });
        assertThat(new InventoryAppRepository(bot.database().dataSource()).find("demo", "Vonage_Prod")).isEmpty();
    }

    @Test
    void theApprovalABlockedFindingCallsForWaitsForAnApproverAndThenTheAppIsCreated() {
        // demo needs no approval by policy: the block alone calls for one, and the stored request must wait for it
        PosturePolicy.install(new PosturePolicy(PostureRules.shipped(), new InventorySettings(
                Map.of("demo", Set.of("ip-bypass")), 90, Duration.ofDays(7), InventorySettings.defaults().digest(),
                InventorySettings.defaults().api())));
        alice.says("I need a Vonage app in demo");
        alice.says("Vonage Prod");
        alice.says("");
        alice.says("ops@example.com");
        alice.says("");
        alice.confirms();
        assertThat(alice.says("Voice bot for support").text()).contains("is waiting for approval (1 needed in org demo)");
        var bob = bot.chat().as("bob");
        ApprovalCard card = bob.everything().last(ApprovalCard.class);
        assertThat(card.title()).startsWith("Approval needed (1 approval)");
        assertThat(card.decidable()).isTrue();
        assertThat(new InventoryAppRepository(bot.database().dataSource()).find("demo", "Vonage_Prod")).isEmpty();

        assertThat(bob.presses(ApprovalCard.PROMPT_ID, card.approveValue()).text()).contains("Approved: request");
        alice.awaits("Consumer key and secret of Vonage_Prod");
        assertThat(new InventoryAppRepository(bot.database().dataSource()).find("demo", "Vonage_Prod")).isPresent();
    }

    private void importedApp(String apiName) {
        EcaSpec spec = new EcaSpec(new AppInfo(apiName, apiName, "x@example.com", null, null, DistributionState.LOCAL, null, null),
                GlobalOauthSettings.defaults(List.of("https://legacy.example.com/cb")), OauthSettings.of(List.of(OauthScope.API)),
                OauthPolicies.defaults());
        new InventoryAppRepository(bot.database().dataSource()).save(new InventoryApp(null, "demo", apiName, apiName, null,
                null, null, null, null, null, "3MVG9LEGACY", TestBot.START.minus(Duration.ofDays(400)),
                SettingsJson.write(spec), AppStatus.IMPORTED));
    }
}
