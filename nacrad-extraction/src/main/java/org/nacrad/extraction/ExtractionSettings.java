package org.nacrad.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.nacrad.io.Sha256;
import org.nacrad.radiomics.ParameterFile;
import org.nacrad.radiomics.StandardExtraction;

/**
 * What is extracted from every case: radiomics with a parameter file, diffusion quantities with their fit settings,
 * or both. Its {@link #hash()} is a case key's settings part: a stored result made with other settings is never
 * reused.
 *
 * @param radiomicsParameters the parameter file's text (the settings are what the text says), or null for no
 *                            radiomics
 * @param radiomicsSource     where the text came from (a file name), for messages
 * @param adcMaxB             highest b-value of the ADC fit (s/mm²), or null for no diffusion
 */
public record ExtractionSettings(String radiomicsParameters, String radiomicsSource, Double adcMaxB) {

    /** The format of the settings hash; raise it when the same settings would compute different values. */
    static final String FORMAT = "nacrad-extraction/1";

    public ExtractionSettings {
        if (radiomicsParameters == null && adcMaxB == null) {
            throw new IllegalArgumentException("nothing to extract: neither radiomics nor diffusion");
        }
    }

    /**
     * Radiomics with a parameter file (checked now; its errors name the file), or with nacrad's shipped
     * {@code nac-851.yaml} (PyRadiomics' defaults when a build lacks it) when {@code file} is null.
     */
    public static ExtractionSettings radiomics(Path file) throws IOException {
        return radiomics(file, null);
    }

    /**
     * Radiomics under a standard: {@code standard} null or {@code pyradiomics} as {@link #radiomics(Path)};
     * {@code ibsi} with no file IBSI mode's defaults ({@link StandardExtraction#IBSI_DEFAULTS_TEXT}), with a file an
     * IBSI-mode file (one that says {@code setting: {standard: ibsi}}: the text names its standard, so the settings
     * hash and a saved model carry it).
     *
     * @throws org.nacrad.radiomics.ParameterFile.InvalidParametersException a bad file or a standard it does not
     *                                                                      name, naming the file
     */
    public static ExtractionSettings radiomics(Path file, String standard) throws IOException {
        if (file == null && standard != null && standard.equalsIgnoreCase(StandardExtraction.IBSI)) {
            return new ExtractionSettings(StandardExtraction.IBSI_DEFAULTS_TEXT, "IBSI defaults", null);
        }
        if (file != null) {
            String text = ParameterFile.readText(file);
            StandardExtraction.requireStandard(text, file.toString(), standard);
            StandardExtraction.parse(text, file.toString());
            return new ExtractionSettings(text, file.toString(), null);
        }
        StandardExtraction.requireStandard("{}", "--standard", standard);
        ParameterFile.nac851OrDefaults();
        try (InputStream in = ParameterFile.class.getResourceAsStream(ParameterFile.NAC_851_RESOURCE)) {
            return new ExtractionSettings(in == null ? "defaults" : new String(in.readAllBytes(),
                    StandardCharsets.UTF_8), in == null ? "PyRadiomics defaults" : "nac-851.yaml", null);
        }
    }

    /** Diffusion quantities only. */
    public static ExtractionSettings diffusion(double adcMaxB) {
        return new ExtractionSettings(null, null, adcMaxB);
    }

    /** These settings with the diffusion quantities too. */
    public ExtractionSettings withDiffusion(double adcMaxB) {
        return new ExtractionSettings(radiomicsParameters, radiomicsSource, adcMaxB);
    }

    /** Whether radiomics features are extracted. */
    public boolean radiomics() {
        return radiomicsParameters != null;
    }

    /** Whether diffusion quantities are extracted. */
    public boolean diffusion() {
        return adcMaxB != null;
    }

    /** The parsed and validated parameter file (PyRadiomics' defaults for the text "defaults"). */
    /** The radiomics extraction these settings run, under the standard the parameter text names. */
    public StandardExtraction extraction() {
        if (radiomicsParameters == null) {
            throw new IllegalStateException("these settings extract no radiomics");
        }
        return StandardExtraction.parse(radiomicsParameters, radiomicsSource);
    }

    /** The PyRadiomics-mode parameter file (an IBSI-mode text has none: see {@link #extraction()}). */
    public ParameterFile parameterFile() {
        if (radiomicsParameters == null) {
            throw new IllegalStateException("these settings extract no radiomics");
        }
        return radiomicsParameters.equals("defaults") ? ParameterFile.defaults()
                : ParameterFile.parse(radiomicsParameters, radiomicsSource);
    }

    /** SHA-256 of everything that decides the values: the parameter text and the diffusion settings. */
    public String hash() {
        return Sha256.ofText(FORMAT + "\nradiomics " + (radiomicsParameters == null ? "none" : "\n" + radiomicsParameters)
                + "\ndiffusion " + (adcMaxB == null ? "none" : "adc_max_b=" + adcMaxB));
    }
}
