package dev.ecabot.access;

/** The answer of {@link AccessPolicy#check}: allowed, or refused with a message to show the person. */
public record AccessDecision(boolean allowed, String message) {

    static AccessDecision allow() {
        return new AccessDecision(true, "");
    }

    static AccessDecision refuse(String message) {
        return new AccessDecision(false, message);
    }
}
