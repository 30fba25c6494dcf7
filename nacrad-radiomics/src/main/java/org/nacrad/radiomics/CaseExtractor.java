package org.nacrad.radiomics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.nacrad.radiomics.ParameterFile.InvalidParametersException;
import org.nacrad.radiomics.ibsi.IbsiExtractor;
import org.nacrad.radiomics.ibsi.IbsiParameters;
import org.nacrad.radiomics.ibsi.IbsiResult;
import org.nacrad.radiomics.ibsi.IbsiSettings;

/**
 * One case's feature extraction under either standard nacrad offers: {@code pyradiomics} (the default: PyRadiomics'
 * features, names and numbers, {@link RadiomicsExtractor}) or {@code ibsi} (IBSI-1 processing and features named by
 * IBSI tag, {@link IbsiExtractor}). The standard comes from the parameter file's {@code setting: {standard: …}}, or
 * from the caller ({@code nacrad extract --standard ibsi}, the study's {@code radiomics: {standard: ibsi}}); both given
 * and different is an error.
 */
public sealed interface CaseExtractor {

    /** The standards. */
    String PYRADIOMICS = "pyradiomics";
    String IBSI = "ibsi";

    /** {@link #PYRADIOMICS} or {@link #IBSI}. */
    String standard();

    /** Diagnostics and features by name, as {@code nacrad extract} writes them. */
    Map<String, Object> extract(Path image, Path mask, String segment) throws IOException;

    /** The features only. */
    Map<String, Double> features(Path image, Path mask, String segment) throws IOException;

    /** The same extraction with another ROI label. */
    CaseExtractor withLabel(int label);

    /**
     * The extraction a parameter file asks for.
     *
     * @param file     the parameter file, or null for the standard's defaults (PyRadiomics: nacrad's nac-851.yaml;
     *                 IBSI: {@link IbsiParameters#defaults()})
     * @param standard the standard asked for by the caller, or null to follow the file
     * @param executor where PyRadiomics-mode image types and classes run
     */
    static CaseExtractor read(Path file, String standard, Executor executor) throws IOException {
        if (file == null) {
            String st = normalise(standard, "--standard");
            return st.equals(IBSI) ? new Ibsi(IbsiParameters.defaults())
                    : new PyRadiomics(ParameterFile.nac851OrDefaults(), executor);
        }
        return parse(ParameterFile.readText(file), file.toString(), standard, executor);
    }

    /** The extraction of parameter text (see {@link #read}). */
    @SuppressWarnings("unchecked")
    static CaseExtractor parse(String text, String source, String standard, Executor executor) {
        String inFile = IbsiParameters.standardOf(text, source);
        if (inFile != null && !inFile.equals(PYRADIOMICS) && !inFile.equals(IBSI)) {
            throw new InvalidParametersException(source + ": setting.standard: expected pyradiomics or ibsi, got "
                    + inFile);
        }
        String asked = standard == null ? null : normalise(standard, "--standard");
        if (asked != null && inFile != null && !asked.equals(inFile)) {
            throw new InvalidParametersException(source + ": setting.standard is " + inFile + " but the " + asked
                    + " standard was asked for");
        }
        String st = asked != null ? asked : inFile != null ? inFile : PYRADIOMICS;
        if (st.equals(IBSI)) {
            return new Ibsi(IbsiParameters.parse(text, source));
        }
        if (inFile == null) {
            return new PyRadiomics(ParameterFile.parse(text, source), executor);
        }
        // a PyRadiomics file that names its standard: the same file without that key
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            Map<String, Object> root = yaml.readValue(text, Map.class);
            Map<String, Object> setting = new LinkedHashMap<>((Map<String, Object>) root.get("setting"));
            setting.remove("standard");
            Map<String, Object> copy = new LinkedHashMap<>(root);
            if (setting.isEmpty()) {
                copy.remove("setting");
            } else {
                copy.put("setting", setting);
            }
            return new PyRadiomics(ParameterFile.parse(copy.isEmpty() ? "{}" : yaml.writeValueAsString(copy), source),
                    executor);
        } catch (JsonProcessingException e) {
            throw new InvalidParametersException(source + ": not valid YAML/JSON");
        }
    }

    private static String normalise(String standard, String what) {
        if (standard == null) {
            return PYRADIOMICS;
        }
        String s = standard.toLowerCase(Locale.ROOT);
        if (!s.equals(PYRADIOMICS) && !s.equals(IBSI)) {
            throw new InvalidParametersException(what + ": expected pyradiomics or ibsi, got " + standard);
        }
        return s;
    }

    /** PyRadiomics mode. */
    record PyRadiomics(ParameterFile parameters, Executor executor) implements CaseExtractor {

        public String standard() {
            return PYRADIOMICS;
        }

        public Map<String, Object> extract(Path image, Path mask, String segment) throws IOException {
            return new RadiomicsExtractor(parameters, executor).execute(image, mask, segment).asMap();
        }

        public Map<String, Double> features(Path image, Path mask, String segment) throws IOException {
            return new RadiomicsExtractor(parameters, executor).execute(image, mask, segment).features();
        }

        public CaseExtractor withLabel(int label) {
            return new PyRadiomics(parameters.withSetting("label", label), executor);
        }
    }

    /** IBSI mode. */
    record Ibsi(IbsiSettings settings) implements CaseExtractor {

        public String standard() {
            return IBSI;
        }

        public Map<String, Object> extract(Path image, Path mask, String segment) throws IOException {
            IbsiResult r = new IbsiExtractor(settings).execute(image, mask, segment);
            return new LinkedHashMap<>(r.all());
        }

        public Map<String, Double> features(Path image, Path mask, String segment) throws IOException {
            return new IbsiExtractor(settings).execute(image, mask, segment).features();
        }

        public CaseExtractor withLabel(int label) {
            if (label <= 0) {
                // the message of the settings schema, as PyRadiomics mode gives it (Setting.LABEL)
                throw new IllegalArgumentException("label: must be > 0, got " + label);
            }
            IbsiSettings s = settings;
            return new Ibsi(new IbsiSettings(label, s.slicewise(), s.spacing(), s.imageInterpolation(),
                    s.roiInterpolation(), s.roundIntensities(), s.partialVolume(), s.resegmentRange(),
                    s.outlierSigma(), s.discretisation(), s.ivhDiscretisation(), s.families(), s.aggregations(),
                    s.textureDistance(), s.ngldmCoarseness(), s.codes(), s.diagnostics()));
        }
    }
}
