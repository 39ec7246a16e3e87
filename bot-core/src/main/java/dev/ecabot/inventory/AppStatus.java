package dev.ecabot.inventory;

/**
 * Where an inventoried app stands: made by the bot and live ({@code ACTIVE}), found in its org by {@code sync}
 * ({@code IMPORTED}, playbook unknown), or deleted by the bot ({@code DELETED}, the row stays for the record).
 */
public enum AppStatus {
    ACTIVE, IMPORTED, DELETED;

    /** Lower case, as shown in chat and exports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
