package org.nacrad.radiomics.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageFiltersTest {

    @Test
    void everyPyRadiomicsFilterIsRegisteredUnderItsName() {
        assertThat(ImageFilters.names()).containsExactly("Wavelet", "LoG", "Square", "SquareRoot", "Logarithm",
                "Exponential", "Gradient", "LBP2D", "LBP3D");
        for (String name : ImageFilters.names()) {
            assertThat(ImageFilters.byName(name).name()).isEqualTo(name);
        }
        assertThat(ImageFilters.find("Original")).isEmpty();
    }

    @Test
    void unknownNameIsAClearError() {
        assertThatThrownBy(() -> ImageFilters.byName("wavelet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown image type 'wavelet'")
                .hasMessageContaining("Wavelet");
    }
}
