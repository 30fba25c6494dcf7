package org.nacrad.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClinicalDerivationTest {

    private static final String HEADER = "id,tumour_bed_d1_mm,tumour_bed_d2_mm,cellularity_pct,in_situ_pct,positive_nodes,"
            + "largest_node_metastasis_mm,baseline_diameter_mm,post_diameter_mm,er_pct,pr_pct,her2_ihc,her2_ish,ki67_pct,"
            + "docetaxel_planned_dose_mg_m2,docetaxel_delivered_dose_mg_m2,docetaxel_planned_days,docetaxel_actual_days\n";

    @Test
    void addsEveryDerivedColumn(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, HEADER
                + "P1,30,20,40,10,2,6,40,30,80,10,2,amplified,35,450,360,63,70\n"
                + "P2,0,0,0,0,0,0,35,0,0,0,1,,10,450,450,63,63\n");
        Table out = ClinicalDerivation.derive(Table.read(in), ClinicalDerivation.Options.defaults(), in.toString());
        assertThat(out.columns()).endsWith("rcb_index", "rcb_class", "shrinkage_rate", "recist_response",
                "docetaxel_rdi", "rdi", "er_positive", "pr_positive", "her2_positive", "ki67_high", "chemoresistant",
                "chemoresistance_rule");
        List<String> p1 = out.rows().get(0);
        int c = out.column("rcb_class");
        assertThat(p1.get(c)).isEqualTo("RCB-III");
        assertThat(p1.get(out.column("shrinkage_rate"))).isEqualTo("0.25");
        assertThat(p1.get(out.column("recist_response"))).isEqualTo("SD");
        assertThat(p1.get(out.column("her2_positive"))).isEqualTo("1");
        assertThat(p1.get(out.column("chemoresistant"))).isEqualTo("1");
        List<String> p2 = out.rows().get(1);
        assertThat(p2.get(c)).isEqualTo("RCB-0");
        assertThat(p2.get(out.column("recist_response"))).isEqualTo("CR");
        assertThat(p2.get(out.column("rdi"))).isEqualTo("1.0");
        assertThat(p2.get(out.column("chemoresistant"))).isEqualTo("0");
        assertThat(p2.get(out.column("chemoresistance_rule"))).isEqualTo("rcb>=II and shrinkage<0.30");

        Path written = dir.resolve("out.csv");
        out.write(written);
        assertThat(Table.read(written)).isEqualTo(out);
    }

    @Test
    void reportsEveryProblemByRowAndColumn(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, HEADER
                + "P1,30,20,140,10,2,6,40,-3,80,10,2,,35,0,360,63,70\n"
                + "P2,30,x,40,10,2.5,6,40,30,80,10,4,,35,450,360,63,70\n");
        assertThatThrownBy(() -> ClinicalDerivation.derive(Table.read(in), ClinicalDerivation.Options.defaults(), in.toString()))
                .isInstanceOf(ClinicalDerivation.InvalidTableException.class)
                .hasMessageContaining("6 problems")
                .hasMessageContaining("row 1 (id P1), column cellularity_pct: must be a percentage in [0, 100], got 140.0")
                .hasMessageContaining("row 1 (id P1), column post_diameter_mm: must be ≥ 0, got -3.0")
                .hasMessageContaining("row 1 (id P1), column docetaxel_planned_dose_mg_m2: must be > 0, got 0.0")
                .hasMessageContaining("row 1 (id P1), column her2_ish: is empty but HER2 IHC is 2+")
                .hasMessageContaining("row 2 (id P2), column tumour_bed_d2_mm: is not a number: 'x'")
                .hasMessageContaining("row 2 (id P2), column her2_ihc: must be an IHC score");
    }

    @Test
    void missingCompanionColumnIsReported(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("partial.csv");
        Files.writeString(in, "id,baseline_diameter_mm\nP1,30\n");
        assertThatThrownBy(() -> ClinicalDerivation.derive(Table.read(in), ClinicalDerivation.Options.defaults(), in.toString()))
                .hasMessageContaining("column post_diameter_mm: required column is missing");
    }
}
