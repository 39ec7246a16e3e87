package dev.ecabot.inventory;

/**
 * Where an inventoried app stands: made by the bot and live ({@code ACTIVE}), found in its org by {@code sync}
 * ({@code IMPORTED}, playbook unknown), deleted by the bot ({@code DELETED}, the row stays for the record), or
 * gone from its org without the bot ({@code MISSING}: {@code sync} found it no longer there; found again, it is
 * active or imported again).
 */
public enum AppStatus {
    ACTIVE, IMPORTED, DELETED, MISSING;

    /** Lower case, as shown in chat and exports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
