package dev.ecabot.approval;

/**
 * What an approval request would allow, with the words approvers read in its summary. Adding one: its label here,
 * its chat words in {@code conversation.approvals.PurposeWords}, and who carries it out once approved in the engine's
 * {@code ApprovedWork} table (EngineBuilder); the compiler and the table's completeness check point at each.
 */
public enum ApprovalPurpose {
    CREATE("Create an External Client App"),
    ROTATE("Rotate the credentials of an External Client App"),
    DELETE("Delete an External Client App"),
    /** Change the settings of an existing app (chat {@code update <app>}): approvers see every changed setting. */
    UPDATE("Change the settings of an External Client App");

    private final String label;

    ApprovalPurpose(String label) {
        this.label = label;
    }

    /** What the request would do, as the first line of its summary. */
    public String label() {
        return label;
    }
}
