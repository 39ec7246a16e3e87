package dev.ecabot.inventory;

/** Where an inventoried app stands: live in its org, or deleted by the bot. */
public enum AppStatus {
    ACTIVE, DELETED
}
