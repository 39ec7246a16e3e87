package dev.ecabot.eca;

import java.util.Objects;
import java.util.Optional;

/**
 * An app read back from metadata: its settings, and the consumer key when the retrieved global settings carry one
 * (the key is the public OAuth client_id; the spec itself never holds credentials, and a consumer secret in the
 * files is never read).
 */
public record RetrievedEca(EcaSpec spec, Optional<String> consumerKey) {

    public RetrievedEca {
        Objects.requireNonNull(spec, "spec");
        consumerKey = consumerKey == null ? Optional.empty() : consumerKey;
    }
}
