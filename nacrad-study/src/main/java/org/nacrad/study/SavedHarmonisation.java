package org.nacrad.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.stats.harmonisation.ComBatModel;
import org.nacrad.stats.harmonisation.Covariates;
import org.nacrad.stats.harmonisation.FeatureTable;

/**
 * The {@code harmonisation} section of a saved model: the ComBat fitted on the study's training set (restricted to
 * the Rad-score's features), the manifest column naming the centre, and what to do with a centre the training set
 * did not have. {@link #apply} harmonises a new patient's features exactly as the study harmonised its own patients
 * (the same {@link ComBatModel#apply} arithmetic on the same stored numbers, so the study's patients get
 * bit-identical Rad-scores).
 *
 * @param column  the centre column (also the name of the prediction input)
 * @param unseen  the policy for an unseen centre
 * @param combat  the stored ComBat
 */
public record SavedHarmonisation(String column, StudyConfig.UnseenCentre unseen, ComBatModel combat) {

    /** The section of a model, or null when the model was not harmonised. */
    @SuppressWarnings("unchecked")
    public static SavedHarmonisation of(SavedModel model) {
        Object o = model.values().get("harmonisation");
        if (o == null) {
            return null;
        }
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("model.json: 'harmonisation' is not a section");
        }
        Map<String, ?> s = (Map<String, ?>) m;
        Object column = s.get("column");
        Object policy = s.get("unseen_centre");
        Object combat = s.get("combat");
        if (column == null || !(combat instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("model.json: the harmonisation section needs 'column' and 'combat'");
        }
        StudyConfig.UnseenCentre u = "reference".equals(policy) ? StudyConfig.UnseenCentre.REFERENCE
                : StudyConfig.UnseenCentre.REFUSE;
        return new SavedHarmonisation(String.valueOf(column), u, ComBatModel.fromMap((Map<String, ?>) combat));
    }

    /** The covariates a prediction needs besides the centre. */
    public List<String> covariates() {
        return combat.covariates();
    }

    /** "A, B or C": the training centres. */
    public String describeCentres() {
        List<String> b = combat.batches();
        return b.size() == 1 ? b.get(0) : String.join(", ", b.subList(0, b.size() - 1)) + " or " + b.get(b.size() - 1);
    }

    /**
     * Harmonises one patient's radiomics features: the stored features are replaced by their harmonised values, the
     * others returned as given.
     *
     * @param features the extracted features
     * @param clinical the raw values given (the centre and any covariates among them)
     * @param who      "patient X", for errors and warnings
     * @param warnings receives the unseen-centre warning
     * @throws IllegalArgumentException no centre, a missing or non-numeric covariate, an unseen centre refused
     */
    public Map<String, Double> apply(Map<String, Double> features, Map<String, String> clinical, String who,
                                     List<String> warnings) {
        String centre = clinical.get(column);
        centre = centre == null ? "" : centre.trim();
        if (centre.isEmpty()) {
            throw new IllegalArgumentException(who + ", column " + column + ": no centre; the model harmonises the "
                    + "radiomics features by centre (training centres: " + describeCentres() + ")");
        }
        if (!combat.knows(centre)) {
            if (unseen == StudyConfig.UnseenCentre.REFUSE) {
                throw new IllegalArgumentException(who + ", column " + column + ": centre '" + centre + "' was not in "
                        + "the training set (" + describeCentres() + "), so its scanner effect is unknown; the model "
                        + "refuses it (harmonisation.unseen_centre: refuse)");
            }
            warnings.add("centre '" + centre + "' was not in the training set (" + describeCentres() + "): its "
                    + "radiomics features were not harmonised (taken as the reference centre '"
                    + combat.method().referenceBatch() + "'), so the Rad-score may carry a scanner effect");
        }
        List<String> names = combat.features();
        double[][] row = new double[1][names.size()];
        for (int f = 0; f < names.size(); f++) {
            Double v = features.get(names.get(f));
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException(who + ": radiomics feature " + names.get(f) + " is "
                        + (v == null ? "missing" : v.toString()));
            }
            row[0][f] = v;
        }
        List<String> covNames = combat.covariates();
        double[][] cov = new double[1][covNames.size()];
        for (int c = 0; c < covNames.size(); c++) {
            String s = clinical.get(covNames.get(c));
            double x;
            try {
                x = s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(who + ", column " + covNames.get(c) + ": the harmonisation "
                        + "covariate is " + (s == null || s.isBlank() ? "missing" : "not a number ('" + s + "')"));
            }
            cov[0][c] = x;
        }
        double[][] h = combat.apply(new FeatureTable(List.of(who), names, row), List.of(centre),
                covNames.isEmpty() ? Covariates.none() : Covariates.of(covNames, cov),
                unseen == StudyConfig.UnseenCentre.REFERENCE
                        ? ComBatModel.UnseenBatch.treatAs(combat.method().referenceBatch())
                        : ComBatModel.UnseenBatch.refuse());
        Map<String, Double> out = new LinkedHashMap<>(features);
        for (int f = 0; f < names.size(); f++) {
            out.put(names.get(f), h[0][f]);
        }
        return out;
    }

    /** The inputs this section adds to a model's: the centre (text) and the covariates (numbers). */
    List<String> inputNames() {
        List<String> n = new ArrayList<>();
        n.add(column);
        n.addAll(covariates());
        return n;
    }
}
