package dev.ecabot.conversation.message;

import java.util.Objects;

/**
 * A summary to confirm before anything happens: answered by a {@code ChatEvent.Choice} with this
 * confirmation's {@code id} and {@link #CONFIRM} or {@link #CANCEL} (typing "yes"/"no" works too).
 */
public record Confirmation(String id, Summary summary, String confirmLabel, String cancelLabel)
        implements ChatMessage {

    public static final String CONFIRM = "confirm";
    public static final String CANCEL = "cancel";

    public Confirmation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(summary, "summary");
        confirmLabel = confirmLabel == null ? "Create it" : confirmLabel;
        cancelLabel = cancelLabel == null ? "Cancel" : cancelLabel;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitConfirmation(this);
    }
}
