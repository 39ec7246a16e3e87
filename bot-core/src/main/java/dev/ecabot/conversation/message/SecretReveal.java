package dev.ecabot.conversation.message;

import dev.ecabot.vault.Secret;

import java.util.Objects;

/**
 * A secret released by the vault for one person, to be shown once (see {@code ChatPort.reveal}); its
 * {@link Secret} prints as {@code [secret]}, so logging this by mistake leaks nothing.
 */
public record SecretReveal(String label, Secret secret, String note) {

    public SecretReveal {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(secret, "secret");
    }
}
