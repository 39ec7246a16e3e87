package dev.ecabot.provisioning;

import dev.ecabot.eca.EcaSpec;
import dev.ecabot.eca.EcaSpecValidator;

import java.util.List;

/** Checks a rendered spec before anything is sent to Salesforce; answers every problem found, in words. */
@FunctionalInterface
public interface SpecValidator {

    List<String> problems(EcaSpec spec);

    /**
     * {@link EcaSpecValidator}'s checks (API name, label, contact email, callback URLs, scopes, policies...).
     * Custom callback schemes pass: whether they are allowed is the playbook's decision, made when it renders.
     */
    SpecValidator STANDARD = spec -> EcaSpecValidator.allowingCustomSchemes().validate(spec).stream()
            .map(p -> p.field() + ": " + p.message()).toList();
}
