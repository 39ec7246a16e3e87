package dev.ecabot.salesforce;

import dev.ecabot.eca.EcaComponentType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an org's External Client Apps with their settings: SOQL for the apps, SOAP readMetadata for the app records
 * and the four companion types, each companion matched to its app by its {@code externalClientApplication}
 * element. Companion names are free, so when the names the bot gives them do not cover every app, listMetadata
 * finds the others. Thread-safe.
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
        for (EcaComponentType type : EcaComponentType.values()) {
            if (type == EcaComponentType.APP) continue;
            // First the names the bot gives companions (one cheap read); only apps made elsewhere need a listing.
            List<String> botNamed = appNames.stream().map(type::memberName).toList();
            Set<String> read = new HashSet<>(botNamed);
            attach(type, soap.readMetadata(type.xmlName(), botNamed), byApp);
            boolean complete = byApp.values().stream().allMatch(parts -> parts.containsKey(type));
            if (complete) continue;
            List<String> others = soap.listMetadata(List.of(type.xmlName())).stream()
                    .map(MetadataSoapApi.Listed::fullName).filter(name -> !read.contains(name)).toList();
            if (!others.isEmpty()) attach(type, soap.readMetadata(type.xmlName(), others), byApp);
        }
        List<OrgEca> out = new ArrayList<>();
        for (OrgApp app : wanted) out.add(new OrgEca(app, byApp.get(app.apiName())));
        return out;
    }

    /** Files each read component under the app its externalClientApplication element names, if wanted. */
    private static void attach(EcaComponentType type, List<MetadataSoapApi.Read> reads,
                               Map<String, Map<EcaComponentType, MetadataSoapApi.Read>> byApp) {
        for (MetadataSoapApi.Read r : reads) {
            Matcher m = APP_REF.matcher(new String(r.document(), StandardCharsets.UTF_8));
            if (!m.find()) continue;
            Map<EcaComponentType, MetadataSoapApi.Read> parts = byApp.get(m.group(1));
            if (parts != null) parts.putIfAbsent(type, r);
        }
    }
}
