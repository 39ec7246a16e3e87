package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.Replies;
import dev.ecabot.eca.EcaSpec;

/**
 * A dry run: Salesforce validates the app's metadata in the org (a checkOnly deploy) and saves nothing. Runs off the
 * chat thread and posts the outcome to {@code replies}, ending with what the person can do next from where they
 * asked ({@link NextSteps}). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DryRuns {

    /** What to say after a passed and after a failed dry run, and while it runs (the person's next move). */
    record NextSteps(String whileRunning, String afterPass, String afterFailure) {

        /** At a new app's confirmation: the summary still waits for an answer. */
        public static final NextSteps AT_CONFIRMATION = new NextSteps("The summary still waits for your answer.",
                "say \"yes\" to create it.", "Say \"change <question>\" to fix an answer, or \"no\" to cancel.");
    }

    void start(String org, EcaSpec spec, Replies replies, NextSteps next);

    /** A dry run at a new app's confirmation. */
    default void start(String org, EcaSpec spec, Replies replies) {
        start(org, spec, replies, NextSteps.AT_CONFIRMATION);
    }

    /** For a bot without Salesforce clients. */
    static DryRuns none() {
        return (org, spec, replies, next) -> replies.warn("I cannot reach any org from here, so there is no dry run to do.");
    }
}
