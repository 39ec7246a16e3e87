package dev.ecabot.playbook;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A playbook's ECA template (or one override's part of it): settings by Setup-like name, each a literal or a
 * reference to answers ({@code ${question_id}}, alone or inside text, also as list elements). Settings absent here
 * keep Salesforce's defaults. Immutable.
 */
public final class EcaTemplate {

    private static final EcaTemplate EMPTY = new EcaTemplate(new EnumMap<>(TemplateSetting.class));

    private final Map<TemplateSetting, Object> values;

    EcaTemplate(Map<TemplateSetting, Object> values) {
        EnumMap<TemplateSetting, Object> copy = new EnumMap<>(TemplateSetting.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
    }

    public static EcaTemplate empty() {
        return EMPTY;
    }

    Map<TemplateSetting, Object> values() {
        return values;
    }

    /** This template with {@code other}'s settings laid over it (other wins; lists are replaced, not merged). */
    EcaTemplate overlaidWith(EcaTemplate other) {
        EnumMap<TemplateSetting, Object> merged = new EnumMap<>(TemplateSetting.class);
        merged.putAll(values);
        merged.putAll(other.values);
        return new EcaTemplate(merged);
    }

    /** Setting path (e.g. {@code security.require_pkce}) to its template value, in Setup order. */
    public Map<String, Object> asMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((setting, value) -> out.put(setting.path(), value));
        return Collections.unmodifiableMap(out);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
