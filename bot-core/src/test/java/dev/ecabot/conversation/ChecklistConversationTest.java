package dev.ecabot.conversation;

import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The manual steps of an app outlive the chat: listed by show, ticked off with done, audited. */
class ChecklistConversationTest {

    private final TestBot bot = TestBot.onTheDemoOrg(TestBot.Options.defaults().withRoles(new RolesConfig(
            List.of(Grantee.parse("test:*")), List.of(Grantee.parse("test:bob")), List.of(Grantee.parse("test:dave")))));
    private final Person alice = bot.chat().as("alice");
    private final Person dave = bot.chat().as("dave");

    @AfterEach
    void close() {
        bot.close();
    }

    @Test
    void theManualStepsAreShownWithTheAppAndTickedOffOneByOne() {
        Walks.toTheSummary(alice, "salesforce-hosted-mcp", "demo", Map.of("app_name", "Claude MCP",
                "contact_email", "ops@example.com"));
        alice.confirms();
        assertThat(alice.awaits("kept as a checklist").text()).contains("\"done Claude_MCP <step>\"");

        String shown = dave.says("show Claude_MCP").text();
        assertThat(shown).contains("Manual steps", "1 [to do]: ", "Issue access tokens in access_token parameter");
        assertThat(dave.says("done Claude_MCP 1").text()).contains("Ticked off step 1 of Claude_MCP.",
                "Every manual step is done.");
        assertThat(dave.says("show Claude_MCP").text()).contains("1 [done by test:dave, ");
        assertThat(dave.says("done Claude_MCP 1").text()).contains("was done already (by test:dave");
        assertThat(dave.says("done Claude_MCP 99").text()).contains("has steps 1 to 1; there is no step 99");
        assertThat(dave.says("done Claude_MCP").text()).contains("Say \"done <api-name> <step>\"");
        assertThat(alice.says("done Claude_MCP 1").text()).contains("You may not run `done`");
        assertThat(dave.says("audit Claude_MCP").text()).contains("manual step 1 done");
    }
}
