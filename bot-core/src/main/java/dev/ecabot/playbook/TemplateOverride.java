package dev.ecabot.playbook;

import java.util.Objects;

/**
 * Settings (and optionally a different delivery) applied over the template when a condition on the answers holds.
 * Choice options that carry settings ({@code sets:}) become overrides too, conditioned on that option.
 */
public record TemplateOverride(Condition when, EcaTemplate set, Delivery delivery) {

    public TemplateOverride {
        Objects.requireNonNull(when, "when");
        set = set == null ? EcaTemplate.empty() : set;
    }
}
