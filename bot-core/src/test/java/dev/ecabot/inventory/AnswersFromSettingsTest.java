package dev.ecabot.inventory;

import dev.ecabot.eca.EcaSpec;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers that make an app's settings, read back from the settings (an app whose answers were never kept). */
class AnswersFromSettingsTest {

    private static final PlaybookCatalog CATALOG = PlaybookCatalog.load();

    @Test
    void theSettingsOfAHostedMcpAppGiveBackTheAnswersThatMadeThem() {
        Playbook mcp = CATALOG.find("salesforce-hosted-mcp").orElseThrow();
        Map<String, String> given = Map.of("org", "demo", "app_name", "Cursor Team", "api_name", "Cursor_Team",
                "contact_email", "ai@example.com", "mcp_client", "cursor", "refresh_token_days", "14",
                "permission_set", "Support_Agents");
        EcaSpec spec = new PlaybookRenderer().render(mcp, given).orElseThrow().spec();

        Map<String, String> read = new AnswersFromSettings().of(mcp, spec, "demo");

        assertThat(read).containsEntry("app_name", "Cursor Team").containsEntry("api_name", "Cursor_Team")
                .containsEntry("contact_email", "ai@example.com").containsEntry("mcp_client", "cursor")
                .containsEntry("refresh_token_days", "14").containsEntry("permission_set", "Support_Agents")
                .containsEntry("org", "demo");
        assertThat(new PlaybookRenderer().render(mcp, read).orElseThrow().spec()).as("they make the same app")
                .isEqualTo(spec);
    }

    @Test
    void aVonageAppsNameAndContactAreReadFromItsSettings() {
        Playbook vonage = CATALOG.find("vonage-ai-studio").orElseThrow();
        EcaSpec spec = new PlaybookRenderer().render(vonage, Map.of("app_name", "Vonage Prod",
                "contact_email", "ops@example.com", "description", "Voice bot")).orElseThrow().spec();

        assertThat(new AnswersFromSettings().of(vonage, spec, "prod")).containsEntry("app_name", "Vonage Prod")
                .containsEntry("contact_email", "ops@example.com").containsEntry("description", "Voice bot");
    }
}
