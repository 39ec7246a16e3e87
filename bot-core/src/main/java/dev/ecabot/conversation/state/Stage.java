package dev.ecabot.conversation.state;

/** Where a {@code new} conversation stands; each stage waits for one kind of answer. */
public enum Stage {
    CHOOSING_PLAYBOOK, CHOOSING_ORG, ANSWERING, CONFIRMING,
    /** Confirmed, but the org's policy needs approval: waiting for the requester's reason. */
    GIVING_REASON,
    /** The approval request (its id is the state's {@code pending}) waits for approvers; not an idle conversation. */
    AWAITING_APPROVAL,
    /** Confirmed: the app is being created in the background; the next messages only get a status. */
    PROVISIONING,
    /**
     * Provisioning stopped after it changed the org (e.g. the credentials could not be read): waiting for the
     * requester to say "retry" (the same request continues where it stopped) or "cancel".
     */
    FAILED;

    /** True while the person is expected to answer (these stages expire when left idle). */
    public boolean waitsForThePerson() {
        return this != AWAITING_APPROVAL && this != PROVISIONING;
    }
}
