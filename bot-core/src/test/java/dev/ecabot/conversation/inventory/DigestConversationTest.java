package dev.ecabot.conversation.inventory;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.digest.DigestBuilder;
import dev.ecabot.digest.Digests;
import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.DistributionState;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.GlobalOauthSettings;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest on demand ({@code digest [org]}), its detail buttons, the scheduled post to a channel, and its length. */
class DigestConversationTest {

    private final TestBot bot = DemoOrgApps.bot();
    private final Person admin = bot.chat().as("admin");

    @AfterEach
    void close() {
        PosturePolicy.install(new PosturePolicy(PostureRules.shipped(), InventorySettings.defaults()));
        bot.close();
    }

    @Test
    void theDigestSaysWhatIsNewAndItsFindingsWithButtonsToTheDetails() {
        DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");
        imported("Legacy_Sync", 400);

        admin.says("digest demo");
        Summary digest = admin.awaits("Weekly ECA digest for demo").last(Summary.class);
        assertThat(digest.title()).startsWith("Weekly ECA digest for demo: 2 app(s); 1 new, 0 drifted;")
                .contains("1 to rotate");
        String text = admin.everything().text();
        assertThat(text).contains("Vonage_Prod (demo) by test:alice")
                .contains("Vonage_Prod (demo): [high] IP restrictions are relaxed (\"Relax IP restrictions\"). (owner test:alice)")
                .contains("Legacy_Sync (demo): The consumer key and secret are 400 days old. (no owner)")
                .contains("No owner");
        ChoicePrompt buttons = admin.awaits("Details:").last(ChoicePrompt.class);
        assertThat(buttons.options()).extracting(o -> o.value()).containsExactly("posture", "usage", "owners");

        assertThat(admin.presses(buttons.id(), "owners").text()).contains("1 app(s) nobody owns", "Legacy_Sync");
        assertThat(admin.presses(buttons.id(), "posture").text()).contains("Posture in demo: 2 app(s)");
        assertThat(bot.chat().as("alice").says("digest").text()).contains("You may not run `digest`");
    }

    @Test
    void theWeeklyRunPostsEachOrgsDigestToItsChannelAndAllOrgsToTheGlobalOne() {
        DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");
        PosturePolicy.install(new PosturePolicy(PostureRules.shipped(), new InventorySettings(Map.of(), 90, Duration.ofDays(7),
                new InventorySettings.Digest("0 0 9 ? * MON", ZoneId.of("UTC"), ChatUserRef.parse("test:C0GLOBAL"),
                        Map.of("demo", ChatUserRef.parse("test:C0DEMO"))), InventorySettings.defaults().api())));
        new Digests(bot.database().dataSource(), bot.orgClients(), null, bot.clock()).sendScheduled(bot.chat());

        Map<String, List<String>> byChannel = bot.chat().entries().stream()
                .filter(e -> e.to().place().channelId().startsWith("C0"))
                .collect(Collectors.groupingBy(e -> e.to().place().channelId(), Collectors.mapping(
                        e -> e.message() instanceof Summary s ? s.title() : e.message().getClass().getSimpleName(), Collectors.toList())));
        assertThat(byChannel.get("C0DEMO")).containsExactly(
                "Weekly ECA digest for demo: 1 app(s); 1 new, 0 drifted; 5 open finding(s) (3 high); 0 to rotate; 0 token(s) expiring; 0 unused.",
                "ChoicePrompt");
        assertThat(byChannel.get("C0GLOBAL")).hasSize(2);
        assertThat(byChannel.get("C0GLOBAL").get(0)).startsWith("Weekly ECA digest for all orgs: 1 app(s)");
    }

