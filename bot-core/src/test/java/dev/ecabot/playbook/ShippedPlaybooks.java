package dev.ecabot.playbook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The shipped playbooks, loaded once for all tests, and shorthands to render them from answer texts. */
final class ShippedPlaybooks {

    static final PlaybookCatalog CATALOG = new PlaybookLoader().load(Optional.empty());

    private ShippedPlaybooks() {
    }

    static Playbook playbook(String id) {
        return CATALOG.find(id).orElseThrow(() -> new AssertionError("no shipped playbook " + id));
    }

    /** The common answers every test run gives, plus {@code more} (key, value, key, value, ...). */
    static Map<String, String> answers(String... more) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("org", "demo");
        answers.put("app_name", "Acme Integration");
        answers.put("contact_email", "admins@acme.example.com");
        for (int i = 0; i < more.length; i += 2) answers.put(more[i], more[i + 1]);
        return answers;
    }

    static Outcome<Rendering> render(String id, Map<String, String> answers) {
        return new PlaybookRenderer().render(playbook(id), answers);
    }

    static Rendering rendered(String id, String... more) {
        Outcome<Rendering> outcome = render(id, answers(more));
        if (!outcome.isOk()) throw new AssertionError("rendering " + id + " failed: " + outcome.problems());
        return outcome.orElseThrow();
    }
}
