package dev.ecabot.conversation.message;

/**
 * What kind of value a form field takes, so adapters pick a fitting input (an email box, a number box, a
 * multi-line box for lists). Validation itself happens in the engine when the form comes back.
 */
public enum FieldType {
    TEXT, EMAIL, URL, NUMBER, YES_NO, CHOICE, USER, API_NAME,
    /** Several values, one per line (or separated by commas): URL lists, IP ranges. */
    LIST
}
