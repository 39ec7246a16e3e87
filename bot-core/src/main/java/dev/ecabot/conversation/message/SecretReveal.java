package dev.ecabot.conversation.message;

import dev.ecabot.vault.Secret;

import java.util.Objects;

/**
 * A secret released by the vault for one person, to be shown once (in the window their Reveal click opened: see
 * {@code TurnAnswer#secret}); its {@link Secret} prints as {@code [secret]}, so logging this by mistake leaks nothing.
 * Whoever shows it tells the {@link Receipt} whether the platform accepted the window: only then is the secret
 * destroyed in the vault; otherwise the offer stays revealable.
 */
public record SecretReveal(String label, Secret secret, String note, Receipt receipt) {

    /** What the vault hears back once the secret was (or could not be) put in front of the person. */
    public interface Receipt {
        /** Nothing to confirm (a secret not held by the vault). */
        Receipt NONE = new Receipt() {
            @Override
            public void shown() {
            }

            @Override
            public void notShown(String why) {
            }
        };

        /** The platform accepted the window showing the secret: it may be destroyed now. */
        void shown();

        /** The platform refused the window ({@code why}, in words): the secret stays revealable. */
        void notShown(String why);
    }

    public SecretReveal {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(receipt, "receipt");
    }

    public SecretReveal(String label, Secret secret, String note) {
        this(label, secret, note, Receipt.NONE);
    }
}
