package dev.ecabot.conversation.dialogue;

/** The steps of creating an app that people see in the progress message, in order. */
public enum ProvisioningStep {
    DEPLOYING("Deploying the app", false),
    /** A milestone, done as soon as it is reached. */
    DEPLOYED("Deployed", true),
    READING_CREDENTIALS("Reading the credentials", false);

    private final String label;
    private final boolean milestone;

    ProvisioningStep(String label, boolean milestone) {
        this.label = label;
        this.milestone = milestone;
    }

    /** True when reaching the step completes it (nothing runs "in" it). */
    public boolean milestone() {
        return milestone;
    }

    public String label() {
        return label;
    }
}
