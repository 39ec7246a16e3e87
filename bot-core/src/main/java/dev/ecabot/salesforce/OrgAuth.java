package dev.ecabot.salesforce;

import java.nio.file.Path;
import java.util.Objects;

/** How the bot signs in to one org, as the configuration file states it. Never holds a secret value. */
public sealed interface OrgAuth {

    /** The word used for this method under {@code auth.type}. */
    String type();

    /** OAuth 2.0 JWT bearer: the bot's own ECA consumer key, the user it acts as, and its PKCS#8 private key. */
    record JwtBearer(String consumerKey, String username, Path privateKeyFile) implements OrgAuth {
        public JwtBearer {
            Objects.requireNonNull(consumerKey, "consumerKey");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(privateKeyFile, "privateKeyFile");
        }

        @Override
        public String type() {
            return "jwt-bearer";
        }
    }

    /** OAuth 2.0 client credentials: the names of the environment variables holding client id and secret. */
    record ClientCredentials(String clientIdEnv, String clientSecretEnv) implements OrgAuth {
        public ClientCredentials {
            Objects.requireNonNull(clientIdEnv, "clientIdEnv");
            Objects.requireNonNull(clientSecretEnv, "clientSecretEnv");
        }

        @Override
        public String type() {
            return "client-credentials";
        }
    }
}
