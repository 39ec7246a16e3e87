package dev.ecabot.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `ecabot playbooks` and `ecabot playbooks show <id>`. */
class PlaybooksCommandTest {

    @Test
    void listsEveryPlaybookWithIdVendorAndTitle() {
        CliRun run = CliRun.of(Map.of(), "playbooks");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).first().asString().matches("ID\\s+VENDOR\\s+TITLE");
        assertThat(run.out()).containsPattern("altify-mcp\\s+Altify\\s+Altify MCP servers \\(ChatGPT\\)")
                .containsPattern("custom\\s+Custom\\s+Custom integration")
                .containsPattern("salesforce-hosted-mcp\\s+Salesforce\\s+Salesforce hosted MCP servers")
                .containsPattern("service-board-sync\\s+Service Board\\s+Service Board Sync")
                .containsPattern("vonage-ai-studio\\s+Vonage\\s+Vonage AI Studio");
        assertThat(run.out().lines()).hasSize(6);
    }

    @Test
    void showListsTheQuestionsWithTypeDefaultAndOptions() {
        CliRun run = CliRun.of(Map.of(), "playbooks", "show", "salesforce-hosted-mcp");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains(
                "  org  [org]",
                "  app_name  [text]",
                "  api_name  [api-name]  default: from app_name (as an API name)",
                "  contact_email  [email]",
                "  description  [text, optional]",
                "  mcp_client  [choice]",
                "options: postman (Postman (desktop app, MCP over HTTP)), postman-browser",
                "cursor (Cursor), claude (Claude), chatgpt (ChatGPT), other (Another MCP client)",
                "  callback_url  [url]  when: mcp_client is chatgpt or other",
                "  require_secret  [yes-no]  default: no",
                "  refresh_token_days  [number, optional]");
        assertThat(run.out().indexOf("  org  ")).isLessThan(run.out().indexOf("  mcp_client  "));
    }

    @Test
    void showOfAnUnknownPlaybookExitsTwoNamingTheKnownOnes() {
        CliRun run = CliRun.of(Map.of(), "playbooks", "show", "zendesk");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("unknown playbook 'zendesk'; the playbooks are: altify-mcp, custom, "
                + "salesforce-hosted-mcp, service-board-sync, vonage-ai-studio");
    }

    @Test
    void playbooksFromEcabotPlaybooksDirAreListedToo(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("acme-sync.yaml"), """
                id: acme-sync
                title: Acme account sync
                vendor: Acme
                description: Syncs accounts.
                source: { document: Acme setup guide }
                delivery: key-and-secret
                template:
                  oauth_settings: { callback_urls: [ "https://acme.example.com/oauth" ], scopes: [ Api ] }
                """);

        CliRun run = CliRun.of(Map.of("ECABOT_PLAYBOOKS_DIR", dir.toString()), "playbooks");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("acme-sync\\s+Acme\\s+Acme account sync");
    }

    @Test
    void showWithABrokenPlaybookExitsTwoWithItsProblemsOnly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("acme.yaml"), "id: acme-sync\ntitle: Acme\n");

        CliRun run = CliRun.of(Map.of("ECABOT_PLAYBOOKS_DIR", dir.toString()), "playbooks", "show", "altify-mcp");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).isNotEmpty().allMatch(line -> line.startsWith(dir.resolve("acme.yaml") + ": "));
    }

    @Test
    void aBrokenPlaybookExitsTwoWithOneLinePerProblem(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("acme.yaml"), """
                id: acme-sync
                title: Acme account sync
                vendor: Acme
                description: Syncs accounts.
                source: { document: Acme setup guide }
                delivery: key-and-secret
                template:
                  oauth_settings: { callback_urls: [ "https://acme.example.com/oauth" ], scopes: [ Apii ] }
                """);

        CliRun run = CliRun.of(Map.of("ECABOT_PLAYBOOKS_DIR", dir.toString()), "playbooks");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                dir.resolve("acme.yaml") + ": $.id: is 'acme-sync' but the file is acme.yaml; the id must equal the file name without .yaml",
                dir.resolve("acme.yaml") + ": $.template.oauth_settings.scopes: 'Apii' is not a valid OauthScope; use one of: Basic, Api, "
                        + "Web, Full, Chatter, CustomApplications, RefreshToken, OpenID, Profile, Email, Address, Phone, "
                        + "CustomPermissions, MCP; oauth_settings.scopes takes a list of scope tokens");
    }
}
