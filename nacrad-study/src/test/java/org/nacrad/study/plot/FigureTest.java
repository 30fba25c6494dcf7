package org.nacrad.study.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void niceTicks() {
        assertThat(Figure.ticks(0, 1, 6)).containsExactly(0, 0.2, 0.4, 0.6, 0.8, 1);
        assertThat(Figure.ticks(0, 100, 6)).containsExactly(0, 20, 40, 60, 80, 100);
        assertThat(Figure.ticks(-3.2, 7.9, 6)).containsExactly(-2, 0, 2, 4, 6);
        assertThat(Figure.tickLabel(0.6000000000000001)).isEqualTo("0.6");
        assertThat(Figure.tickLabel(1e-5)).isEqualTo("1.0e-05");
    }

    @Test
    void rendersTheSameFigureAsSvgAndPng() throws Exception {
        Figure f = Figure.builder("ROC <validation>").x("1 − specificity", 0, 1).y("Sensitivity", 0, 1).square()
                .diagonal().step("model (AUC 0.88)", new double[] {0, 0.1, 0.3, 1}, new double[] {0, 0.6, 0.9, 1}, Figure.PALETTE[0])
                .add(new Figure.Band(new double[] {0, 1}, new double[] {0, 0.8}, new double[] {0.2, 1}, Figure.PALETTE[0], 0.2))
                .build();
        String svg = SvgRenderer.render(f);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"520\" height=\"520\"")
                .contains("ROC &lt;validation&gt;").contains("model (AUC 0.88)").contains("stroke-dasharray");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(PngRenderer.render(f)));
        assertThat(png.getWidth()).isEqualTo(1040);
        assertThat(png.getHeight()).isEqualTo(1040);
    }
}
