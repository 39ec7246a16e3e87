package dev.ecabot.slack;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the adapter must remember between a click and the engine's answer to it, per Slack user: the credential
 * modal opened for a "Reveal credentials" click (so the reveal lands in it), the trigger of a click that may open
 * a form (an approval's Deny), and a submitted form whose
 * validation errors should go back in the view_submission ack rather than into the chat. Short-lived,
 * in memory (a click and its answer are handled by one instance). Thread-safe.
 */
final class Interactions {

    /** The modal waiting for a revealed secret, and the offer message to update afterwards. */
    record RevealWindow(String viewId, String offerId, String channelId, String messageTs) { }

    private final Map<String, RevealWindow> revealWindows = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Map<String, String>>> formReplies = new ConcurrentHashMap<>();
    private final Map<String, String> triggers = new ConcurrentHashMap<>();

    /** The trigger id of a click whose answer may be a form (an approval's Deny), so the form opens as a modal at once. */
    void offerTrigger(String userId, String triggerId) {
        if (triggerId != null) triggers.put(userId, triggerId);
    }

    /** The user's click trigger, taken so it is used at most once (Slack accepts each trigger id once). */
    String takeTrigger(String userId) {
        return triggers.remove(userId);
    }

    /**
     * The credential modal one click opened, for the engine's answer to that same click: kept per click (the thread
     * handling it), not per person, so two quick clicks each fill their own window and never each other's.
     */
    void openRevealWindow(String userId, RevealWindow window) {
        revealWindows.put(clickKey(userId), window);
    }

    /** The modal opened by the click being handled on this thread, taken so it is filled at most once. */
    RevealWindow takeRevealWindow(String userId) {
        return revealWindows.remove(clickKey(userId));
    }

    /** True while the click being handled on this thread has a credential modal waiting for words. */
    boolean hasRevealWindow(String userId) {
        return revealWindows.containsKey(clickKey(userId));
    }

    private static String clickKey(String userId) {
        return userId + "|" + Thread.currentThread().getId();
    }

    /** Starts waiting for the engine's verdict on a submitted form: field errors, or an empty map when accepted. */
    CompletableFuture<Map<String, String>> expectFormVerdict(String userId, String formId) {
        CompletableFuture<Map<String, String>> verdict = new CompletableFuture<>();
        formReplies.put(userId + "|" + formId, verdict);
        return verdict;
    }

    /** True when someone waits for this form's verdict, which then carries these errors. */
    boolean deliverFormErrors(String userId, String formId, Map<String, String> errors) {
        CompletableFuture<Map<String, String>> verdict = formReplies.remove(userId + "|" + formId);
        return verdict != null && verdict.complete(errors);
    }

    /** The engine finished with the form without asking for fixes. */
    void formHandled(String userId, String formId) {
        CompletableFuture<Map<String, String>> verdict = formReplies.remove(userId + "|" + formId);
        if (verdict != null) verdict.complete(Map.of());
    }

    /** The ack stopped waiting: later errors are posted in the chat instead. */
    void stopWaiting(String userId, String formId) {
        formReplies.remove(userId + "|" + formId);
    }

    /** True while a click's trigger id waits to open a form (the engine is handling that click on this turn). */
    boolean hasTrigger(String userId) {
        return triggers.containsKey(userId);
    }

    /** True while a submitted form waits for the engine's verdict (its field errors go back into the open modal). */
    boolean awaitsFormVerdict(String userId, String formId) {
        return formReplies.containsKey(userId + "|" + formId);
    }
}
