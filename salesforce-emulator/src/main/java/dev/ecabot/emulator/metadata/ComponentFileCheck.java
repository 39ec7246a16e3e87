package dev.ecabot.emulator.metadata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one metadata file against its type's elements the way the Metadata API parses it: the root element
 * and namespace, unknown elements, values of booleans, integers and enums, scope tokens, elements Salesforce
 * generates, and required elements. Stateless.
 */
final class ComponentFileCheck {

    private static final String NS = MetadataNamespace.URI;

    List<ComponentFailure> check(MetadataType type, String fullName, String fileName, XmlElement root) {
        List<ComponentFailure> failures = new ArrayList<>();
        String typeName = type.apiName();
        if (!root.namespace().equals(NS)) {
            failures.add(ComponentFailure.errorAt(typeName, fullName, fileName, "Error parsing file: Element {"
                    + root.namespace() + "}" + root.name() + " is not in the metadata namespace: the root element "
                    + "must be <" + typeName + " xmlns=\"" + NS + "\">", root));
            return failures;
        }
        if (!root.name().equals(typeName)) {
            failures.add(ComponentFailure.errorAt(typeName, fullName, fileName, "Error parsing file: Element {"
                    + NS + "}" + root.name() + " invalid at this location: expected " + typeName, root));
            return failures;
        }
        Set<String> present = new HashSet<>();
        for (XmlElement field : root.children()) {
            present.add(field.name());
            checkField(type, fullName, fileName, field, failures);
        }
        for (FieldRule rule : EcaSchema.requiredFields(type)) {
            boolean blank = root.childText(rule.name()).map(String::isBlank).orElse(true);
            if (blank) {
                String problem = rule.name().equals("label")
                        ? "Must specify a non-empty label for the " + typeName
                        : "Required field is missing: " + rule.name();
                failures.add(ComponentFailure.error(typeName, fullName, fileName, problem));
            }
        }
        return failures;
    }

    private void checkField(MetadataType type, String fullName, String fileName, XmlElement field,
                            List<ComponentFailure> failures) {
        String typeName = type.apiName();
        FieldRule rule = EcaSchema.rule(type, field.name()).orElse(null);
        if (rule == null && EcaSchema.acceptsAnyElement(type) && field.namespace().equals(NS)) return;
        if (rule == null || !field.namespace().equals(NS)) {
            failures.add(ComponentFailure.errorAt(typeName, fullName, fileName, "Error parsing file: Element {"
                    + field.namespace() + "}" + field.name() + " invalid at this location in type " + typeName, field));
            return;
        }
        String value = field.text().trim();
        switch (rule.kind()) {
            case FORBIDDEN -> failures.add(ComponentFailure.errorAt(typeName, fullName, fileName,
                    field.name() + " " + rule.forbiddenReason(), field));
            case BOOLEAN -> {
                // xsd:boolean: true, false, 1 and 0
                if (!value.equals("true") && !value.equals("false") && !value.equals("1") && !value.equals("0")) {
                    failures.add(ComponentFailure.errorAt(typeName, fullName, fileName, "Error parsing file: '"
                            + value + "' is not valid for the type xsd:boolean (element " + field.name()
                            + "): use true or false", field));
                }
            }
            case INTEGER -> {
                if (!value.matches("-?\\d{1,9}")) {
                    failures.add(ComponentFailure.errorAt(typeName, fullName, fileName, "Error parsing file: '"
                            + value + "' is not valid for the type xsd:int (element " + field.name() + ")", field));
                }
            }
            case ENUM -> {
                if (!rule.values().contains(value)) {
                    failures.add(ComponentFailure.errorAt(typeName, fullName, fileName, "'" + value
                            + "' is not a valid value for the enum '" + rule.enumName() + "'", field));
                }
            }
            case SCOPE_LIST -> {
                for (String token : value.split(",")) {
                    String scope = token.trim();
                    if (!scope.isEmpty() && !EcaSchema.SCOPE_TOKENS.contains(scope)) {
                        failures.add(ComponentFailure.errorAt(typeName, fullName, fileName, "'" + scope
                                + "' is not a valid value for the enum '" + rule.enumName() + "'", field));
                    }
                }
            }
            case COMPLEX -> {
                for (XmlElement child : field.children()) {
                    if (!rule.childNames().contains(child.name())) {
                        failures.add(ComponentFailure.errorAt(typeName, fullName, fileName, "Error parsing file: "
                                + "Element {" + child.namespace() + "}" + child.name()
                                + " invalid at this location in type " + field.name(), child));
                    }
                }
            }
            case TEXT -> {
                if (!field.isLeaf()) {
                    XmlElement child = field.children().get(0);
                    failures.add(ComponentFailure.errorAt(typeName, fullName, fileName, "Error parsing file: "
                            + "Element {" + child.namespace() + "}" + child.name()
                            + " invalid at this location in type " + typeName, child));
                }
            }
        }
    }
}
