package dev.ecabot.salesforce;

/**
 * Salesforce would not hand out an app's consumer key or secret over REST. Names the org setting and the user
 * permission an admin must turn on.
 */
public final class CredentialsAccessException extends SalesforceException {

    public static final String ORG_SETTING = "Allow access to External Client App consumer secrets via REST API";
    public static final String ORG_SETTING_METADATA = "ExternalClientAppSettings.enableClientSecretInRestApiAccess";

    public CredentialsAccessException(String org, String salesforceSays) {
        super("Salesforce would not give out the app's credentials in org '" + org + "' (" + salesforceSays + "). "
                + "An admin must turn on \"" + ORG_SETTING + "\" in Setup > External Client App Settings ("
                + ORG_SETTING_METADATA + "), and the bot's user needs the permission to view client secrets"
                + " (\"View Client Secret\" / External Client App Developer). Then try again: the app itself is in place.");
    }
}
