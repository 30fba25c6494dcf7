package org.nacrad.radiomics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.nacrad.radiomics.ParameterFile.InvalidParametersException;
import org.nacrad.radiomics.ibsi.IbsiExtractor;
import org.nacrad.radiomics.ibsi.IbsiParameters;
import org.nacrad.radiomics.ibsi.IbsiResult;
import org.nacrad.radiomics.ibsi.IbsiSettings;

/**
 * One case's radiomics extraction under the standard its parameter text names: {@code pyradiomics} (the default:
 * PyRadiomics' features, names and numbers, {@link RadiomicsExtractor}) or {@code ibsi} (IBSI-1 processing and
 * features named by IBSI tag, {@link IbsiExtractor}), chosen by the text's {@code setting: {standard: …}}. The text
 * is self-describing, so a stored parameter text (a saved model, a case key) always reproduces its standard.
 */
public sealed interface StandardExtraction {

    /** The standards. */
    String PYRADIOMICS = "pyradiomics";
    String IBSI = "ibsi";

    /** The text of IBSI mode's defaults ({@code nacrad extract --standard ibsi} without a parameter file). */
    String IBSI_DEFAULTS_TEXT = "setting: {standard: ibsi}\n";

    /** One case's result: diagnostics (PyRadiomics' values, or IBSI's diagnostic rows) and features, in order. */
    record Result(Map<String, Object> diagnostics, Map<String, Double> features) {
    }

    /** {@link #PYRADIOMICS} or {@link #IBSI}. */
    String standard();

    /** Extracts one case (image and mask files; segment selects a DICOM-SEG segment or RTSTRUCT ROI, or null). */
    Result extract(Path image, Path mask, String segment) throws IOException;

    /** The same extraction with another ROI label. */
    StandardExtraction withLabel(int label);

    /** The extraction parameter text asks for ({@code "defaults"}: PyRadiomics' defaults, as nacrad stores them). */
    static StandardExtraction parse(String text, String source) {
        if (text.equals("defaults")) {
            return new PyRadiomics(ParameterFile.defaults());
        }
        String st = standardOf(text, source);
        return st.equals(IBSI) ? new Ibsi(IbsiParameters.parse(text, source))
                : new PyRadiomics(ParameterFile.parse(text, source));
    }

    /** The standard parameter text names: its {@code setting.standard}, pyradiomics when it names none. */
    static String standardOf(String text, String source) {
        String s = IbsiParameters.standardOf(text, source);
        if (s == null) {
            return PYRADIOMICS;
        }
        if (!s.equals(PYRADIOMICS) && !s.equals(IBSI)) {
            throw new InvalidParametersException(source + ": setting.standard: expected pyradiomics or ibsi, got " + s);
        }
        return s;
    }

    /**
     * Checks a standard asked for by the caller ({@code --standard}, the study's {@code radiomics.standard}) against
     * the text's: a parameter file names its standard itself when it is not PyRadiomics', so that the file alone
     * says how it is read.
     *
     * @param standard pyradiomics, ibsi (any case) or null
     * @throws InvalidParametersException naming the source when they differ
     */
    static void requireStandard(String text, String source, String standard) {
        if (standard == null) {
            return;
        }
        String asked = standard.toLowerCase(Locale.ROOT);
        if (!asked.equals(PYRADIOMICS) && !asked.equals(IBSI)) {
            throw new InvalidParametersException("--standard: expected pyradiomics or ibsi, got " + standard);
        }
        String inFile = standardOf(text, source);
        if (!asked.equals(inFile)) {
            throw new InvalidParametersException(source + ": the " + asked + " standard was asked for but this file is "
                    + "read as " + inFile + (asked.equals(IBSI) ? " (an IBSI-mode file says setting: {standard: ibsi};"
                    + " see params/ibsi-*.yaml)" : ""));
        }
    }

    /** PyRadiomics mode. */
    record PyRadiomics(ParameterFile parameters) implements StandardExtraction {

        public String standard() {
            return PYRADIOMICS;
        }

        public Result extract(Path image, Path mask, String segment) throws IOException {
            RadiomicsResult r = new RadiomicsExtractor(parameters).execute(image, mask, segment);
            return new Result(r.diagnostics(), r.features());
        }

        public StandardExtraction withLabel(int label) {
            return new PyRadiomics(parameters.withSetting("label", label));
        }
    }

    /** IBSI mode. */
    record Ibsi(IbsiSettings settings) implements StandardExtraction {

        public String standard() {
            return IBSI;
        }

        public Result extract(Path image, Path mask, String segment) throws IOException {
            IbsiResult r = new IbsiExtractor(settings).execute(image, mask, segment);
            return new Result(new LinkedHashMap<>(r.diagnostics()), r.features());
        }

        public StandardExtraction withLabel(int label) {
            IbsiSettings s = settings;
            return new Ibsi(new IbsiSettings(label, s.slicewise(), s.spacing(), s.imageInterpolation(),
                    s.roiInterpolation(), s.roundIntensities(), s.partialVolume(), s.resegmentRange(),
                    s.outlierSigma(), s.discretisation(), s.ivhDiscretisation(), s.families(), s.aggregations(),
                    s.textureDistance(), s.ngldmCoarseness(), s.codes(), s.diagnostics()));
        }
    }
}
