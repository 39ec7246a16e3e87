package dev.ecabot.playbook;

/**
 * Extra limits on an answer, beyond what its {@link QuestionType} checks. Every field is optional (null or
 * false): {@code pattern} is a regular expression the whole text must match, explained by {@code patternHint};
 * {@code min}/{@code max} bound numbers; {@code minLength}/{@code maxLength} bound text; {@code maxItems} bounds
 * lists; {@code allowCustomSchemes} lets URLs use a non-http scheme such as {@code cursor://}. Immutable.
 */
public record Validation(
        String pattern,
        String patternHint,
        Long min,
        Long max,
        Integer minLength,
        Integer maxLength,
        Integer maxItems,
        boolean allowCustomSchemes) {

    private static final Validation NONE = new Validation(null, null, null, null, null, null, null, false);

    public static Validation none() {
        return NONE;
    }
}
