package org.nacrad.radiomics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.nacrad.radiomics.settings.InvalidSettingException;
import org.nacrad.radiomics.settings.Setting;

/**
 * A PyRadiomics parameter file (YAML or JSON): enabled image types with their own settings, enabled feature
 * classes, general settings and voxel settings.
 *
 * <p>Validated as PyRadiomics validates it (pykwalify with {@code radiomics/schemas/paramSchema.yaml} and the
 * checks of {@code schemaFuncs.py}; the settings' schema is {@link Setting}): top-level keys {@code imageType},
 * {@code featureClass}, {@code setting}, {@code voxelSetting} only; unknown settings rejected; each setting of the
 * right type (an integer is accepted where a float is expected, a boolean never where a number is) and in its
 * range; image types and feature classes known to PyRadiomics, listed features known to their class. Stricter than
 * PyRadiomics' YAML reading: a key given twice in one mapping and YAML aliases/anchors are refused rather than
 * resolved. Each error names the file and the key path, e.g.
 * {@code params.yaml: setting.binWidth: must be > 0, got -5}.
 *
 * <p>As in PyRadiomics: no {@code imageType} section means {@code Original} only; no {@code featureClass} section
 * means every class with its default features; a null (empty) entry means the default. An image type's own
 * settings override the general ones for that image type only ({@link #settingsFor}).
 *
 * @param source       where the parameters came from (file name), for messages
 * @param imageTypes   image type → its own settings, in file order
 * @param featureClasses class → listed features, or an empty list for the class's defaults, in file order
 * @param settings     the general settings (PyRadiomics' extractor defaults where not given)
 * @param voxelSettings the {@code voxelSetting} section (validated; voxel-based extraction is not implemented)
 */
