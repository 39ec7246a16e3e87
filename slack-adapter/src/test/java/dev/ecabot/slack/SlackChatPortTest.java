package dev.ecabot.slack;

import dev.ecabot.conversation.message.FileMessage;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ChoicePrompt;
import dev.ecabot.conversation.message.Option;
import dev.ecabot.conversation.message.ProgressUpdate;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.store.Database;
import dev.ecabot.vault.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What people see when the engine talks through the Slack port (recorded by the fake Slack Web API). */
class SlackChatPortTest {

    static final ChatUser ALICE = new ChatUser("slack", "U0ALICE01", "alice", "alice@example.com");

    FakeSlackWebApi slackApi;
    Database db;
    SlackEndpoint endpoint;
    ChatPort port;

    @BeforeEach
    void start() {
        slackApi = new FakeSlackWebApi();
        db = Database.inMemory("slack-port-" + UUID.randomUUID());
        endpoint = new SlackEndpoint(SlackSettings.builder().botToken(Secret.of("xoxb-5-6-porttoken"))
                .signingSecret(Secret.of("port-test-signing-secret")).apiUrl(slackApi.apiUrl()).build(),
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
    void remindersAddressedToAPersonArriveInTheirDirectMessages() {
        ChatAddress alice = new ChatAddress(ALICE, ChatPlace.direct("U0ALICE01"));

        port.post(alice, TextMessage.info("Reminder: the app Altify_MCP becomes usable at 10:30."));
        port.post(alice, TextMessage.info("Reminder: rotate the consumer secret of Altify_MCP."));

        assertThat(slackApi.calls("conversations.open")).hasSize(1);
        assertThat(slackApi.calls("conversations.open").get(0).param("users")).isEqualTo("U0ALICE01");
        assertThat(slackApi.calls("chat.postMessage")).extracting(c -> c.param("channel"))
                .containsExactly("DU0ALICE01", "DU0ALICE01");
    }

    @Test
    void aReplyToAChannelMentionGoesInItsThread() {
        port.post(new ChatAddress(ALICE, new ChatPlace("C0INTEGR1", "1700000100.000200")), TextMessage.info("On it."));

        FakeSlackWebApi.Call posted = slackApi.calls("chat.postMessage").get(0);
        assertThat(posted.param("channel")).isEqualTo("C0INTEGR1");
        assertThat(posted.param("thread_ts")).isEqualTo("1700000100.000200");
        assertThat(slackApi.calls("conversations.open")).isEmpty();
    }

    @Test
    void anExportIsSharedAsAWholeFileInTheThreadWithTheCaptionNotAsACutCodeBlock() {
        String csv = "org,api_name\n" + "demo,App_0001\n".repeat(2_000); // far beyond a message's 3,000 characters
        ChatAddress inThread = new ChatAddress(ALICE, new ChatPlace("DU0ALICE01", "1700000100.000300"));

        port.post(inThread, new FileMessage("ecabot-inventory.csv", "text/csv", csv, "2000 apps, as CSV."));

        assertThat(slackApi.calls()).extracting(FakeSlackWebApi.Call::method).filteredOn(m -> !m.equals("auth.test"))
                .containsExactly("files.getUploadURLExternal", "upload", "files.completeUploadExternal");
        assertThat(slackApi.calls("files.getUploadURLExternal").get(0).param("length"))
                .isEqualTo(String.valueOf(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(slackApi.sharedFiles()).singleElement().satisfies(f -> {
            assertThat(f.content()).isEqualTo(csv);
            assertThat(f.title()).isEqualTo("ecabot-inventory.csv");
            assertThat(f.channel()).isEqualTo("DU0ALICE01");
            assertThat(f.threadTs()).isEqualTo("1700000100.000300");
            assertThat(f.comment()).isEqualTo("2000 apps, as CSV.");
        });
        assertThat(slackApi.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aRateLimitedUploadFailsWithSlacksWaitSoTheOutboxTriesTheWholeUploadAgainAndSharesItOnce() {
        ChatAddress alice = new ChatAddress(ALICE, ChatPlace.direct("DU0ALICE01"));
        FileMessage export = new FileMessage("ecabot-inventory.csv", "text/csv", "org,api_name\ndemo,App\n", "");
        slackApi.rateLimitMatching("files.completeUploadExternal", "", 1, 7);

        assertThatThrownBy(() -> port.post(alice, export)).isInstanceOfSatisfying(SlackCallFailed.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(7));
        });
        assertThat(slackApi.sharedFiles()).as("uploaded but never completed: not shared").isEmpty();

        port.post(alice, export);
        assertThat(slackApi.sharedFiles()).hasSize(1);
        assertThat(slackApi.calls("files.getUploadURLExternal")).as("a new upload URL for the new try").hasSize(2);
    }

    @Test
    void anUploadSlackRefusesSaysWhatToDo() {
        slackApi.failNext("files.getUploadURLExternal", "missing_scope");

        assertThatThrownBy(() -> port.post(new ChatAddress(ALICE, ChatPlace.direct("DU0ALICE01")),
                new FileMessage("x.csv", "text/csv", "a\n", ""))).isInstanceOfSatisfying(SlackCallFailed.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.userMessage()).contains("update the app from the manifest");
                });
    }

    @Test
    void progressIsOneMessageEditedInPlace() {
        ChatAddress dm = new ChatAddress(ALICE, ChatPlace.direct("D0ALICE01"));
        ProgressUpdate.Step deploy = new ProgressUpdate.Step("Deploying the app", ProgressUpdate.State.RUNNING, null);
        MessageRef ref = port.post(dm, new ProgressUpdate("Creating Altify MCP in demo", List.of(deploy)));
        port.edit(ref, new ProgressUpdate("Creating Altify MCP in demo",
                List.of(new ProgressUpdate.Step("Deploying the app", ProgressUpdate.State.DONE, null))));

        FakeSlackWebApi.Call posted = slackApi.calls("chat.postMessage").get(0);
        FakeSlackWebApi.Call updated = slackApi.calls("chat.update").get(0);
        assertThat(updated.param("channel")).isEqualTo("D0ALICE01");
        assertThat(updated.param("ts")).isEqualTo(posted.param("_response_ts"));
        assertThat(shown(posted)).contains(":hourglass_flowing_sand: Deploying the app");
        assertThat(shown(updated)).contains(":white_check_mark: Deploying the app");
    }

    @Test
    void aLongListOfOptionsBecomesAMenuAndAShortOneButtons() {
        ChatAddress dm = new ChatAddress(ALICE, ChatPlace.direct("D0ALICE01"));
        List<Option> seven = IntStream.rangeClosed(1, 7).mapToObj(i -> Option.of("org" + i, "Org " + i)).toList();
        port.post(dm, new ChoicePrompt("org", "Which org?", seven, null, null));
        port.post(dm, new ChoicePrompt("yes-no", "Enable PKCE?", List.of(Option.of("yes", "Yes"), Option.of("no", "No")), "yes", null));

        assertThat(shown(slackApi.calls("chat.postMessage").get(0))).contains("\"type\":\"static_select\"").contains("Org 7");
        String buttons = shown(slackApi.calls("chat.postMessage").get(1));
        assertThat(buttons).contains("\"type\":\"button\"").doesNotContain("static_select");
        assertThat(buttons).contains("\"block_id\":\"choice:yes-no\"").contains("\"style\":\"primary\"");
    }

    @Test
    void whatTheEngineSaysIsShownAsWrittenNotAsSlackMarkup() {
        ChatAddress dm = new ChatAddress(ALICE, ChatPlace.direct("D0ALICE01"));
        port.post(dm, TextMessage.error("Callback <https://evil.example|click> & more was refused"));

        FakeSlackWebApi.Call posted = slackApi.calls("chat.postMessage").get(0);
        assertThat(shown(posted)).contains(":x: Callback &lt;https://evil.example|click&gt; &amp; more was refused");
        assertThat(posted.param("text")).isEqualTo("Callback <https://evil.example|click> & more was refused");
    }

    @Test
    void anOfferLeftUnrevealedLosesItsButtonWhenItExpires() {
        ChatAddress dm = new ChatAddress(ALICE, ChatPlace.direct("D0ALICE01"));
        port.post(dm, new RevealOffer("offer-1", "Consumer secret of Altify_MCP", Instant.now().plusMillis(300)));
        assertThat(shown(slackApi.calls("chat.postMessage").get(0))).contains("Reveal credentials");

        await().atMost(Duration.ofSeconds(15)).until(() -> !slackApi.calls("chat.update").isEmpty());
        String after = shown(slackApi.calls("chat.update").get(0));
        assertThat(after).contains("expired at").doesNotContain("Reveal credentials").doesNotContain("\"actions\"");
    }

    static String shown(FakeSlackWebApi.Call call) {
        return SlackUserSimulator.blocksOf(call).toString();
    }
}
