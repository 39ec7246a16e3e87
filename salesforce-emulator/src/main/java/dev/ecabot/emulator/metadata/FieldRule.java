package dev.ecabot.emulator.metadata;

import java.util.List;
import java.util.Set;

/**
 * What one element of a metadata type may hold, as the Metadata API checks it on deploy.
 * {@code enumName} is the name Salesforce puts in "is not a valid value for the enum" messages.
 */
public record FieldRule(String name, Kind kind, boolean required, String enumName, Set<String> values,
                        Set<String> childNames, String forbiddenReason) {

    public enum Kind { TEXT, BOOLEAN, INTEGER, ENUM, SCOPE_LIST, COMPLEX, FORBIDDEN }

    static FieldRule text(String name) {
        return new FieldRule(name, Kind.TEXT, false, null, Set.of(), Set.of(), null);
    }

    static FieldRule required(String name) {
        return new FieldRule(name, Kind.TEXT, true, null, Set.of(), Set.of(), null);
    }

    static FieldRule bool(String name) {
        return new FieldRule(name, Kind.BOOLEAN, false, null, Set.of(), Set.of(), null);
    }

    static FieldRule integer(String name) {
        return new FieldRule(name, Kind.INTEGER, false, null, Set.of(), Set.of(), null);
    }

    static FieldRule enumeration(String name, String enumName, List<String> values) {
        return new FieldRule(name, Kind.ENUM, false, enumName, Set.copyOf(values), Set.of(), null);
    }

    static FieldRule scopes(String name) {
        return new FieldRule(name, Kind.SCOPE_LIST, false, "ConnectedAppOauthAccessScope", Set.of(), Set.of(), null);
    }

    static FieldRule complex(String name, String... childNames) {
        return new FieldRule(name, Kind.COMPLEX, false, null, Set.of(), Set.of(childNames), null);
    }

    static FieldRule forbidden(String name, String reason) {
        return new FieldRule(name, Kind.FORBIDDEN, false, null, Set.of(), Set.of(), reason);
    }
}