public record ParameterFile(String source, Map<String, Map<String, Object>> imageTypes,
                            Map<String, List<String>> featureClasses, RadiomicsSettings settings,
                            Map<String, Object> voxelSettings) {

    /** Checks the image types' own settings and the voxel settings (a parameter file has checked them already). */
    public ParameterFile {
        Map<String, Map<String, Object>> types = new LinkedHashMap<>();
        imageTypes.forEach((type, own) -> types.put(type, Collections.unmodifiableMap(
                Setting.byName(Setting.readAll(Setting.Section.SETTING, own, false)))));
        imageTypes = Collections.unmodifiableMap(types);
        featureClasses = Collections.unmodifiableMap(new LinkedHashMap<>(featureClasses));
        voxelSettings = Collections.unmodifiableMap(
                Setting.byName(Setting.readAll(Setting.Section.VOXEL_SETTING, voxelSettings, false)));
    }

    /** The classpath location of nacrad's default parameter file (Original + Wavelet, the 851 features). */
    public static final String NAC_851_RESOURCE = "/org/nacrad/radiomics/params/nac-851.yaml";

    /** PyRadiomics' extractor defaults when no parameter file is given: Original only, every class, default features. */
    public static ParameterFile defaults() {
        return new ParameterFile("PyRadiomics defaults", Map.of("Original", Map.of()), Map.of(),
                RadiomicsSettings.defaults(), Map.of());
    }

    /** Reads and validates a YAML or JSON parameter file. */
    public static ParameterFile read(Path file) throws IOException {
        return parse(readText(file), file.toString());
    }

    /** A parameter file's text; a missing or non-UTF-8 file is an {@link InvalidParametersException} naming it. */
    public static String readText(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidParametersException(file + ": parameter file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidParametersException(file + ": not a text (UTF-8) file");
        }
    }

    /** Reads nacrad's {@code nac-851.yaml} from the classpath, or PyRadiomics' defaults when it is absent. */
    public static ParameterFile nac851OrDefaults() {
        try (InputStream in = ParameterFile.class.getResourceAsStream(NAC_851_RESOURCE)) {
            if (in == null) {
                return defaults();
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "nac-851.yaml");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Parses and validates parameter text (YAML; JSON is read as the YAML subset it is). */
    @SuppressWarnings("unchecked")
    public static ParameterFile parse(String text, String source) {
        Object root = readYaml(text, source);
        if (root == null) {
            root = Map.of();
        }
        if (!(root instanceof Map)) {
            throw new InvalidParametersException(source + ": expected a mapping with imageType, featureClass, "
                    + "setting, voxelSetting");
        }
        Map<String, Object> top = (Map<String, Object>) root;
        for (String key : top.keySet()) {
            if (!Set.of("imageType", "featureClass", "setting", "voxelSetting").contains(key)) {
                throw new InvalidParametersException(source + ": unknown key '" + key
                        + "' (allowed: imageType, featureClass, setting, voxelSetting)");
            }
        }
        Map<Setting<?>, Object> settings = checkSettings(source, "setting", Setting.Section.SETTING,
                map(source, "setting", top.get("setting")));
        if (settings.get(Setting.STANDARD) == org.nacrad.radiomics.settings.Standard.IBSI) {
            throw new InvalidParametersException(source + ": setting.standard: ibsi: an IBSI-mode file, read by nacrad "
                    + "extract and the study in IBSI mode (docs/ibsi.md), not by the PyRadiomics-mode parser");
        }
        Map<String, Object> voxel = Setting.byName(checkSettings(source, "voxelSetting", Setting.Section.VOXEL_SETTING,
                map(source, "voxelSetting", top.get("voxelSetting"))));

        Map<String, Map<String, Object>> imageTypes = new LinkedHashMap<>();
        if (top.containsKey("imageType") && top.get("imageType") == null) {
            throw new InvalidParametersException(source + ": imageType: cannot be empty (leave it out for Original only)");
        }
        for (Map.Entry<String, Object> e : map(source, "imageType", top.get("imageType")).entrySet()) {
            String type = e.getKey();
            if (!ImageTypes.PYRADIOMICS_NAMES.contains(type)) {
                throw new InvalidParametersException(source + ": imageType." + type + ": unknown image type; "
                        + "PyRadiomics has " + ImageTypes.PYRADIOMICS_NAMES);
            }
            if (ImageTypes.find(type).isEmpty()) {
                throw new InvalidParametersException(source + ": imageType." + type + ": not implemented in nacrad; "
                        + "available: " + ImageTypes.names());
            }
            imageTypes.put(type, Setting.byName(checkSettings(source, "imageType." + type, Setting.Section.SETTING,
                    map(source, "imageType." + type, e.getValue()))));
        }
        if (imageTypes.isEmpty()) {
            imageTypes.put("Original", Map.of());
        }

        Map<String, List<String>> classes = new LinkedHashMap<>();
        if (top.containsKey("featureClass") && top.get("featureClass") == null) {
            throw new InvalidParametersException(source + ": featureClass: cannot be empty (leave it out for all classes)");
        }
        for (Map.Entry<String, Object> e : map(source, "featureClass", top.get("featureClass")).entrySet()) {
            String cls = e.getKey();
            String path = "featureClass." + cls;
            if (!FeatureFamilies.PYRADIOMICS_NAMES.contains(cls)) {
                throw new InvalidParametersException(source + ": " + path + ": unknown feature class; PyRadiomics has "
                        + FeatureFamilies.PYRADIOMICS_NAMES);
            }
            List<String> features = new ArrayList<>();
            if (e.getValue() != null) {
                if (!(e.getValue() instanceof List)) {
                    throw new InvalidParametersException(source + ": " + path + ": expected a list of feature names");
                }
                for (Object f : (List<Object>) e.getValue()) {
                    if (!(f instanceof String)) {
                        throw new InvalidParametersException(source + ": " + path + ": feature names must be text, got " + f);
                    }
                    FeatureFamilies.find(cls).ifPresent(fam -> {
                        if (!fam.featureNames().contains(f)) {
                            throw new InvalidParametersException(source + ": " + path + ": unknown feature '" + f
                                    + "'; " + cls + " has " + fam.featureNames());
                        }
                    });
                    features.add((String) f);
                }
            }
            classes.put(cls, List.copyOf(features));
        }
        return new ParameterFile(source, imageTypes, classes, RadiomicsSettings.ofChecked(settings), voxel);
    }

    /**
     * Parameter text as YAML (JSON is read as the YAML subset it is), refusing duplicate keys and aliases
     * (see {@link #refuseDuplicatesAndAliases}); null for an empty text. Shared by both standards' parameter files.
     *
     * @throws InvalidParametersException naming the source, and the line where the reader knows it
     */
    public static Object readYaml(String text, String source) {
        try {
            refuseDuplicatesAndAliases(text, source);
            return new ObjectMapper(new YAMLFactory()).readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InvalidParametersException(source + ": not valid YAML/JSON" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) { // not thrown by a reader of a String
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Refuses what a YAML reader would silently resolve, naming the file, the key and the line: a key given twice in
     * one mapping (the last would win) and anchors and aliases ({@code &name}, {@code *name}, {@code <<: *name};
     * a parameter file spells each value out, and aliases are how YAML bombs expand). The reader reports anchors on
     * mappings and sequences, not on scalars; every alias is refused, so an anchor alone changes nothing.
     */
    private static void refuseDuplicatesAndAliases(String text, String source) throws IOException {
        try (YAMLParser p = new YAMLFactory().createParser(text)) {
            Deque<Set<String>> keys = new ArrayDeque<>(); // per open mapping its keys; null for a sequence
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (p.isCurrentAlias() || p.getCurrentAnchor() != null) {
                    throw new InvalidParametersException(source + ": " + keyPath(p.getParsingContext()) + ": YAML "
                            + (p.isCurrentAlias() ? "alias" : "anchor") + " at line " + p.currentTokenLocation().getLineNr()
                            + " is not accepted; write the value out");
                }
                switch (t) {
                    case START_OBJECT -> keys.push(new HashSet<>());
                    case START_ARRAY -> keys.push(Set.of());
                    case END_OBJECT, END_ARRAY -> keys.pop();
                    case FIELD_NAME -> {
                        if (!keys.peek().add(p.currentName())) {
                            throw new InvalidParametersException(source + ": " + keyPath(p.getParsingContext())
                                    + ": duplicate key at line " + p.currentTokenLocation().getLineNr()
                                    + "; each key may be given once");
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    /** A parser position as a key path: {@code setting.distances[1]}. */
    private static String keyPath(JsonStreamContext c) {
        StringBuilder sb = new StringBuilder();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray() && c.getCurrentIndex() >= 0) {
                sb.insert(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                sb.insert(0, "." + c.getCurrentName());
            }
        }
        return sb.length() == 0 ? "(top level)" : sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    /** The settings for one image type: the general settings overridden by that image type's own. */
    public RadiomicsSettings settingsFor(String imageType) {
        Map<String, Object> own = imageTypes.getOrDefault(imageType, Map.of());
        return settings.with(own);
    }

    /**
     * The enabled classes in extraction order with the features to compute: listed ones, or the class's defaults.
     * Without a {@code featureClass} section: every implemented class with its defaults.
     */
    public Map<String, List<String>> enabledFeatures() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (featureClasses.isEmpty()) {
            for (String name : FeatureFamilies.names()) {
                out.put(name, pyRadiomicsOrder(FeatureFamilies.byName(name).defaultFeatureNames()));
            }
            return out;
        }
        for (Map.Entry<String, List<String>> e : featureClasses.entrySet()) {
            FeatureFamily f = FeatureFamilies.byName(e.getKey());
            out.put(e.getKey(), e.getValue().isEmpty() ? pyRadiomicsOrder(f.defaultFeatureNames()) : e.getValue());
        }
        return out;
    }

    /**
     * A class's default features in the order PyRadiomics computes them: sorted by the name of their method
     * {@code get<Name>FeatureValue} (so {@code MeanAbsoluteDeviation} comes before {@code Mean}).
     */
    static List<String> pyRadiomicsOrder(List<String> names) {
        return names.stream().sorted(java.util.Comparator.comparing(n -> n + "FeatureValue")).toList();
    }

    /** A copy with general settings replaced or added (e.g. the label given on a command line). */
    public ParameterFile withSetting(String key, Object value) {
        return new ParameterFile(source, imageTypes, featureClasses, settings.with(key, value), voxelSettings);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String source, String path, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new InvalidParametersException(source + ": " + path + ": expected a mapping, got " + Setting.describe(value));
        }
        return (Map<String, Object>) value;
    }

    /**
     * A section's settings checked against PyRadiomics' schema ({@link Setting}), as the setting → value map; an
     * error names the file and the key path.
     */
    private static Map<Setting<?>, Object> checkSettings(String source, String path, Setting.Section section,
                                                         Map<String, Object> given) {
        try {
            return Setting.readAll(section, given, true);
        } catch (InvalidSettingException e) {
            throw new InvalidParametersException(source + ": " + path + "." + e.getMessage());
        }
    }

    /** A parameter file that fails validation; the message is one line naming the file and the key. */
    public static final class InvalidParametersException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidParametersException(String message) {
            super(message);
        }
    }
}
