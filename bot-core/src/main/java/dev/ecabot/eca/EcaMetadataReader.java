package dev.ecabot.eca;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads External Client Apps back from metadata into {@link EcaSpec}s: a folder as Salesforce retrieves it or as an
 * sf project stores it (force-app/main/default), a zip, or components one by one (e.g. SOAP readMetadata records).
 * Companions are matched to their app by their externalClientApplication element, whatever their file names; a
 * missing companion means Salesforce's defaults. Stateless and thread-safe.
 */
public final class EcaMetadataReader {

    /** Every app in the folder (searched recursively), sorted by API name. */
    public List<RetrievedEca> readFolder(Path dir) {
        return read(MetadataPackage.fromDirectory(dir, name -> EcaComponentType.fromFileName(name).isPresent()));
    }

    /** Every app in a zip (e.g. a retrieve result). */
    public List<RetrievedEca> readZip(byte[] zip) {
        return read(MetadataPackage.fromZip(zip));
    }

    public List<RetrievedEca> readZip(Path zipFile) {
        return read(MetadataPackage.fromZip(zipFile));
    }

    /** Every app in a package; files that are not ECA components (package.xml, classes...) are ignored. */
    public List<RetrievedEca> read(MetadataPackage pkg) {
        List<EcaComponent> components = new ArrayList<>();
        for (String path : pkg.paths()) {
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            Optional<EcaComponentType> bySuffix = EcaComponentType.fromFileName(fileName);
            if (bySuffix.isEmpty()) continue;
            EcaComponent component = EcaComponent.parse(path, pkg.content(path));
            if (component.type() != bySuffix.get()) {
                throw new EcaMetadataException(path, component.type().xmlName(), "the file name says "
                        + bySuffix.get().xmlName() + " but the root element is " + component.type().xmlName()
                        + "; rename the file with suffix ." + component.type().suffix() + " or fix its content");
            }
            components.add(component);
        }
        return assemble(components);
    }

    /** The app {@code apiName} from a package, if the package holds it. */
    public Optional<RetrievedEca> readApp(MetadataPackage pkg, String apiName) {
        return read(pkg).stream().filter(r -> r.spec().apiName().equals(apiName)).findFirst();
    }

    /**
     * Groups components into apps. Every companion must belong to an ExternalClientApplication among them; an app
     * may have at most one companion of each type.
     */
    public static List<RetrievedEca> assemble(Collection<EcaComponent> components) {
        Map<String, EcaComponent> apps = new TreeMap<>();
        for (EcaComponent c : components) {
            if (c.type() != EcaComponentType.APP) continue;
            EcaComponent earlier = apps.putIfAbsent(c.fullName(), c);
            if (earlier != null) {
                throw new EcaMetadataException(c.source(), null, "app " + c.fullName() + " is defined twice (also in "
                        + earlier.source() + "); keep one file per app");
            }
        }
        Map<String, Map<EcaComponentType, EcaComponent>> companions = new TreeMap<>();
        for (EcaComponent c : components) {
            if (c.type() == EcaComponentType.APP) continue;
            String app = c.appApiName();
            if (!apps.containsKey(app)) {
                throw new EcaMetadataException(c.source(), "externalClientApplication", "names app '" + app
                        + "' but there is no ExternalClientApplication file for it; include externalClientApps/"
                        + app + ".eca (or .eca-meta.xml)");
            }
            EcaComponent earlier = companions.computeIfAbsent(app, k -> new EnumMap<>(EcaComponentType.class))
                    .putIfAbsent(c.type(), c);
            if (earlier != null) {
                throw new EcaMetadataException(c.source(), null, "app " + app + " has a second " + c.type().xmlName()
                        + " (the first is " + earlier.source() + "); an app has only one");
            }
        }
        List<RetrievedEca> result = new ArrayList<>();
        for (EcaComponent app : apps.values()) {
            result.add(toRetrieved(app, companions.getOrDefault(app.fullName(), Map.of())));
        }
        return result;
    }

    /** The app's own settings from an ExternalClientApplication component. */
    public static AppInfo appInfo(EcaComponent component) {
        return EcaSpecAssembler.appInfo(expect(component, EcaComponentType.APP));
    }

    /** The settings of an ExtlClntAppGlobalOauthSettings component (never its consumer key or secret). */
    public static GlobalOauthSettings globalOauth(EcaComponent component) {
        return EcaSpecAssembler.globalOauth(expect(component, EcaComponentType.GLOBAL_OAUTH));
    }

    /** The settings of an ExtlClntAppOauthSettings component. */
    public static OauthSettings oauthSettings(EcaComponent component) {
        return EcaSpecAssembler.oauthSettings(expect(component, EcaComponentType.OAUTH_SETTINGS));
    }

    /** The settings of an ExtlClntAppOauthConfigurablePolicies component. */
    public static OauthPolicies oauthPolicies(EcaComponent component) {
        return EcaSpecAssembler.oauthPolicies(expect(component, EcaComponentType.OAUTH_POLICIES));
    }

    /** The consumer key an ExtlClntAppGlobalOauthSettings component carries, if any. */
    public static Optional<String> consumerKey(EcaComponent component) {
        return expect(component, EcaComponentType.GLOBAL_OAUTH).fields().text("consumerKey");
    }

    private static RetrievedEca toRetrieved(EcaComponent app, Map<EcaComponentType, EcaComponent> parts) {
        EcaComponent global = parts.get(EcaComponentType.GLOBAL_OAUTH);
        EcaComponent oauth = parts.get(EcaComponentType.OAUTH_SETTINGS);
        EcaComponent policies = parts.get(EcaComponentType.OAUTH_POLICIES);
        EcaSpec spec = new EcaSpec(
                appInfo(app),
                global == null ? GlobalOauthSettings.builder().build() : globalOauth(global),
                oauth == null ? OauthSettings.of(List.of()) : oauthSettings(oauth),
                policies == null ? OauthPolicies.defaults() : oauthPolicies(policies));
        return new RetrievedEca(spec, global == null ? Optional.empty() : consumerKey(global));
    }

    private static EcaComponent expect(EcaComponent component, EcaComponentType type) {
        if (component.type() != type) {
            throw new IllegalArgumentException(component.source() + " is a " + component.type().xmlName()
                    + ", not a " + type.xmlName());
        }
        return component;
    }
}
