package dev.ecabot.conversation.dialogue;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.conversation.ChatUser;

/** The access and vault packages name people by {@link ChatUserRef} ({@code platform:id}); this converts. */
public final class UserRefs {

    private UserRefs() {
    }

    public static ChatUserRef of(ChatUser user) {
        return new ChatUserRef(user.platform(), user.id());
    }
}
