package dev.ecabot.conversation.state;

/** Where a {@code new} conversation stands; each stage waits for one kind of answer. */
public enum Stage {
    CHOOSING_PLAYBOOK, CHOOSING_ORG, ANSWERING, CONFIRMING,
    /** Confirmed: the app is being created in the background; the next messages only get a status. */
    PROVISIONING
}
