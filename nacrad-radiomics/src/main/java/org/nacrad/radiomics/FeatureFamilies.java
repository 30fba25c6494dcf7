package org.nacrad.radiomics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nacrad.radiomics.features.FirstOrder;
import org.nacrad.radiomics.features.Glcm;
import org.nacrad.radiomics.features.Gldm;
import org.nacrad.radiomics.features.Glrlm;
import org.nacrad.radiomics.features.Glszm;
import org.nacrad.radiomics.features.Ngtdm;
import org.nacrad.radiomics.features.Shape;
import org.nacrad.radiomics.features.Shape2D;

/**
 * The feature classes nacrad implements, looked up by their PyRadiomics name ({@code featureClass:} keys of a
 * parameter file). Registration is an explicit list, not class-path scanning.
 *
 * <p>{@link #PYRADIOMICS_NAMES} are all classes PyRadiomics knows, in the order PyRadiomics enables them when a
 * parameter file names none (its module order: alphabetical).
 */
public final class FeatureFamilies {

    /** PyRadiomics' feature classes, in its default order. */
    public static final List<String> PYRADIOMICS_NAMES =
            List.of("firstorder", "glcm", "gldm", "glrlm", "glszm", "ngtdm", "shape", "shape2D");

    private static final Map<String, FeatureFamily> FAMILIES = registry();

    private FeatureFamilies() {
    }

    private static Map<String, FeatureFamily> registry() {
        Map<String, FeatureFamily> m = new LinkedHashMap<>();
        for (FeatureFamily f : List.<FeatureFamily>of(new FirstOrder(), new Glcm(), new Gldm(), new Glrlm(), new Glszm(),
                new Ngtdm(), new Shape(), new Shape2D())) {
            m.put(f.name(), f);
        }
        return m;
    }

    /** The family of a PyRadiomics class name, if nacrad implements it. */
    public static Optional<FeatureFamily> find(String name) {
        return Optional.ofNullable(FAMILIES.get(name));
    }

    /**
     * The family of a class name.
     *
     * @throws IllegalArgumentException naming the class and the available ones
     */
    public static FeatureFamily byName(String name) {
        FeatureFamily f = FAMILIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException(PYRADIOMICS_NAMES.contains(name)
                    ? "feature class '" + name + "' is not implemented in this build; available: " + FAMILIES.keySet()
                    : "unknown feature class '" + name + "'; PyRadiomics has " + PYRADIOMICS_NAMES);
        }
        return f;
    }

    /** The implemented classes, in PyRadiomics' default order. */
    public static List<String> names() {
        return PYRADIOMICS_NAMES.stream().filter(FAMILIES::containsKey).toList();
    }
}
