package dev.ecabot.posture;

import dev.ecabot.eca.AppInfo;
import dev.ecabot.eca.EcaSpec;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.SettingsJson;
import dev.ecabot.playbook.Playbook;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An export grades each app once per distinct settings: every app must still get exactly its own findings. */
class ManyAppsGradingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final PostureRules RULES = PostureRules.shipped();

    @Test
    void everyAppOfAnInventoryGetsTheFindingsItWouldGetGradedAlone() {
        List<EcaSpec> specs = new ArrayList<>();
        for (Playbook p : ShippedPlaybookSpecs.CATALOG.all()) specs.add(ShippedPlaybookSpecs.spec(p.id()));
        ManyAppsGrading grading = new ManyAppsGrading(RULES, CLOCK);
        int graded = 0;
        // Apps of the same playbook under many names, owners (some none) and credential ages, some rotated since:
        // the remembered gradings must never hand one app another's findings (owner, age, ${fact} texts).
        for (int i = 0; i < 600; i++) {
            EcaSpec spec = renamed(specs.get(i % specs.size()), "App_" + i, "Label " + i);
            String owner = i % 5 == 0 ? null : "slack:U" + (i % 7);
            Instant created = NOW.minus(Duration.ofDays(i % 400));
            Instant rotated = i % 3 == 0 ? NOW.minus(Duration.ofDays(i % 50)) : null;
            InventoryApp app = app("App_" + i, created, SettingsJson.write(spec));
            Instant since = rotated != null && rotated.isAfter(created) ? rotated : created;
            List<PostureFinding> alone = RULES.grade(PostureFacts.of(spec, owner, Duration.between(since, NOW).toDays()));
            assertThat(grading.grade(app, owner, rotated)).as("app %d", i).isEqualTo(alone);
            graded++;
        }
        assertThat(graded).isEqualTo(600);
    }

    @Test
    void aLabelThatLooksLikeTheSettingsJsonDoesNotConfuseWhereTheAppsOwnFieldsEnd() {
        EcaSpec vonage = ShippedPlaybookSpecs.spec("vonage-ai-studio");
        EcaSpec tricky = renamed(vonage, "Tricky", "x\",\"globalOauth\":{\"pkceRequired\":true}");
        String json = SettingsJson.write(tricky);
        assertThat(ManyAppsGrading.oauthPartOf(json)).isEqualTo(ManyAppsGrading.oauthPartOf(SettingsJson.write(vonage)));
        assertThat(new ManyAppsGrading(RULES, CLOCK).grade(app("Tricky", NOW, json), "o", null))
                .isEqualTo(RULES.grade(PostureFacts.of(tricky, "o", 0L)));
    }

    @Test
    void settingsStoredInAnotherShapeAreReadInFullEveryTime() throws Exception {
        assertThat(ManyAppsGrading.oauthPartOf("{\"globalOauth\":{},\"app\":{}}")).isNull();
        // The same settings with the app's fields last (as another writer might order them): graded all the same.
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var stored = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                SettingsJson.write(ShippedPlaybookSpecs.spec("vonage-ai-studio")));
        var reordered = mapper.createObjectNode();
        for (String field : List.of("policies", "oauth", "globalOauth", "app")) reordered.set(field, stored.get(field));
        String json = mapper.writeValueAsString(reordered);
        assertThat(ManyAppsGrading.oauthPartOf(json)).isNull();
        assertThat(new ManyAppsGrading(RULES, CLOCK).grade(app("Reordered", NOW, json), null, null))
                .isEqualTo(RULES.grade(PostureFacts.of(SettingsJson.read(json), null, 0L)));
    }

    private static EcaSpec renamed(EcaSpec spec, String apiName, String label) {
        AppInfo a = spec.app();
        return new EcaSpec(new AppInfo(apiName, label, a.contactEmail(), a.contactPhone(), a.description(),
                a.distributionState(), a.logoUrl(), a.iconUrl()), spec.globalOauth(), spec.oauth(), spec.policies());
    }

    private static InventoryApp app(String apiName, Instant created, String settingsJson) {
        return new InventoryApp(1L, "demo", apiName, apiName, null, "vonage-ai-studio", "Vonage", "slack:U1", null,
                "a@example.com", "3MVGkey", created, settingsJson, AppStatus.ACTIVE);
    }
}
