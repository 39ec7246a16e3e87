package dev.ecabot.posture;

import dev.ecabot.eca.EcaSpec;
import dev.ecabot.playbook.Outcome;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.PlaybookCatalog;
import dev.ecabot.playbook.PlaybookRenderer;
import dev.ecabot.playbook.Rendering;

import java.util.LinkedHashMap;
import java.util.Map;

/** The app each shipped playbook prescribes, rendered with the answers a requester would give by default. */
final class ShippedPlaybookSpecs {

    static final PlaybookCatalog CATALOG = PlaybookCatalog.load();

    private ShippedPlaybookSpecs() {
    }

    static EcaSpec spec(String playbookId) {
        Playbook playbook = CATALOG.find(playbookId).orElseThrow();
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("org", "demo");
        answers.put("app_name", "Posture Check");
        answers.put("contact_email", "admins@acme.example.com");
        answers.put("tenant_domain", "acme.serviceboard.example.com");
        answers.put("run_as_user", "integration@acme.example.org");
        answers.put("callback_url", "https://client.example.com/oauth/callback");
        answers.put("callback_urls", "https://client.example.com/oauth/callback");
        answers.put("scopes", "Api, RefreshToken");
        answers.put("mcp_client", "claude");
        answers.keySet().removeIf(id -> !id.equals("org") && playbook.question(id).isEmpty());
        Outcome<Rendering> outcome = new PlaybookRenderer().render(playbook, answers);
        if (!outcome.isOk()) {
            outcome.problems().stream().filter(p -> p.toString().contains("is only asked when"))
                    .forEach(p -> answers.remove(p.field()));
            outcome = new PlaybookRenderer().render(playbook, answers);
        }
        if (!outcome.isOk()) throw new AssertionError(playbookId + " does not render: " + outcome.problems());
        return outcome.orElseThrow().spec();
    }
}
