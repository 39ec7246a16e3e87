package dev.ecabot.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.FieldType;
import dev.ecabot.conversation.message.FormField;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.Summary;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.store.Database;
import dev.ecabot.vault.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages and modals over Slack's Block Kit limits, sent through the Slack port to a fake Web API that refuses
 * over-limit payloads as Slack does ({@code invalid_blocks}): every send is taken, none refused.
 */
class SlackLimitsAtTheApiTest {

    static final ChatUser ALICE = new ChatUser("slack", "U0ALICE01", "alice", "alice@example.com");
    static final String LONG = "A very long label that goes on and on well past what a Slack button can hold, really";

    FakeSlackWebApi slackApi;
    Database db;
    SlackEndpoint endpoint;
    ChatPort port;
    final ChatAddress dm = new ChatAddress(ALICE, ChatPlace.direct("D0ALICE01"));

    @BeforeEach
    void start() {
        slackApi = new FakeSlackWebApi();
        db = Database.inMemory("slack-limits-" + UUID.randomUUID());
        endpoint = new SlackEndpoint(SlackSettings.builder().botToken(Secret.of("xoxb-5-6-limitstoken"))
                .signingSecret(Secret.of("limits-test-signing-secret")).apiUrl(slackApi.apiUrl()).build(),
                db.dataSource(), Clock.systemUTC());
        port = endpoint.chatPort();
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
        db.close();
        slackApi.close();
    }

    @Test
    void theFakeRefusesWhatSlackRefuses() {
        String tooManyBlocks = GsonFactory.createSnakeCase().toJson(IntStream.range(0, 51)
                .mapToObj(i -> (LayoutBlock) section(s -> s.text(markdownText("part " + i)))).toList());
        assertThat(SlackBlockLimits.violation("chat.postMessage", Map.of("blocks", tooManyBlocks)))
                .hasValueSatisfying(v -> assertThat(v).contains("51 blocks"));
        String longButton = "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"text\":{\"type\":\"plain_text\",\"text\":\""
                + "x".repeat(76) + "\"},\"action_id\":\"a\"}]}]";
        assertThat(SlackBlockLimits.violation("chat.postMessage", Map.of("blocks", longButton))).isPresent();
        String longContext = "[{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",\"text\":\"" + "x".repeat(2_001) + "\"}]}]";
        assertThat(SlackBlockLimits.violation("chat.update", Map.of("blocks", longContext))).isPresent();
        String longTitle = "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"" + "x".repeat(25) + "\"},\"blocks\":[]}";
        assertThat(SlackBlockLimits.violation("views.open", Map.of("view", longTitle))).isPresent();
        String exactly = "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"text\":{\"type\":\"plain_text\",\"text\":\""
                + "x".repeat(75) + "\"},\"action_id\":\"a\"}]}]";
        assertThat(SlackBlockLimits.violation("chat.postMessage", Map.of("blocks", exactly))).as("at the limit").isEmpty();
    }

    @Test
    void overLongButtonsOptionsAndContextAreShortenedSoEverySendIsTaken() {
        port.post(dm, new Confirmation("confirm", new Summary("Please check",
                List.of(new Fact(null, "Description", "x".repeat(2_500))), List.of("w".repeat(4_000)), List.of("n".repeat(2_500))),
                LONG, "Cancel " + LONG));
        List<Option> many = IntStream.range(0, 150).mapToObj(i -> new Option("org" + i, i + " " + LONG, "hint " + LONG)).toList();
        port.post(dm, new ChoicePrompt("org", "Which org?", many, null, "e".repeat(3_000)));
        port.post(dm, new ChoicePrompt("pick", "Which one?", List.of(new Option("a", LONG, null), new Option("b", "B", null)),
                null, null));
        port.post(dm, TextMessage.info("t".repeat(9_000)));

        assertThat(slackApi.refusedOverLimit()).as("payloads Slack would refuse").isEmpty();
        assertThat(slackApi.calls("chat.postMessage")).hasSize(4)
                .allSatisfy(c -> assertThat(c.param("_response_ts")).as("posted").isNotNull());
        assertThat(slackApi.calls("chat.postMessage").get(0).param("blocks")).contains("…");
    }

    @Test
    void aModalWithMoreThanAHundredQuestionsAndLongTextsFitsOneSlackWindow() {
        List<FormField> fields = IntStream.range(0, 130).mapToObj(i -> new FormField("f" + i, "Question " + i + " " + "q".repeat(2_100),
                FieldType.CHOICE, null, false, "h".repeat(2_100),
                IntStream.range(0, 120).mapToObj(j -> new Option("v" + j, j + " " + LONG, null)).toList(), null)).toList();
        View modal = new ModalViews().form(new FormPrompt("big", "A title much longer than twenty-four characters", fields), "{}");
        String json = GsonFactory.createSnakeCase().toJson(modal);

        assertThat(SlackBlockLimits.violation("views.open", Map.of("view", json))).as("what Slack would refuse").isEmpty();
        assertThat(modal.getBlocks()).hasSize(100);
        assertThat(json).contains("more parts do not fit in one Slack window");
        assertThat(modal.getTitle().getText()).hasSizeLessThanOrEqualTo(24);
    }
}
