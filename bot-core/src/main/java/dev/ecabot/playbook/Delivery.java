package dev.ecabot.playbook;

import java.util.Locale;

/** What the requester receives once the app exists: the consumer key only, or the key and the secret. */
public enum Delivery {
    KEY_ONLY("key-only"), KEY_AND_SECRET("key-and-secret");

    private final String yamlName;

    Delivery(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling used in playbook files, e.g. {@code key-and-secret}. */
    public String yamlName() {
        return yamlName;
    }

    public boolean includesSecret() {
        return this == KEY_AND_SECRET;
    }

    public static Delivery fromYaml(String name) {
        for (Delivery d : values()) {
            if (d.yamlName.equals(name.toLowerCase(Locale.ROOT))) return d;
        }
        throw new IllegalArgumentException("'" + name + "' is not a delivery; use key-only or key-and-secret");
    }
}
