package dev.ecabot.conversation.approvals;

import dev.ecabot.approval.ApprovalPurpose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every purpose has someone to carry it out once approved: a table that leaves one out never builds. */
class ApprovedWorkTest {

    private static final ApprovedWork.Handler NOTHING = (request, approver, replies) -> { };

    @Test
    void aTableWithoutAHandlerForEveryPurposeIsRefusedNamingTheMissingOnes() {
        assertThatThrownBy(() -> ApprovedWork.builder().on(ApprovalPurpose.CREATE, NOTHING).on(ApprovalPurpose.ROTATE, NOTHING).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[DELETE, UPDATE]").hasMessageContaining("EngineBuilder");
    }

    @Test
    void aPurposeRegisteredTwiceIsRefused() {
        assertThatThrownBy(() -> ApprovedWork.builder().on(ApprovalPurpose.CREATE, NOTHING).on(ApprovalPurpose.CREATE, NOTHING))
                .hasMessageContaining("CREATE requests already have a handler");
    }
}
