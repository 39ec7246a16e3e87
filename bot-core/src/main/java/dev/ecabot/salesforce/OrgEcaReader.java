package dev.ecabot.salesforce;

import dev.ecabot.eca.EcaComponentType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an org's External Client Apps with their settings: SOQL for the apps, SOAP listMetadata + readMetadata
 * for the app records and the four companion types, each companion matched to its app by its
 * {@code externalClientApplication} element (companion member names are free). Thread-safe.
 */
public final class OrgEcaReader {

    private static final Pattern APP_REF = Pattern.compile("<(?:\\w+:)?externalClientApplication>\\s*([^<\\s]+)\\s*</");

    private final ExternalClientApps apps;
    private final MetadataSoapApi soap;

    OrgEcaReader(ExternalClientApps apps, MetadataSoapApi soap) {
        this.apps = apps;
        this.soap = soap;
    }

    /** Every ECA in the org with its components. */
    public List<OrgEca> readAll() {
        return read(apps.list());
    }

    /** One app with its components, if the org has it. */
    public Optional<OrgEca> read(String apiName) {
        return apps.find(apiName).map(app -> read(List.of(app)).get(0));
    }

    private List<OrgEca> read(List<OrgApp> wanted) {
        if (wanted.isEmpty()) return List.of();
        Map<String, Map<EcaComponentType, MetadataSoapApi.Read>> byApp = new LinkedHashMap<>();
        wanted.forEach(a -> byApp.put(a.apiName(), new EnumMap<>(EcaComponentType.class)));

        List<String> appNames = new ArrayList<>(byApp.keySet());
        for (MetadataSoapApi.Read r : soap.readMetadata(EcaComponentType.APP.xmlName(), appNames)) {
            Map<EcaComponentType, MetadataSoapApi.Read> parts = byApp.get(r.fullName());
            if (parts != null) parts.put(EcaComponentType.APP, r);
        }
        List<String> companionTypes = new ArrayList<>();
        for (EcaComponentType t : EcaComponentType.values()) if (t != EcaComponentType.APP) companionTypes.add(t.xmlName());
        Map<String, List<String>> namesByType = new LinkedHashMap<>();
        for (MetadataSoapApi.Listed l : soap.listMetadata(companionTypes)) {
            namesByType.computeIfAbsent(l.type(), k -> new ArrayList<>()).add(l.fullName());
        }
        namesByType.forEach((type, names) -> {
            EcaComponentType componentType = EcaComponentType.fromXmlName(type).orElseThrow();
            for (MetadataSoapApi.Read r : soap.readMetadata(type, names)) {
                Matcher m = APP_REF.matcher(new String(r.document(), StandardCharsets.UTF_8));
                if (!m.find()) continue;
                Map<EcaComponentType, MetadataSoapApi.Read> parts = byApp.get(m.group(1));
                if (parts != null) parts.putIfAbsent(componentType, r);
            }
        });
        List<OrgEca> out = new ArrayList<>();
        for (OrgApp app : wanted) out.add(new OrgEca(app, byApp.get(app.apiName())));
        return out;
    }
}
