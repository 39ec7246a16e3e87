package dev.ecabot.conversation;

import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.SecretReveal;

/**
 * How the engine talks back: each chat platform implements this once and renders the neutral
 * {@link ChatMessage}s its own way (Block Kit, Adaptive Cards, numbered lines in a terminal).
 * Implementations must be thread-safe: provisioning reports progress from a background thread.
 */
public interface ChatPort {

    /** Posts a message; the returned reference lets the engine edit it in place later (progress). */
    MessageRef post(ChatAddress to, ChatMessage message);

    /** Replaces a message posted earlier; a platform that cannot edit posts the new version instead. */
    void edit(MessageRef ref, ChatMessage message);

    /**
     * Shows a secret to one person only (a modal, a private card, the terminal), once. The engine calls this
     * only after the vault released the value for that person; the port must not store or log it.
     */
    void reveal(ChatAddress to, SecretReveal reveal);

    /**
     * What {@code user}'s home surface shows changed (Slack's App Home tab: a new approval waiting for them, an app
     * created, an offer revealed, a reminder): the port shows it again, current. Platforms without one ignore it.
     */
    default void refreshHome(ChatUser user) {
    }

    /** Whether people of {@code platform} have a home surface this port refreshes ({@link #refreshHome}). */
    default boolean hasHomes(String platform) {
        return false;
    }

    /** Whether this port reaches people of {@code platform} (a server may serve some platforms and not others). */
    default boolean serves(String platform) {
        return true;
    }

    /**
     * Whether people of {@code platform} fill in forms here (a Slack modal, a Teams card): then the questions of a
     * playbook that do not depend on each other are asked together in one form. A port without forms (the terminal)
     * gets one question at a time. Ports that wrap another one pass the question on.
     */
    default boolean showsForms(String platform) {
        return false;
    }
}
