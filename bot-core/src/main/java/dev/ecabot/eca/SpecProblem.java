package dev.ecabot.eca;

/**
 * One thing wrong with an {@link EcaSpec}: the field's path (e.g. {@code globalOauth.callbackUrls[1]}) and a
 * sentence saying what is wrong and how to fix it.
 */
public record SpecProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
