package dev.ecabot.provisioning;

import dev.ecabot.eca.EcaSpec;
import dev.ecabot.salesforce.ExternalClientApps;

import java.util.ArrayList;
import java.util.List;

/** Checks a rendered spec before anything is sent to Salesforce; answers every problem found, in words. */
@FunctionalInterface
public interface SpecValidator {

    List<String> problems(EcaSpec spec);

    /** What the saga itself relies on: a valid API name, a label and the contact email Salesforce requires. */
    SpecValidator BASIC = spec -> {
        List<String> problems = new ArrayList<>();
        if (!ExternalClientApps.API_NAME.matcher(spec.apiName()).matches()) {
            problems.add("the API name '" + spec.apiName() + "' is not valid: use letters, digits and single underscores,"
                    + " starting with a letter and not ending with an underscore");
        }
        if (spec.app().label().isBlank()) problems.add("the app needs a label");
        String email = spec.app().contactEmail();
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add("the app needs a contact email address (Salesforce requires one), got '" + (email == null ? "" : email) + "'");
        }
        return problems;
    };
}
