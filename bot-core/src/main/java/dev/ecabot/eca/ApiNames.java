package dev.ecabot.eca;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of an External Client App's API name (seed 002, Salesforce's DeveloperName rules): only letters, digits
 * and underscores, starting with a letter, no trailing or consecutive underscores, at most 40 characters (the
 * usual DeveloperName limit; Salesforce's ECA pages do not state another). Also derives a valid name from a label.
 */
public final class ApiNames {

    public static final int MAX_LENGTH = 40;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_]*");

    private ApiNames() {
    }

    public static boolean isValid(String apiName) {
        return problems(apiName).isEmpty();
    }

    /** What is wrong with {@code apiName}, one sentence per broken rule with the fix; empty when valid. */
    public static List<String> problems(String apiName) {
        List<String> problems = new ArrayList<>();
        if (apiName == null || apiName.isEmpty()) {
            problems.add("the API name is empty; give one such as My_Integration");
            return problems;
        }
        if (!ALLOWED.matcher(apiName).matches()) {
            problems.add("'" + apiName + "' may contain only letters, digits and underscores (no spaces); "
                    + "for example " + deriveFrom(apiName));
        }
        if (!isAsciiLetter(apiName.charAt(0))) {
            problems.add("'" + apiName + "' must start with a letter");
        }
        if (apiName.endsWith("_")) problems.add("'" + apiName + "' must not end with an underscore");
        if (apiName.contains("__")) problems.add("'" + apiName + "' must not contain two underscores in a row");
        if (apiName.length() > MAX_LENGTH) {
            problems.add("'" + apiName + "' is " + apiName.length() + " characters long; Salesforce allows at most "
                    + MAX_LENGTH);
        }
        return problems;
    }

    /**
     * A valid API name for {@code label}, as Setup suggests one: spaces become underscores, accents are dropped
     * (é -> e), other characters that are not allowed are removed, runs of underscores collapse, leading and
     * trailing underscores go, a leading digit gets the prefix "A", and the result is cut to 40 characters.
     * A label with nothing usable gives "App".
     */
    public static String deriveFrom(String label) {
        String ascii = Normalizer.normalize(label == null ? "" : label.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String name = ascii.replaceAll("\\s+", "_")
                .replaceAll("[^A-Za-z0-9_]", "")
                .replaceAll("_{2,}", "_")
                .replaceAll("^_+|_+$", "");
        if (name.isEmpty()) return "App";
        if (!isAsciiLetter(name.charAt(0))) name = "A" + name;
        if (name.length() > MAX_LENGTH) name = name.substring(0, MAX_LENGTH).replaceAll("_+$", "");
        return name;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
