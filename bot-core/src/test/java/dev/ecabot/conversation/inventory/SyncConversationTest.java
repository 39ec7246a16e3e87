package dev.ecabot.conversation.inventory;

import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.IpRelaxation;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.salesforce.DeployProgressListener;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.SampleSpecs;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sync <org>} against the emulated demo org: imports what the bot did not make, names drifted settings. */
class SyncConversationTest {

    private final TestBot bot = DemoOrgApps.bot();
    private final Person admin = bot.chat().as("admin");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void anAppMadeOutsideTheBotIsImportedWithPlaybookUnknown() {
        DemoOrgApps.deployBehindTheBotsBack(bot, SampleSpecs.vonage("Made_In_Setup"));

        admin.says("sync demo");
        String report = admin.awaits("Sync of demo").text();

        assertThat(report).contains("1 imported, 0 drifted", "Imported (playbook unknown)", "Made_In_Setup");
        InventoryApp imported = new InventoryAppRepository(bot.database().dataSource()).find("demo", "Made_In_Setup").orElseThrow();
        assertThat(imported.status()).isEqualTo(AppStatus.IMPORTED);
        assertThat(imported.playbookId()).isNull();
        assertThat(admin.says("inventory demo").text()).contains("Made_In_Setup", "unknown", "imported");
        assertThat(admin.says("show Made_In_Setup").text()).contains("Playbook: unknown", "Status: imported");

        admin.says("sync demo");
        assertThat(admin.awaits("The inventory and the org agree").text()).contains("0 imported, 0 drifted");
    }

    @Test
    void anExactCopyOfAPlaybooksSettingsIsImportedWithThatPlaybook() {
        InventoryApp made = DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");
        EcaSpec asMade = SettingsJson.read(made.settingsJson());
        EcaSpec copy = new EcaSpec(dev.ecabot.eca.AppInfo.local("Copy_In_Setup", "Copy In Setup", "ops@example.com"),
                asMade.globalOauth(), asMade.oauth(), asMade.policies());
        DemoOrgApps.deployBehindTheBotsBack(bot, copy);

        admin.says("sync demo");
        String report = admin.awaits("Sync of demo").text();

        assertThat(report).contains("1 imported", "Imported (its settings match a playbook)", "Copy_In_Setup",
                "playbook vonage-ai-studio").doesNotContain("playbook unknown");
        InventoryApp imported = new InventoryAppRepository(bot.database().dataSource()).find("demo", "Copy_In_Setup").orElseThrow();
        assertThat(imported.playbookId()).isEqualTo("vonage-ai-studio");
        assertThat(imported.status()).isEqualTo(AppStatus.IMPORTED);
        assertThat(admin.says("audit Copy_In_Setup").text()).contains("playbook vonage-ai-studio: its settings are an exact copy");
    }

    @Test
    void anAdminSetsThePlaybookAndTheOwnerOfAnImportedApp() {
        DemoOrgApps.deployBehindTheBotsBack(bot, SampleSpecs.vonage("Made_In_Setup"));
        admin.says("sync demo");
        admin.awaits("Sync of demo");

        assertThat(admin.says("assign Made_In_Setup playbook custom").text()).contains("playbook set:", "-> custom");
        assertThat(admin.says("assign Made_In_Setup owner carol").text()).contains("test:carol now owns Made_In_Setup in demo");
        assertThat(admin.says("assign Made_In_Setup playbook nonsense").text()).contains("no playbook \"nonsense\"");
        assertThat(bot.chat().as("alice").says("assign Made_In_Setup owner alice").text()).contains("You may not run `assign`");

        InventoryApp app = new InventoryAppRepository(bot.database().dataSource()).find("demo", "Made_In_Setup").orElseThrow();
        assertThat(app.playbookId()).isEqualTo("custom");
        assertThat(app.requester()).as("the requester stays who asked: nobody, for an imported app").isNull();
        assertThat(new dev.ecabot.inventory.AppOwners(bot.database().dataSource()).ownerOf(app)).contains("test:carol");
        assertThat(admin.says("audit Made_In_Setup").text()).contains("owner changed from nobody to test:carol");
    }

    @Test
    void driftNamesEachSettingThatChangedWithItsOldAndNewValue() {
        InventoryApp made = DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");
        EcaSpec asMade = SettingsJson.read(made.settingsJson());
        EcaSpec loosened = new EcaSpec(asMade.app(),
                asMade.globalOauth().toBuilder().pkceRequired(!asMade.globalOauth().pkceRequired()).build(),
                asMade.oauth(),
                asMade.policies().toBuilder().ipRelaxation(IpRelaxation.ENFORCE_RELAX_REFRESH).build());
        DemoOrgApps.deployBehindTheBotsBack(bot, loosened);

        admin.says("sync demo");
        String report = admin.awaits("Sync of demo").text();

        assertThat(report).contains("0 imported, 1 drifted", "Drifted (made with -> now in the org)", "Vonage_Prod",
                "globalOauth.pkceRequired: " + asMade.globalOauth().pkceRequired() + " -> " + !asMade.globalOauth().pkceRequired(),
                "policies.ipRelaxation: " + asMade.policies().ipRelaxation() + " -> ENFORCE_RELAX_REFRESH");
        assertThat(admin.says("audit Vonage_Prod").text()).contains("drift by test:admin", "policies.ipRelaxation");
    }

