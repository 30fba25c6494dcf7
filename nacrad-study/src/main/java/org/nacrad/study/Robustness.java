package org.nacrad.study;

import java.util.List;
import java.util.Locale;

import org.nacrad.stats.agreement.FeatureRobustness;

/**
 * The study config's {@code robustness} section: the ICC filter of radiomics features before LASSO
 * ({@link RobustnessStep}). Off unless {@code source} is given.
 *
 * <pre>
 * robustness:
 *   source: none            # none | reader2 (a second reader's masks) | perturbation (Zwanenburg et al. 2019)
 *   column: mask_reader2    # reader2: manifest column of the second reader's mask (label map on the image grid,
 *                           #   or DICOM-SEG/RTSTRUCT on the image); empty cells: patient not double-read
 *   segment_column: mask_reader2_segment   # reader2: its segment/ROI when it is a DICOM-SEG/RTSTRUCT
 *   perturbations: [erosion, dilation, contour]   # perturbation: which perturbed masks (each one extraction)
 *   seed: 42                # perturbation: seed of the contour randomisation
 *   icc: "2,1"              # ICC(2,1) absolute agreement, or "3,1" consistency
 *   threshold: 0.75
 *   criterion: estimate     # estimate | lower_bound (of the 95 % CI)
 * </pre>
 *
 * @param source        where the repeated measurements come from
 * @param column        reader-2 mask column
 * @param segmentColumn reader-2 segment column
 * @param perturbations the perturbations (perturbation source)
 * @param seed          contour randomisation seed
 * @param icc           ICC form
 * @param threshold     keep features whose ICC (or its lower bound) reaches this
 * @param criterion     estimate or lower bound
 */
public record Robustness(Source source, String column, String segmentColumn, List<MaskPerturbation.Kind> perturbations,
                         Long seed, IccForm icc, Double threshold, Criterion criterion) {

    /** Fewest training patients with repeated measurements the ICC filter accepts. */
    public static final int MIN_PATIENTS = 10;

    public Robustness {
        source = source == null ? Source.NONE : source;
        column = column == null ? "mask_reader2" : column;
        segmentColumn = segmentColumn == null ? "mask_reader2_segment" : segmentColumn;
        perturbations = perturbations == null ? List.of(MaskPerturbation.Kind.values()) : List.copyOf(perturbations);
        seed = seed == null ? 42L : seed;
        icc = icc == null ? IccForm.ICC2_1 : icc;
        threshold = threshold == null ? FeatureRobustness.DEFAULT_THRESHOLD : threshold;
        criterion = criterion == null ? Criterion.ESTIMATE : criterion;
        if (!(threshold >= -1 && threshold <= 1)) {
            throw new IllegalArgumentException("robustness.threshold must be an ICC in [-1, 1], got " + threshold);
        }
        if (source == Source.PERTURBATION && perturbations.isEmpty()) {
            throw new IllegalArgumentException("robustness.perturbations: give at least one of "
                    + StudyConfig.choices(MaskPerturbation.Kind.class));
        }
        if (perturbations.stream().distinct().count() != perturbations.size()) {
            throw new IllegalArgumentException("robustness.perturbations: each perturbation once, got " + perturbations);
        }
    }

    /** Off: no robustness filter. */
    public static Robustness none() {
        return new Robustness(null, null, null, null, null, null, null, null);
    }

    /** Whether the filter runs. */
    public boolean on() {
        return source != Source.NONE;
    }

    /** Where the repeated measurements come from. */
    public enum Source {
        NONE, READER2, PERTURBATION;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The ICC form, as the config writes it. */
    public enum IccForm {
        ICC2_1("2,1", FeatureRobustness.Form.ICC2_1), ICC3_1("3,1", FeatureRobustness.Form.ICC3_1);

        private final String id;
        private final FeatureRobustness.Form form;

        IccForm(String id, FeatureRobustness.Form form) {
            this.id = id;
            this.form = form;
        }

        FeatureRobustness.Form form() {
            return form;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** What must reach the threshold. */
    public enum Criterion {
        ESTIMATE(FeatureRobustness.Criterion.ESTIMATE), LOWER_BOUND(FeatureRobustness.Criterion.LOWER_BOUND);

        private final FeatureRobustness.Criterion criterion;

        Criterion(FeatureRobustness.Criterion criterion) {
            this.criterion = criterion;
        }

        FeatureRobustness.Criterion criterion() {
            return criterion;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
