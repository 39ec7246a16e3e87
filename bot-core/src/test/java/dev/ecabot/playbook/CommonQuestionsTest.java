package dev.ecabot.playbook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ecabot.playbook.ShippedPlaybooks.CATALOG;
import static dev.ecabot.playbook.ShippedPlaybooks.answers;
import static dev.ecabot.playbook.ShippedPlaybooks.playbook;
import static dev.ecabot.playbook.ShippedPlaybooks.render;
import static org.assertj.core.api.Assertions.assertThat;

/** org, app_name, api_name, contact_email and description come first in every playbook, defined once. */
class CommonQuestionsTest {

    @Test
    void theFiveShippedPlaybooksAreLoaded() {
        assertThat(CATALOG.all()).extracting(Playbook::id).containsExactly(
                "altify-mcp", "custom", "salesforce-hosted-mcp", "service-board-sync", "vonage-ai-studio");
    }

    @Test
    void everyPlaybookAsksTheCommonQuestionsFirst() {
        for (Playbook p : CATALOG.all()) {
            assertThat(p.questions().subList(0, 5)).as(p.id()).extracting(Question::id)
                    .containsExactly("org", "app_name", "api_name", "contact_email", "description");
            assertThat(p.questions().get(0).type()).isEqualTo(QuestionType.ORG);
            assertThat(p.question("description").orElseThrow().required()).isFalse();
        }
    }

    @Test
    void theApiNameDefaultsToTheAppNameWithUnderscores() {
        Question apiName = playbook("vonage-ai-studio").question("api_name").orElseThrow();
        Answers named = Answers.empty().with("app_name", new Answer("Vonage AI Integration", "Vonage AI Integration"));

        assertThat(apiName.defaultValue(named)).contains(new Answer("Vonage_AI_Integration", "Vonage_AI_Integration"));
        assertThat(apiName.defaultValue(Answers.empty())).isEmpty();
        assertThat(apiName.parse("", named).answer().orElseThrow().value()).isEqualTo("Vonage_AI_Integration");
    }

    @Test
    void theDerivedApiNameObeysTheRulesEvenForAwkwardNames() {
        Question apiName = playbook("custom").question("api_name").orElseThrow();
        Answers named = Answers.empty().with("app_name", new Answer("  2nd  CRM -- sync_ ", "  2nd  CRM -- sync_ "));

        assertThat(apiName.defaultValue(named).orElseThrow().value()).isEqualTo("A2nd_CRM_sync");
    }

    @Test
    void punctuationInTheAppNameIsDroppedLikeAnyCharacterApiNamesRefuse() {
        Question apiName = playbook("custom").question("api_name").orElseThrow();
        Answers named = Answers.empty().with("app_name", new Answer("Alice's app", "Alice's app"));

        assertThat(apiName.defaultValue(named).orElseThrow().value()).isEqualTo("Alices_app");
    }

    @Test
    void anExplicitApiNameWinsOverTheDerivedOne() {
        assertThat(ShippedPlaybooks.rendered("vonage-ai-studio", "api_name", "Vonage_Prod").spec().apiName()).isEqualTo("Vonage_Prod");
    }

    @Test
    void renderingDoesNotNeedTheOrgButTheOtherCommonAnswersAreRequired() {
        List<Problem> problems = render("vonage-ai-studio", java.util.Map.of("org", "demo")).problems();

        assertThat(problems).extracting(Problem::field).containsExactly("app_name", "contact_email");
        assertThat(render("vonage-ai-studio", java.util.Map.of("app_name", "V", "contact_email", "a@b.example.com")).isOk())
                .as("org is asked in chat but not needed to render").isTrue();
    }

    @Test
    void theDescriptionIsOptionalAndCarriedToTheApp() {
        assertThat(ShippedPlaybooks.rendered("vonage-ai-studio").spec().app().description()).isNull();
        assertThat(render("vonage-ai-studio", answers("description", "Voice bot")).orElseThrow().spec().app().description())
                .isEqualTo("Voice bot");
    }
}
