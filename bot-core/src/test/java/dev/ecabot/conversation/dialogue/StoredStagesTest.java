package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.state.ConversationKey;
import dev.ecabot.conversation.state.ConversationState;
import dev.ecabot.conversation.state.ConversationStore;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code new} conversation saved by the versions before typed stages (a row of {@code conversation_state}: the
 * stage's name, playbook, org, answers as JSON, pending) reads as the typed stage it was in, after an upgrade.
 */
class StoredStagesTest {

    private static final PlaybookCatalog CATALOG = PlaybookCatalog.load();
    /** Every answer Vonage AI Studio asks for, as the store has always written them. */
    private static final String ALL_ANSWERS = "{\"org\":\"demo\",\"app_name\":\"Vonage Prod\",\"api_name\":\"Vonage_Prod\","
            + "\"contact_email\":\"ops@example.com\",\"description\":\"\"}";

    private final Database db = Database.inMemory("stored-stages-" + UUID.randomUUID());
    private final ConversationStore store = new ConversationStore(db.dataSource());
    private final NewAppStages stages = new NewAppStages(CATALOG, new PlaybookRenderer());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aConversationChoosingItsPlaybookReadsSo() {
        NewAppStage stage = stored("CHOOSING_PLAYBOOK", null, "demo", "{}", "playbook");

        assertThat(stage).isInstanceOf(NewAppStage.ChoosingPlaybook.class);
        assertThat(stage.state().org()).as("named in \"new demo\"").isEqualTo("demo");
    }

    @Test
    void aConversationChoosingItsOrgHasItsPlaybook() {
        NewAppStage stage = stored("CHOOSING_ORG", "vonage-ai-studio", null, "{\"app_name\":\"Vonage Prod\"}", "org");

        assertThat(stage).isInstanceOfSatisfying(NewAppStage.ChoosingOrg.class,
                s -> assertThat(s.playbook().id()).isEqualTo("vonage-ai-studio"));
    }

    @Test
    void aConversationAnsweringKnowsTheQuestionItWaitsFor() {
        NewAppStage stage = stored("ANSWERING", "vonage-ai-studio", "demo",
                "{\"org\":\"demo\",\"app_name\":\"Vonage Prod\"}", "contact_email");

        assertThat(stage).isInstanceOfSatisfying(NewAppStage.Answering.class, s -> {
            assertThat(s.questionId()).isEqualTo("contact_email");
            assertThat(s.state().answers()).containsEntry("app_name", "Vonage Prod");
        });
    }

    @Test
    void aConversationAtTheConfirmationCarriesTheAppItsAnswersMake() {
        NewAppStage stage = stored("CONFIRMING", "vonage-ai-studio", "demo", ALL_ANSWERS, "confirm");

        assertThat(stage).isInstanceOfSatisfying(NewAppStage.Confirming.class, s -> {
            assertThat(s.app().rendering().spec().apiName()).isEqualTo("Vonage_Prod");
            assertThat(s.app().order().org()).isEqualTo("demo");
        });
    }

    @Test
    void aConversationGivingItsReasonCarriesTheAppToApprove() {
        NewAppStage stage = stored("GIVING_REASON", "vonage-ai-studio", "demo", ALL_ANSWERS, "approval-reason");

        assertThat(stage).isInstanceOfSatisfying(NewAppStage.GivingReason.class,
                s -> assertThat(s.app().draft("for the voice bot").apiName()).isEqualTo("Vonage_Prod"));
    }

    @Test
    void aConversationAwaitingApprovalKnowsItsRequest() {
        NewAppStage stage = stored("AWAITING_APPROVAL", "vonage-ai-studio", "demo", ALL_ANSWERS, "AR-7");

        assertThat(stage).isInstanceOfSatisfying(NewAppStage.AwaitingApproval.class,
                s -> assertThat(s.approvalRequestId()).isEqualTo("AR-7"));
    }

    @Test
    void provisioningAndFailedConversationsReadSo() {
        assertThat(stored("PROVISIONING", "vonage-ai-studio", "demo", ALL_ANSWERS, null))
                .isInstanceOf(NewAppStage.Provisioning.class);
        assertThat(stored("FAILED", "vonage-ai-studio", "demo", ALL_ANSWERS, null))
                .isInstanceOf(NewAppStage.Failed.class);
    }

    @Test
    void aConfirmationWhosePlaybookIsGoneReadsAsOutdated() {
        NewAppStage stage = stored("CONFIRMING", "retired-playbook", "demo", ALL_ANSWERS, "confirm");

        assertThat(stage).isInstanceOf(NewAppStage.Outdated.class);
        assertThat(stage.state().answers()).as("nothing lost").containsEntry("contact_email", "ops@example.com");
    }

    /** Writes a row as the earlier versions did (plain SQL, literal JSON), and reads its stage back. */
    private NewAppStage stored(String stage, String playbookId, String org, String answersJson, String pending) {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM conversation_state");
             PreparedStatement insert = c.prepareStatement("INSERT INTO conversation_state (conv_key, platform, "
                     + "user_id, thread_key, user_name, user_email, channel_id, stage, playbook_id, org_name, "
                     + "answers_json, pending, started_at, updated_at, version) VALUES ('slack|U1|T1', 'slack', 'U1', "
                     + "'T1', 'Alice', 'alice@example.com', 'C1', ?, ?, ?, ?, ?, TIMESTAMP '2026-03-02 10:12:00', "
                     + "TIMESTAMP '2026-03-02 10:15:00', 3)")) {
            delete.executeUpdate();
            insert.setString(1, stage);
            insert.setString(2, playbookId);
            insert.setString(3, org);
            insert.setString(4, answersJson);
            insert.setString(5, pending);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        ConversationState state = store.find(new ConversationKey("slack", "U1", "T1")).orElseThrow();
        return stages.read(state);
    }
}