    @Test
    void showListsTheFieldsTheBotDoesNotManageAndSyncNamesThoseThatChanged() {
        InventoryApp made = DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");
        assertThat(admin.says("show Vonage_Prod").text()).as("a new app: the bot wrote none")
                .contains("Fields the bot does not manage", "None", "as of provisioning");

        // An admin turns on DPoP in Setup: a field the bot never writes.
        EcaSpec asMade = SettingsJson.read(made.settingsJson());
        var pkg = new dev.ecabot.eca.EcaMetadataWriter("68.0", dev.ecabot.eca.MetadataFormat.METADATA_API).write(asMade);
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (String path : pkg.paths()) {
            String text = pkg.text(path);
            if (path.contains(".ecaGlblOauth")) {
                text = text.replace("<isDeviceFlowEnabled>", "<isDPopEnabled>true</isDPopEnabled>\n    <isDeviceFlowEnabled>");
            }
            files.put(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(bot.orgClients().forOrg("demo").metadata().deploy(new dev.ecabot.eca.MetadataPackage(files).toZip(),
                dev.ecabot.salesforce.DeployOptions.realDeploy(), DeployProgressListener.NONE).succeeded()).isTrue();

        admin.says("sync demo");
        String report = admin.awaits("Sync of demo").text();
        assertThat(report).contains("1 drifted", "Vonage_Prod",
                "not managed by the bot: ExtlClntAppGlobalOauthSettings.isDPopEnabled: (absent) -> true");
        assertThat(admin.says("show Vonage_Prod").text())
                .contains("Fields the bot does not manage", "ExtlClntAppGlobalOauthSettings.isDPopEnabled: true", "As of: sync")
                .doesNotContain("consumerKey");
        assertThat(admin.says("audit Vonage_Prod").text()).contains("isDPopEnabled");

        admin.says("sync demo");
        // the first report is in the transcript already: wait for the second one, then read that one
        java.util.function.Supplier<java.util.List<String>> reports = () -> admin.everything().messages().stream()
                .map(dev.ecabot.conversation.message.PlainText::render).filter(t -> t.contains("Sync of demo")).toList();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> reports.get().size() == 2);
        assertThat(reports.get().get(1)).as("named once, when it changed").contains("0 drifted");
    }

    @Test
    void anAppDeletedOutsideTheBotIsReportedMissingFromTheOrg() {
        DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");
        bot.orgClients().forOrg("demo").deleteApp("Vonage_Prod", DeployProgressListener.NONE);

        admin.says("sync demo");

        assertThat(admin.awaits("Sync of demo").text()).contains("0 apps in the org; 0 imported, 0 drifted, 1 missing from the org",
                "In the inventory but not in the org", "Vonage_Prod: Vonage Prod");
    }

    @Test
    void anAppMissingFromTheOrgIsMarkedMissingItsRemindersStopAndRotateSaysWhyInsteadOfSalesforcesError() {
        DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");
        assertThat(bot.reminders().forApp("demo", "Vonage_Prod")).as("an App usable reminder").isNotEmpty();
        bot.orgClients().forOrg("demo").deleteApp("Vonage_Prod", DeployProgressListener.NONE);

        admin.says("sync demo");
        admin.awaits("Sync of demo");

        InventoryAppRepository repo = new InventoryAppRepository(bot.database().dataSource());
        assertThat(repo.find("demo", "Vonage_Prod").orElseThrow().status()).isEqualTo(AppStatus.MISSING);
        assertThat(bot.reminders().forApp("demo", "Vonage_Prod")).as("no reminder about an app that is gone").isEmpty();
        assertThat(admin.says("inventory demo").text()).contains("Vonage_Prod", "missing");
        admin.says("revoke-old Vonage_Prod");
        assertThat(admin.awaits("Problem:").text()).contains("no longer in org demo", "marked it missing")
                .doesNotContain("requested resource does not exist");
        assertThat(admin.says("audit Vonage_Prod").text()).contains("marked missing");
    }

    @Test
    void anAppMarkedMissingThatIsBackInTheOrgIsActiveAgain() {
        InventoryApp made = DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");
        bot.orgClients().forOrg("demo").deleteApp("Vonage_Prod", DeployProgressListener.NONE);
        admin.says("sync demo");
        admin.awaits("Sync of demo");
        DemoOrgApps.deployBehindTheBotsBack(bot, SettingsJson.read(made.settingsJson()));

        admin.says("sync demo");
        admin.awaits("Sync of demo: 1 app");

        assertThat(new InventoryAppRepository(bot.database().dataSource()).find("demo", "Vonage_Prod").orElseThrow()
                .status()).isEqualTo(AppStatus.ACTIVE);
    }

    @Test
    void onlyAdminsMaySyncAndUnknownOrgsAreNamed() {
        assertThat(bot.chat().as("alice").says("sync demo").text()).contains("You may not run `sync`", "admin");
        assertThat(admin.says("sync nowhere").text()).contains("no org called \"nowhere\"", "demo");
        assertThat(admin.says("sync").text()).contains("Say \"sync <org>\"");
    }

    @Test
    void aSyncImportingManyAppsShowsOnePageAndSaysWhereTheRestIs() {
        for (int i = 0; i < 20; i++) DemoOrgApps.deployBehindTheBotsBack(bot, SampleSpecs.vonage(String.format("Setup_%02d", i)));

        admin.says("sync demo");
        String report = admin.awaits("Sync of demo").text();

        assertThat(report).contains("20 imported", "Setup_00", "Setup_14",
                "5 more lines not shown: say \"inventory demo\" for the imported apps, \"audit\" for every import and drift")
                .doesNotContain("Setup_15");
        assertThat(admin.says("inventory demo page 2").text()).contains("Setup_15", "Setup_19");
    }
}
