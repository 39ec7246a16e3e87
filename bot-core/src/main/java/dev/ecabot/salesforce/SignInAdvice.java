package dev.ecabot.salesforce;

import java.util.Locale;

/** Turns an OAuth error from the token endpoint into the likely cause and what an admin should change. */
final class SignInAdvice {

    private SignInAdvice() {
    }

    static String forError(Org org, String error, String description) {
        String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
        boolean jwt = org.signIn() instanceof SignInMethod.JwtBearer;
        if (d.contains("audience")) {
            boolean production = org.environment() == dev.ecabot.salesforce.OrgEnvironment.PRODUCTION;
            return "The org is configured as " + org.environment().configName() + ", so the token's audience was "
                    + org.environment().loginHost() + ". If it is a " + (production ? "sandbox, set environment: sandbox"
                    : "production org, set environment: production") + " for this org in ecabot.yaml.";
        }
        if (d.contains("approved") || d.contains("pre-authorized") || d.contains("preauthorized") || "invalid_app_access".equals(error)) {
            return "The user is not pre-authorised for the bot's app: in the app's Policies set Permitted Users to"
                    + " 'Admin approved users are pre-authorized' and assign the user's profile or a permission set.";
        }
        if (d.contains("signature") || d.contains("assertion") || d.contains("certificate")) {
            return "The private key does not match the certificate uploaded on the bot's External Client App:"
                    + " upload the certificate for privateKeyFile, or point privateKeyFile at the matching key.";
        }
        if ("invalid_client_id".equals(error) || "invalid_client".equals(error) || d.contains("client identifier") || d.contains("client credentials")) {
            return jwt ? "Check consumerKey in ecabot.yaml: it must be the consumer key of the bot's own app in this org."
                       : "Check the client id and secret in " + org.signIn().describe()
                         + ", and that the app enables the client credentials flow with a run-as user.";
        }
        if (d.contains("user") && (d.contains("inactive") || d.contains("not found") || d.contains("does not exist"))) {
            return "Check the username in ecabot.yaml and that the user is active in this org.";
        }
        return jwt ? "Likely causes: the wrong environment (a sandbox needs environment: sandbox), the user not pre-authorised"
                     + " for the bot's app, or a private key that does not match the app's certificate."
                   : "Check the client id and secret, the My Domain URL, and that the app enables the client credentials flow.";
    }
}
