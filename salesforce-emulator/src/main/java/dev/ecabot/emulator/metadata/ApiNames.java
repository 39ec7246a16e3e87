package dev.ecabot.emulator.metadata;

import java.util.Optional;
import java.util.regex.Pattern;

/** Salesforce's rules for API (developer) names: what makes one invalid, in Salesforce's words. */
public final class ApiNames {

    /** Longest ExternalClientApplication name; companion settings get the longer general limit. */
    public static final int MAX_APP_NAME_LENGTH = 40;
    public static final int MAX_NAME_LENGTH = 80;

    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private ApiNames() {
    }

    /** The problem with this name, or empty when Salesforce accepts it. */
    public static Optional<String> problem(String name, int maxLength) {
        if (!VALID.matcher(name).matches() || name.endsWith("_") || name.contains("__")) {
            return Optional.of("The API name '" + name + "' is invalid. It can only contain underscores and "
                    + "alphanumeric characters. It must begin with a letter, not include spaces, not end with an "
                    + "underscore, and not contain two consecutive underscores.");
        }
        if (name.length() > maxLength) {
            return Optional.of("The API name '" + name + "' is too long: it has " + name.length()
                    + " characters and the limit is " + maxLength + ".");
        }
        return Optional.empty();
    }
}
