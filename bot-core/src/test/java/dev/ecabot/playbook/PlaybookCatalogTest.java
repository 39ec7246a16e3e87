package dev.ecabot.playbook;

import org.junit.jupiter.api.Test;

import static dev.ecabot.playbook.ShippedPlaybooks.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

/** Finding the playbook a requester means, by id or by words of its vendor and title. */
class PlaybookCatalogTest {

    @Test
    void findsAPlaybookById() {
        assertThat(CATALOG.find("vonage-ai-studio")).get().extracting(Playbook::vendor).isEqualTo("Vonage");
        assertThat(CATALOG.find("vonage")).isEmpty();
    }

    @Test
    void aVendorNameInFreeTextFindsItsPlaybook() {
        assertThat(CATALOG.search("I need to set up Vonage please")).extracting(Playbook::id).containsExactly("vonage-ai-studio");
        assertThat(CATALOG.search("altify for chatgpt")).first().extracting(Playbook::id).isEqualTo("altify-mcp");
        assertThat(CATALOG.search("service board")).first().extracting(Playbook::id).isEqualTo("service-board-sync");
    }

    @Test
    void anIdInFreeTextWinsOverWordMatches() {
        assertThat(CATALOG.search("run salesforce-hosted-mcp for cursor")).first()
                .extracting(Playbook::id).isEqualTo("salesforce-hosted-mcp");
    }

    @Test
    void mcpClientsFindTheHostedMcpPlaybook() {
        assertThat(CATALOG.search("connect Claude to our MCP servers")).first()
                .extracting(Playbook::id).isEqualTo("salesforce-hosted-mcp");
    }

    @Test
    void commonWordsAloneFindNothing() {
        assertThat(CATALOG.search("please create an app for the integration")).isEmpty();
        assertThat(CATALOG.search("zendesk")).isEmpty();
    }
}
