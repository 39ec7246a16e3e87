package dev.ecabot.playbook;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ecabot.playbook.ShippedPlaybooks.playbook;
import static org.assertj.core.api.Assertions.assertThat;

/** Answers are immutable, and their texts restore the same typed answers (how a conversation is persisted). */
class AnswersTest {

    @Test
    void withAndWithoutLeaveTheOriginalUntouched() {
        Answers empty = Answers.empty();
        Answers one = empty.with("require_secret", new Answer(true, "yes"));

        assertThat(empty.has("require_secret")).isFalse();
        assertThat(one.isYes("require_secret")).isTrue();
        assertThat(one.without("require_secret")).isEqualTo(empty);
    }

    @Test
    void textsRestoreTheSameTypedAnswers() {
        Playbook mcp = playbook("salesforce-hosted-mcp");
        Answers given = mcp.answersFromTexts(Map.of("org", "demo", "app_name", "MCP for Claude", "contact_email",
                "ops@acme.example.com", "mcp_client", "Claude", "require_secret", "Y", "trusted_ip_ranges",
                "160.79.104.0 - 160.79.104.255", "refresh_token_days", "14")).orElseThrow();

        Answers restored = mcp.answersFromTexts(given.texts()).orElseThrow();

        assertThat(restored).isEqualTo(given);
        assertThat(given.texts()).containsEntry("mcp_client", "claude").containsEntry("require_secret", "yes")
                .containsEntry("api_name", "MCP_for_Claude").containsEntry("single_logout", "no")
                .containsEntry("trusted_ip_ranges", "160.79.104.0-160.79.104.255");
    }

    @Test
    void aConversationWalksOnlyTheQuestionsTheConditionsAsk() {
        Playbook mcp = playbook("salesforce-hosted-mcp");
        Map<String, String> typed = Map.ofEntries(Map.entry("org", "demo"), Map.entry("app_name", "ChatGPT MCP"),
                Map.entry("api_name", ""), Map.entry("contact_email", "ops@acme.example.com"), Map.entry("description", ""),
                Map.entry("mcp_client", "ChatGPT"), Map.entry("callback_url", "https://chatgpt.com/connector_platform_oauth_redirect"),
                Map.entry("require_secret", "no"), Map.entry("permission_set", ""), Map.entry("trusted_ip_ranges", ""),
                Map.entry("refresh_token_days", "30"), Map.entry("single_logout", ""));
        Answers answers = Answers.empty();
        List<String> asked = new ArrayList<>();
        for (Optional<Question> next = mcp.nextQuestion(answers); next.isPresent(); next = mcp.nextQuestion(answers)) {
            Question q = next.get();
            asked.add(q.id());
            ParseResult result = q.parse(typed.get(q.id()), answers);
            assertThat(result.error()).as(q.id()).isEmpty();
            answers = answers.record(q.id(), result);
        }

        assertThat(asked).containsExactly("org", "app_name", "api_name", "contact_email", "description", "mcp_client",
                "callback_url", "require_secret", "permission_set", "trusted_ip_ranges", "refresh_token_days", "single_logout");
        assertThat(answers.text("api_name")).isEqualTo("ChatGPT_MCP");
        assertThat(answers.isSettled("permission_set")).isTrue();
        assertThat(answers.has("permission_set")).isFalse();
        assertThat(mcp.answersFromTexts(answers.texts()).orElseThrow()).isEqualTo(answers);
        assertThat(new PlaybookRenderer().render(mcp, answers).orElseThrow().spec().globalOauth().callbackUrls())
                .containsExactly("https://chatgpt.com/connector_platform_oauth_redirect");
    }

    @Test
    void aQuestionWhoseConditionFailsIsNotAsked() {
        Playbook mcp = playbook("salesforce-hosted-mcp");
        Answers claude = Answers.empty().with("mcp_client", new Answer("claude", "claude"));

        assertThat(mcp.askedQuestions(claude)).extracting(Question::id).doesNotContain("callback_url");
        assertThat(mcp.askedQuestions(claude.with("mcp_client", new Answer("other", "other"))))
                .extracting(Question::id).contains("callback_url");
    }

    @Test
    void anUnknownQuestionIdIsNamedWithTheKnownOnes() {
        assertThat(playbook("vonage-ai-studio").answersFromTexts(Map.of("app_name", "V", "contact_email", "a@b.example.com",
                "colour", "red")).problems()).singleElement().asString()
                .isEqualTo("colour: playbook vonage-ai-studio has no such question; its questions are: org, app_name, "
                        + "api_name, contact_email, description");
    }
}
