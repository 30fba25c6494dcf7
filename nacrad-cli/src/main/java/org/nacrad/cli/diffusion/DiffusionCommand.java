package org.nacrad.cli.diffusion;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.nacrad.diffusion.DiffusionAnalysis;
import org.nacrad.diffusion.DiffusionMaps;
import org.nacrad.diffusion.DiffusionSummary;
import org.nacrad.diffusion.RoiStatistics;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

import org.nacrad.io.ErrorText;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad diffusion}: ADC and kurtosis (MD, MK) maps and ROI statistics from a multi-b DWI series. */
@Command(name = "diffusion",
        mixinStandardHelpOptions = true,
        description = {"ADC (mono-exponential, b <= --adc-max-b) and diffusion kurtosis (MD, MK; all b) from a",
            "multi-b DWI series; tumour and reference ROI statistics and tumour/reference ratios (rADC, rMD, rMK).",
            "ADC and MD in mm^2/s."})
public final class DiffusionCommand implements Callable<Integer> {

    @Option(names = "--dwi", required = true, arity = "1..*",
            description = {"A 4D NIfTI/NRRD series, a DICOM folder holding the multi-b series (volumes split and",
                "sorted by b-value), or one 3D volume per b-value in b-value order."})
    List<Path> dwi;

    @Option(names = "--bvals", description = {"b-values file (FSL .bval: numbers separated by blanks). Optional for a",
        "DICOM series that carries its b-values; when given, they must agree with the DICOM's."})
    Path bvals;

    @Option(names = "--b", split = ",", description = "b-values in s/mm^2, e.g. 0,800,1500,2000.")
    double[] b;

    @Option(names = "--mask", required = true, description = {"Tumour mask on the DWI grid (non-zero = inside), or a",
        "DICOM-SEG/RTSTRUCT file drawn on the DWI series (placed on the grid of its first volume)."})
    Path mask;

    @Option(names = "--mask-segment", paramLabel = "SEGMENT",
            description = "Segment (number or label) or ROI (number or name) of a DICOM-SEG/RTSTRUCT --mask.")
    String maskSegment;

    @Option(names = "--reference-mask", description = {"Reference (normal fibroglandular tissue) mask on the DWI grid,",
        "or a DICOM-SEG/RTSTRUCT file drawn on the DWI series."})
    Path referenceMask;

    @Option(names = "--reference-segment", paramLabel = "SEGMENT",
            description = "Segment or ROI of a DICOM-SEG/RTSTRUCT --reference-mask.")
    String referenceSegment;

    @Option(names = "--maps", description = "Folder to write adc, md, mk, s0 and fit-status maps (NIfTI).")
    Path maps;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or csv.")
    String format;

    @Option(names = "--adc-max-b", defaultValue = "1000", description = "Highest b-value of the ADC fit (default 1000).")
    double adcMaxB;

    @Option(names = "--adc-nonlinear", description = "Fit ADC by non-linear least squares instead of log-linear.")
    boolean adcNonLinear;

    @Option(names = "--jobs", defaultValue = "0", description = "Threads (default: all cores).")
    int jobs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (bvals != null && b != null) {
            err.println("nacrad diffusion: give the b-values with one of --bvals FILE or --b LIST, not both");
            return 2;
        }
        if (bvals == null && b == null && !(dwi.size() == 1 && ImageIO.isDicom(dwi.get(0)))) {
            err.println("nacrad diffusion: give the b-values with --bvals FILE or --b LIST (they may be left out only "
                    + "for a DICOM series that carries them)");
            return 2;
        }
        if (referenceSegment != null && referenceMask == null) {
            err.println("nacrad diffusion: --reference-segment needs --reference-mask");
            return 2;
        }
        if (!format.equals("json") && !format.equals("csv")) {
            err.println("nacrad diffusion: --format must be json or csv, got '" + format + "'");
            return 2;
        }
        try {
            double[] bs = bvals != null ? DiffusionAnalysis.readBvals(bvals) : b;
            DiffusionAnalysis.Dwi series = DiffusionAnalysis.readDwi(dwi, bs, bvals != null ? bvals.toString() : "--b");
            Volume tumour = DiffusionAnalysis.readMask(series, mask, maskSegment);
            Volume reference = referenceMask == null ? null
                    : DiffusionAnalysis.readMask(series, referenceMask, referenceSegment);
            int threads = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
            DiffusionAnalysis.Result r = DiffusionAnalysis.run(series.volumes(), series.bValues(),
                    dwi.get(0).toString(), tumour, mask.toString(),
                    reference, referenceMask == null ? null : referenceMask.toString(),
                    new DiffusionMaps.Options(adcMaxB, adcNonLinear, threads), maps != null);
            if (maps != null) {
                DiffusionAnalysis.writeMaps(r.maps(), maps);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("csv")) {
                out.println("quantity,value");
                for (Map.Entry<String, Double> e : r.quantities().entrySet()) {
                    out.println(e.getKey() + "," + e.getValue());
                }
            } else {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(r)));
            }
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("nacrad diffusion: " + ErrorText.of(e));
            return 1;
        }
    }

    static Map<String, Object> json(DiffusionAnalysis.Result r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("b_values", r.bValues());
        Map<String, String> units = new LinkedHashMap<>(); // in this order on every run (Map.of's order is not)
        units.put("adc", "mm2/s");
        units.put("md", "mm2/s");
        units.put("mk", "dimensionless");
        j.put("units", units);
        j.put("tumour", region(r.summary().tumour()));
        if (r.summary().reference() != null) {
            j.put("reference", region(r.summary().reference()));
            DiffusionSummary.Relative rel = r.summary().relative();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rADC", rel.rAdc());
            m.put("rMD", rel.rMd());
            m.put("rMK", rel.rMk());
            j.put("relative", m);
        }
        return j;
    }

    private static Map<String, Object> region(DiffusionSummary.Region g) {
        Map<String, Object> m = new LinkedHashMap<>();
        stats(m, "adc", g.adc());
        stats(m, "md", g.md());
        stats(m, "mk", g.mk());
        m.put("voxels", g.voxels());
        m.put("excluded", g.excluded());
        m.put("excluded_adc", g.adc().excluded());
        m.put("excluded_dki", g.md().excluded());
        return m;
    }

    private static void stats(Map<String, Object> m, String p, RoiStatistics s) {
        m.put(p + "_mean", s.mean());
        m.put(p + "_median", s.median());
        m.put(p + "_p10", s.p10());
        m.put(p + "_p25", s.p25());
        m.put(p + "_p75", s.p75());
        m.put(p + "_p90", s.p90());
    }
}
