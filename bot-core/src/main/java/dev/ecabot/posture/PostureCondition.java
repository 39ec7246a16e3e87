package dev.ecabot.posture;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One test of a rule's {@code when} list: a fact and one operator (equals, in, contains_any, greater_than, matches,
 * is_missing; {@code matches} finds its regular expression anywhere in a value: anchor it with ^ and $). A fact an app does not have (null) satisfies only {@code is_missing: true}. Immutable, thread-safe.
 */
public record PostureCondition(String fact, String operator, JsonNode operand, Pattern pattern) {

    static final List<String> OPERATORS = List.of("equals", "in", "contains_any", "greater_than", "matches", "is_missing");

    public PostureCondition {
        Objects.requireNonNull(fact, "fact");
        if (!OPERATORS.contains(operator)) throw new IllegalArgumentException("unknown operator " + operator);
    }

    /** True when {@code value} (the app's fact: a String, Boolean, Number or List of Strings, or null) passes. */
    boolean holds(Object value) {
        if (operator.equals("is_missing")) return operand.asBoolean() == isMissing(value);
        if (value == null) return false;
        return switch (operator) {
            case "equals" -> equalsOperand(value);
            case "in" -> strings(operand).stream().anyMatch(s -> s.equalsIgnoreCase(String.valueOf(value)));
            case "contains_any" -> values(value).stream()
                    .anyMatch(v -> strings(operand).stream().anyMatch(s -> s.equalsIgnoreCase(v)));
            case "greater_than" -> value instanceof Number n && n.doubleValue() > operand.asDouble();
            case "matches" -> values(value).stream().anyMatch(v -> pattern.matcher(v).find());
            default -> false;
        };
    }

    private boolean equalsOperand(Object value) {
        if (value instanceof Boolean b) return operand.isBoolean() && operand.asBoolean() == b;
        if (value instanceof Number n) return operand.isNumber() && operand.asDouble() == n.doubleValue();
        return operand.isTextual() && operand.asText().equalsIgnoreCase(String.valueOf(value));
    }

    private static boolean isMissing(Object value) {
        if (value == null) return true;
        if (value instanceof String s) return s.isBlank();
        return value instanceof Collection<?> c && c.isEmpty();
    }

    private static List<String> values(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) c.forEach(v -> out.add(String.valueOf(v)));
        else out.add(String.valueOf(value));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public String toString() {
        return fact + " " + operator.toLowerCase(Locale.ROOT) + " " + operand;
    }
}
