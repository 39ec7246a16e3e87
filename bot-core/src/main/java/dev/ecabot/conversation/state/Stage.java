package dev.ecabot.conversation.state;

/** Where a {@code new} conversation stands; each stage waits for one kind of answer. */
public enum Stage {
    CHOOSING_PLAYBOOK, CHOOSING_ORG, ANSWERING, CONFIRMING,
    /** Confirmed, but the org's policy needs approvers first; {@code pending} holds the approval request id. */
    AWAITING_APPROVAL,
    /** Confirmed: the app is being created in the background; the next messages only get a status. */
    PROVISIONING;

    /** True while the person is expected to answer (these stages expire when left idle). */
    public boolean waitsForThePerson() {
        return this != AWAITING_APPROVAL && this != PROVISIONING;
    }
}