    @Test
    void eachOwnerGetsTheirOwnAppsLinesOnceAndOnlyWhenThereIsSomethingToDo() {
        DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");
        imported("Legacy_Sync", 400);
        imported("Nobodys_App", 400);
        assertThat(admin.says("owner Legacy_Sync @carol").text()).contains("test:carol now owns Legacy_Sync");
        installDigest(true);

        new Digests(bot.database().dataSource(), bot.orgClients(), null, bot.clock()).sendScheduled(bot.chat());

        Map<String, List<Summary>> byOwner = ownersDigests();
        assertThat(byOwner.keySet()).as("owners only: not the admin, not the approver, nobody for the ownerless app")
                .containsExactlyInAnyOrder("alice", "carol");
        assertThat(byOwner.get("alice")).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("Your ECA apps this week: 5 posture finding(s) (3 high), 0 to rotate, "
                    + "0 token(s) expiring, 0 unused.");
            assertThat(d.facts()).extracting(Fact::value).allSatisfy(v -> assertThat(v).startsWith("Vonage_Prod (demo): "))
                    .anySatisfy(v -> assertThat(v).contains("[high]", "Fix:"));
        });
        assertThat(byOwner.get("carol")).singleElement().satisfies(d -> {
            assertThat(d.title()).contains("1 to rotate");
            assertThat(d.facts()).extracting(Fact::value).contains("Legacy_Sync (demo): The consumer key and secret are 400 "
                    + "days old. Say \"rotate Legacy_Sync demo\".").noneMatch(v -> v.contains("Nobodys_App"));
        });
        assertThat(bot.chat().entries()).filteredOn(e -> e.to().place().channelId().equals("C0DEMO")).isNotEmpty();
    }

    @Test
    void ownersDigestsCanBeTurnedOffInTheConfiguration() throws Exception {
        DemoOrgApps.vonageMadeBy(bot, bot.chat().as("alice"), "Vonage Prod");
        InventorySettings off = InventorySettings.fromJson(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"digest\": {\"channel\": \"test:C0DEMO\", \"owners\": false}}"));
        assertThat(off.digest().owners()).isFalse();
        PosturePolicy.install(new PosturePolicy(PostureRules.shipped(), off));

        new Digests(bot.database().dataSource(), bot.orgClients(), null, bot.clock()).sendScheduled(bot.chat());

        assertThat(ownersDigests()).isEmpty();
        assertThat(InventorySettings.defaults().digest().owners()).as("on unless turned off").isTrue();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> InventorySettings.fromJson(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"digest\": {\"owners\": \"no\"}}"))))
                .hasMessageContaining("inventory.digest.owners is true").hasMessageContaining("or false");
    }

    /** The owners' digests sent, by the person they went to. */
    private Map<String, List<Summary>> ownersDigests() {
        return bot.chat().entries().stream()
                .filter(e -> e.message() instanceof Summary s && s.title().startsWith("Your ECA apps this week"))
                .collect(Collectors.groupingBy(e -> e.to().user().id(), Collectors.mapping(e -> (Summary) e.message(),
                        Collectors.toList())));
    }

    private static void installDigest(boolean owners) {
        PosturePolicy.install(new PosturePolicy(PostureRules.shipped(), new InventorySettings(Map.of(), 90, Duration.ofDays(7),
                new InventorySettings.Digest("0 0 9 ? * MON", ZoneId.of("UTC"), null,
                        Map.of("demo", ChatUserRef.parse("test:C0DEMO")), owners), InventorySettings.defaults().api())));
    }

    @Test
    void aLargeInventoryStillMakesAShortDigest() {
        for (int i = 0; i < 60; i++) imported("Imported_App_With_A_Long_Name_" + i, i % 2 == 0 ? 1 : 300);
        Summary digest = new Digests(bot.database().dataSource(), null, null, bot.clock()).digest("demo");
        Map<String, Long> perPart = digest.facts().stream().collect(Collectors.groupingBy(Fact::section, Collectors.counting()));
        assertThat(perPart.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(DigestBuilder.LINES_PER_PART + 1));
        assertThat(digest.facts()).anySatisfy(f -> assertThat(f.value()).isEqualTo("and 25 more"));
        assertThat(digest.warnings()).containsExactly(
                "Usage was not read from the org(s): token expiry and unused apps are not included.");
    }

    private void imported(String apiName, int daysOld) {
        EcaSpec spec = new EcaSpec(new AppInfo(apiName, apiName, "x@example.com", null, null, DistributionState.LOCAL, null, null),
                GlobalOauthSettings.defaults(List.of("https://legacy.example.com/cb")), OauthSettings.of(List.of(OauthScope.API)),
                OauthPolicies.defaults());
        new InventoryAppRepository(bot.database().dataSource()).save(new InventoryApp(null, "demo", apiName, apiName, null,
                null, null, null, null, null, "3MVG9LEGACY", TestBot.START.minus(Duration.ofDays(daysOld)),
                SettingsJson.write(spec), AppStatus.IMPORTED));
    }
}
