package dev.ecabot.conversation;

import dev.ecabot.access.Grantee;
import dev.ecabot.access.RolesConfig;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.FormPrompt;
import dev.ecabot.testing.Person;
import dev.ecabot.testing.TestBot;
import dev.ecabot.testing.Transcript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the demo org a request waits for an approver (victor); nothing is created before approval. */
class ApprovalConversationTest {

    private final RecordingProvisioner provisioner = new RecordingProvisioner();
    private final TestBot bot = new TestBot(provisioner);
    private final Person alice = bot.chat().as("alice");
    private final Person victor = bot.chat().as("victor");

    @AfterEach
    void close() {
        bot.close();
    }

    private String requestInProd() {
        NewAppConversationTest.walkAltifyToTheSummary(alice, "prod");
        Transcript waiting = alice.confirms();
        assertThat(waiting.text()).contains("Org prod needs 1 approval before I create this").contains("I asked 1 approver");
        Matcher id = Pattern.compile("request ([0-9a-f-]{36})").matcher(waiting.text());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    @Test
    void aProductionRequestWaitsForAnApproverAndIsCreatedOnceApproved() {
        String id = requestInProd();
        Confirmation card = victor.everything().last(Confirmation.class);
        assertThat(victor.everything().text()).contains("Approval needed: Alice asks to create Altify in prod")
                .contains("IP relaxation: Enforce_RelaxRefresh").contains("Request: " + id);
        assertThat(alice.says("status").text()).contains("waiting for approval");
        assertThat(provisioner.orders).as("nothing before approval").isEmpty();

        assertThat(victor.presses(card.id(), Confirmation.CONFIRM).text()).contains("Approved");
        alice.awaits("was approved by Victor");
        alice.awaits("Consumer key: 3MVG9Altify_key");
        assertThat(provisioner.orders).singleElement().satisfies(o -> assertThat(o.org()).isEqualTo("prod"));
    }

    @Test
    void aDenialAsksTheReasonAndTellsTheRequester() {
        requestInProd();
        Confirmation card = victor.everything().last(Confirmation.class);
        Transcript reasonForm = victor.presses(card.id(), Confirmation.CANCEL);
        assertThat(reasonForm.last(FormPrompt.class).title()).startsWith("Why deny request");

        victor.submits(Map.of("reason", "use the sandbox first"));
        assertThat(alice.everything().text()).contains("was denied by Victor: use the sandbox first.")
                .contains("Nothing was created");
        assertThat(alice.says("status").text()).contains("No conversation in progress");
        assertThat(provisioner.orders).isEmpty();
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        bot.withRoles(new RolesConfig(List.of(Grantee.parse("test:*")),
                List.of(Grantee.parse("test:alice"), Grantee.parse("test:victor")), List.of()));
        String id = requestInProd();
        assertThat(alice.says("approve " + id).text()).containsIgnoringCase("own request");
        assertThat(provisioner.orders).isEmpty();
    }

    @Test
    void someoneWhoIsNotAnApproverCannotApprove() {
        String id = requestInProd();
        assertThat(bot.chat().as("mallory").says("approve " + id).text()).contains("You may not run `approve`");
        assertThat(provisioner.orders).isEmpty();
    }

    @Test
    void cancellingWithdrawsTheRequest() {
        String id = requestInProd();
        assertThat(alice.says("cancel").text()).contains("Withdrew request " + id);
        assertThat(victor.says("approve " + id).text()).doesNotContain("Approved:");
        assertThat(provisioner.orders).isEmpty();
    }

    @Test
    void aRequestNobodyDecidesExpiresAndTheRequesterIsTold() {
        requestInProd();
        bot.clock().advance(Duration.ofHours(25));
        assertThat(bot.engine().expireIdleConversations()).isEqualTo(1);
        assertThat(alice.everything().text()).contains("expired before enough approvers decided");
        assertThat(provisioner.orders).isEmpty();
    }
}
