package dev.ecabot.access;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asked for something: a person on a chat platform ({@link ChatUserRef}), or an {@link Operator} at the command
 * line, named freely (an OS user, say), whom no chat platform knows. Written as {@link #toString()}: {@code platform:id}
 * for a chat user, the bare name for an operator; that is how requesters are stored and shown.
 */
public sealed interface Requester permits ChatUserRef, Requester.Operator {

    /** The chat user who asked, or empty for an operator (the audit trail then names them in its detail only). */
    Optional<ChatUserRef> chatUser();

    /** An operator at the command line named {@code name}. */
    static Requester operator(String name) {
        return new Operator(name);
    }

    /**
     * Reads a requester back as it was written ({@link #toString()}): a chat user when it reads {@code platform:id},
     * else an operator. For the repositories reading their rows, and for the command line's {@code --requester}.
     */
    static Requester parse(String written) {
        try {
            return ChatUserRef.parse(written);
        } catch (IllegalArgumentException notAChatUser) {
            return operator(written);
        }
    }

    /** Someone at the command line, named freely; never blank. */
    record Operator(String name) implements Requester {

        public Operator {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) throw new IllegalArgumentException("An operator needs a name");
        }

        @Override
        public Optional<ChatUserRef> chatUser() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
