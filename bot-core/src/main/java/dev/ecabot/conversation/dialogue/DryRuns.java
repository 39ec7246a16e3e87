package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.Replies;
import dev.ecabot.eca.EcaSpec;

/**
 * "dry run" at the confirmation: Salesforce validates the app's metadata in the org (a checkOnly deploy) and saves
 * nothing. Runs off the chat thread and posts the outcome to {@code replies}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface DryRuns {

    void start(String org, EcaSpec spec, Replies replies);

    /** For a bot without Salesforce clients. */
    static DryRuns none() {
        return (org, spec, replies) -> replies.warn("I cannot reach any org from here, so there is no dry run to do.");
    }
}
