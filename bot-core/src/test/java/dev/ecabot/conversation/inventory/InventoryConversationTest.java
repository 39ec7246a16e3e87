package dev.ecabot.conversation.inventory;

import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.SampleSpecs;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import dev.ecabot.conversation.message.ChoicePrompt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What the bot made shows up in {@code inventory [org] [vendor]} and {@code show}, on the emulated demo org. */
class InventoryConversationTest {

    private final TestBot bot = DemoOrgApps.bot();
    private final Person bob = bot.chat().as("bob");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void anAppMadeInChatIsListedWithEveryColumnAndShownInFullWithoutItsSecret() {
        InventoryApp app = DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");

        assertThat(bob.says("inventory demo").text())
                .contains("1 app in demo", "Vonage_Prod: Vonage Prod | vonage-ai-studio (Vonage) | asked by test:alice"
                        + " | approved by - | contact ops@example.com | key " + app.consumerKey() + " | created ", "| active");
        String shown = bob.says("show vonage_prod").text();
        assertThat(shown).contains("Vonage Prod (Vonage_Prod)", "Requested by: test:alice", "Contact email: ops@example.com",
                "Consumer key: " + app.consumerKey(), "Callback URLs: https://api-eu.vonage.com/oauth/redirect",
                "IP relaxation: Relax IP restrictions");
        assertThat(shown).doesNotContainIgnoringCase("secret:");
        String facts = shown.split("Warning: Posture", 2)[0]; // posture findings name metadata values in their own words
        assertThat(facts).as("Setup's words, not the metadata values").contains("Permitted users: All users may self-authorize")
                .contains("Session policy: ").doesNotContain("(Bypass)", "AllSelfAuthorized");
        assertThat(bob.says("show Vonage_Prod detail").text()).as("the metadata values on request")
                .contains("IP relaxation: Relax IP restrictions (Bypass)", "All users may self-authorize (AllSelfAuthorized)");
    }

    @Test
    void aHighAssuranceSessionPolicyShowsItsActionInSetupsWords() {
        var policies = dev.ecabot.eca.OauthPolicies.defaults().toBuilder()
                .requiredSessionLevel(dev.ecabot.eca.SessionLevel.HIGH_ASSURANCE)
                .policyAction(dev.ecabot.eca.PolicyAction.BLOCK).build();
        var spec = dev.ecabot.testing.SampleSpecs.vonage("Strict_App");
        var facts = dev.ecabot.conversation.dialogue.SpecFacts.of(new dev.ecabot.eca.EcaSpec(spec.app(), spec.globalOauth(),
                spec.oauth(), policies));
        assertThat(facts).anySatisfy(f -> {
            assertThat(f.label()).isEqualTo("Session policy");
            assertThat(f.value()).isEqualTo("High assurance session required: Block");
        });
    }

    @Test
    void theInventoryFiltersByOrgAndVendor() {
        InventoryAppRepository repo = new InventoryAppRepository(bot.database().dataSource());
        repo.save(row("demo", "Vonage_Eu", "Vonage", "vonage-ai-studio"));
        repo.save(row("demo", "Altify_Mcp", "Altify", "altify-mcp"));

        assertThat(bob.says("inventory").text()).contains("2 apps", "Vonage_Eu", "Altify_Mcp");
        assertThat(bob.says("inventory demo vonage").text()).contains("1 app in demo for vonage", "Vonage_Eu")
                .doesNotContain("Altify_Mcp");
        assertThat(bob.says("inventory altify-mcp").text()).contains("1 app for altify-mcp", "Altify_Mcp");
        assertThat(bob.says("inventory Acme").text()).contains("\"Acme\" is neither an org nor a vendor",
                "vendors: Altify, Vonage");
    }

