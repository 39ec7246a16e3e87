package dev.ecabot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest an admin pastes into Slack must agree with what the adapter listens for. */
class SlackManifestTest {

    final JsonNode manifest = read();

    static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(new File("manifest.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException("slack-adapter/manifest.yaml must be valid YAML", e);
        }
    }

    @Test
    void theSlashCommandAndEveryRequestUrlPointAtTheBotsSlackEndpoint() {
        JsonNode command = manifest.at("/features/slash_commands/0");
        assertThat(command.get("command").asText()).isEqualTo(SlackListeners.COMMAND);
        assertThat(command.get("url").asText()).endsWith(SlackEndpoint.PATH);
        assertThat(manifest.at("/settings/event_subscriptions/request_url").asText()).endsWith(SlackEndpoint.PATH);
        assertThat(manifest.at("/settings/interactivity/request_url").asText()).endsWith(SlackEndpoint.PATH);
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
    }

    @Test
    void theBotIsSubscribedToMentionsAndDirectMessagesWithTheScopesTheyNeed() {
        assertThat(texts(manifest.at("/settings/event_subscriptions/bot_events")))
                .containsExactlyInAnyOrder("app_mention", "message.im", "app_home_opened");
        assertThat(texts(manifest.at("/oauth_config/scopes/bot")))
                .contains("app_mentions:read", "im:history", "chat:write", "commands", "im:write", "users:read");
    }

    @Test
    void theAppHomeTabAndTheNewAppShortcutAreOnAndMatchTheListeners() {
        assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
        JsonNode shortcut = manifest.at("/features/shortcuts/0");
        assertThat(shortcut.get("type").asText()).isEqualTo("global");
        assertThat(shortcut.get("callback_id").asText()).isEqualTo(ActionIds.NEW_SHORTCUT);
        assertThat(shortcut.get("name").asText().length()).isLessThanOrEqualTo(24); // Slack's limit for a shortcut name
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
