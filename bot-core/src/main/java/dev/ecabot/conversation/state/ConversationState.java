package dev.ecabot.conversation.state;

import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code new} conversation in progress, as stored between messages: who and where, the stage, the chosen
 * playbook and org, the raw answers so far (in the order given), the prompt waiting for an answer, and an
 * optimistic-locking version. Immutable; the {@code with...} methods return changed copies.
 */
public record ConversationState(ConversationKey key, ChatUser user, ChatPlace place, Stage stage,
                                String playbookId, String org, Map<String, String> answers, String pending,
                                Instant startedAt, Instant updatedAt, long version) {

    public ConversationState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(stage, "stage");
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A conversation that has just begun; version 0 means "not stored yet". */
    public static ConversationState start(ConversationKey key, ChatUser user, ChatPlace place, Instant now) {
        return new ConversationState(key, user, place, Stage.CHOOSING_PLAYBOOK, null, null, Map.of(), null,
                now, now, 0);
    }

    /**
     * The id of the app request this conversation makes: the same for every attempt (so a resumed provisioning finds
     * what a crashed attempt did), new for every conversation (so no request inherits another's app).
     */
    public String requestId() {
        return requestIdOf(key, startedAt);
    }

    static String requestIdOf(ConversationKey key, Instant startedAt) {
        String natural = key.asString() + "@" + startedAt.toEpochMilli();
        return java.util.UUID.nameUUIDFromBytes(natural.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public ConversationState withStage(Stage newStage, String newPending) {
        return new ConversationState(key, user, place, newStage, playbookId, org, answers, newPending,
                startedAt, updatedAt, version);
    }

    public ConversationState withPlaybook(String id) {
        return new ConversationState(key, user, place, stage, id, org, answers, pending, startedAt, updatedAt,
                version);
    }

    public ConversationState withOrg(String name) {
        return new ConversationState(key, user, place, stage, playbookId, name, answers, pending, startedAt,
                updatedAt, version);
    }

    public ConversationState withAnswer(String questionId, String raw) {
        Map<String, String> copy = new LinkedHashMap<>(answers);
        copy.remove(questionId); // re-answering moves it to the end, keeping the order answers were given
        copy.put(questionId, raw);
        return new ConversationState(key, user, place, stage, playbookId, org, copy, pending, startedAt,
                updatedAt, version);
    }

    public ConversationState withoutAnswer(String questionId) {
        Map<String, String> copy = new LinkedHashMap<>(answers);
        copy.remove(questionId);
        return new ConversationState(key, user, place, stage, playbookId, org, copy, pending, startedAt,
                updatedAt, version);
    }

    /** The same conversation as last seen in a newer message (a renamed user, a new reply place). */
    public ConversationState touchedBy(ChatUser latestUser, ChatPlace latestPlace, Instant now) {
        return new ConversationState(key, latestUser, latestPlace, stage, playbookId, org, answers, pending,
                startedAt, now, version);
    }

    ConversationState withVersion(long newVersion) {
        return new ConversationState(key, user, place, stage, playbookId, org, answers, pending, startedAt,
                updatedAt, newVersion);
    }
}
