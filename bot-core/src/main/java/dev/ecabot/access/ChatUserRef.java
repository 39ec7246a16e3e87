package dev.ecabot.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who someone is on a chat platform: the platform ("slack", "teams", "terminal") and that platform's user id.
 * Written {@code platform:userId} in configuration and in the database. Immutable.
 */
public record ChatUserRef(String platform, String id) implements Requester {

    public ChatUserRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        platform = platform.trim().toLowerCase(Locale.ROOT);
        id = id.trim();
        if (platform.isEmpty() || id.isEmpty() || platform.contains(":")) {
            throw new IllegalArgumentException("A chat user is written platform:userId (e.g. slack:U024BE7LH); got '"
                    + platform + ":" + id + "'");
        }
    }

    /** Parses {@code platform:userId}, e.g. {@code slack:U024BE7LH} or {@code teams:29:1a2b...}. */
    public static ChatUserRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("A chat user is written platform:userId (e.g. slack:U024BE7LH); got '"
                    + text + "'");
        }
        return new ChatUserRef(text.substring(0, colon), text.substring(colon + 1));
    }

    /**
     * Several people written one after the other, {@code platform:id, platform:id} (the approvers of a request as the
     * inventory and the provisioning runs store them); null for nobody, as those columns hold it.
     */
    public static String written(List<ChatUserRef> people) {
        return people.isEmpty() ? null : people.stream().map(ChatUserRef::toString).collect(Collectors.joining(", "));
    }

    /** Reads {@link #written(List)} back; null or blank is nobody. */
    public static List<ChatUserRef> parseAll(String written) {
        if (written == null || written.isBlank()) return List.of();
        return Arrays.stream(written.split(",")).map(ChatUserRef::parse).toList();
    }

    @Override
    public Optional<ChatUserRef> chatUser() {
        return Optional.of(this);
    }

    @Override
    public String toString() {
        return platform + ":" + id;
    }
}