    @Test
    void aLargeInventoryIsShownAPageAtATimeWithAMoreButtonThatStillWorksAfterARestart() {
        InventoryAppRepository repo = new InventoryAppRepository(bot.database().dataSource());
        for (int i = 0; i < 40; i++) repo.save(row("demo", String.format("App_%02d", i), i % 2 == 0 ? "Vonage" : "Altify", "p"));

        Transcript first = bob.says("inventory");
        assertThat(first.text()).contains("40 apps, 1-15 shown", "\"export csv\"", "App_00", "App_14")
                .doesNotContain("App_15");
        ChoicePrompt more = first.last(ChoicePrompt.class);
        assertThat(more.prompt()).contains("25 more", "\"inventory page 2\"");
        assertThat(more.options()).extracting(o -> o.label()).containsExactly("More");

        bot.restart(); // the listing lives in the button, not in the engine's memory
        Transcript second = bob.presses(more.id(), more.options().get(0).value());
        assertThat(second.text()).contains("40 apps, 16-30 shown", "App_15", "App_29").doesNotContain("App_14", "App_30");
        Transcript last = bob.picks(second.last(ChoicePrompt.class).options().get(0).value());
        assertThat(last.text()).contains("31-40 shown", "App_30", "App_39");
        assertThat(last.all(ChoicePrompt.class)).as("nothing after the last page").isEmpty();
    }

    @Test
    void theMoreButtonKeepsTheFilters() {
        InventoryAppRepository repo = new InventoryAppRepository(bot.database().dataSource());
        for (int i = 0; i < 40; i++) repo.save(row("demo", String.format("App_%02d", i), i % 2 == 0 ? "Vonage" : "Altify", "p"));

        Transcript first = bob.says("inventory demo alt");
        assertThat(first.text()).contains("20 apps in demo for alt, 1-15 shown", "App_01", "App_29").doesNotContain("App_00");
        Transcript second = bob.picks("page 2");
        assertThat(second.text()).contains("20 apps in demo for alt, 16-20 shown", "App_31", "App_39")
                .doesNotContain("App_29", "App_30");
        assertThat(bob.says("inventory demo alt page 2").text()).as("typed, the same page").contains("16-20 shown", "App_31");
    }

    @Test
    void anUnknownNameSuggestsCloseOnesAndPointsToInventoryAndSync() {
        new InventoryAppRepository(bot.database().dataSource()).save(row("demo", "Vonage_Eu", "Vonage", "vonage-ai-studio"));

        assertThat(bob.says("show Vonage").text()).contains("No app called Vonage is in the inventory",
                "Did you mean Vonage_Eu?", "\"inventory\"", "\"sync <org>\"");
        assertThat(bob.says("show Vonage_Eu prod").text()).contains("No app called Vonage_Eu in prod");
    }

    @Test
    void anAppWhoseStoredSettingsCannotBeReadIsShownWithoutThemAndSaysWhatIsWrongAndWhatNext() {
        InventoryApp good = row("demo", "Broken_App", "Vonage", "vonage-ai-studio");
        new InventoryAppRepository(bot.database().dataSource()).save(new InventoryApp(null, good.org(), good.apiName(),
                good.label(), null, good.playbookId(), good.vendor(), good.requester(), null, good.contactEmail(),
                good.consumerKey(), good.createdAt(), "{\"app\": {\"apiName\": ", good.status()));

        String shown = bob.says("show broken_app").text();
        assertThat(shown).as("what is wrong and what next, not \"Something went wrong\"")
                .contains("The settings stored for Broken_App in demo cannot be read", "not affected",
                        "ask whoever runs the bot to restore this app's row")
                .doesNotContain("Something went wrong");
        assertThat(shown).as("and what can be shown still is").contains("Broken App (Broken_App)", "Requested by: test:alice",
                "Contact email: ops@example.com", "Consumer key: 3MVG9Broken_App", "Cannot be read");
    }

    private static InventoryApp row(String org, String apiName, String vendor, String playbook) {
        return new InventoryApp(null, org, apiName, apiName.replace('_', ' '), null, playbook, vendor, "test:alice", null,
                "ops@example.com", "3MVG9" + apiName, Instant.parse("2026-03-01T09:00:00Z"),
                SettingsJson.write(SampleSpecs.vonage(apiName)), AppStatus.ACTIVE);
    }
}
