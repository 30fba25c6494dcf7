package org.nacrad.radiomics.ibsi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The permanent 4-character IBSI identifiers of the features (IBSI reference manual, chapter 3) and of the texture
 * aggregation methods, for the second naming of {@link IbsiExtractor}: a feature's code, for a texture feature
 * followed by {@code _} and its aggregation's code ({@code cm_joint_max_3D_avg} → {@code GYBY_ITBB}), and for the
 * parameterised intensity-volume histogram features by {@code _} and the parameter ({@code ivh_v10} → {@code BC2M_10}),
 * since the manual gives V10 and V90 one code. Diagnostic rows have no code and keep their tags.
 *
 * <p>{@code IbsiCodesTest} checks this table against the manual's list.
 */
public final class IbsiCodes {

    /** Feature tag (without aggregation suffix) → code. */
    public static final Map<String, String> FEATURES;

    /** Aggregation suffix → code (manual, "Feature aggregation"). */
    public static final Map<String, String> AGGREGATIONS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("morph_volume", "RNU0");
        m.put("morph_vol_approx", "YEKZ");
        m.put("morph_area_mesh", "C0JK");
        m.put("morph_av", "2PR5");
        m.put("morph_comp_1", "SKGS");
        m.put("morph_comp_2", "BQWJ");
        m.put("morph_sph_dispr", "KRCK");
        m.put("morph_sphericity", "QCFX");
        m.put("morph_asphericity", "25C7");
        m.put("morph_com", "KLMA");
        m.put("morph_diam", "L0JK");
        m.put("morph_pca_maj_axis", "TDIC");
        m.put("morph_pca_min_axis", "P9VJ");
        m.put("morph_pca_least_axis", "7J51");
        m.put("morph_pca_elongation", "Q3CK");
        m.put("morph_pca_flatness", "N17B");
        m.put("morph_vol_dens_aabb", "PBX1");
        m.put("morph_area_dens_aabb", "R59B");
        m.put("morph_vol_dens_ombb", "ZH1A");
        m.put("morph_area_dens_ombb", "IQYR");
        m.put("morph_vol_dens_aee", "6BDE");
        m.put("morph_area_dens_aee", "RDD2");
        m.put("morph_vol_dens_mvee", "SWZ1");
        m.put("morph_area_dens_mvee", "BRI8");
        m.put("morph_vol_dens_conv_hull", "R3ER");
        m.put("morph_area_dens_conv_hull", "7T7F");
        m.put("morph_integ_int", "99N0");
        m.put("morph_moran_i", "N365");
        m.put("morph_geary_c", "NPT7");
        m.put("loc_peak_loc", "VJGA");
        m.put("loc_peak_glob", "0F91");
        m.put("stat_mean", "Q4LE");
        m.put("stat_var", "ECT3");
        m.put("stat_skew", "KE2A");
        m.put("stat_kurt", "IPH6");
        m.put("stat_median", "Y12H");
        m.put("stat_min", "1GSF");
        m.put("stat_p10", "QG58");
        m.put("stat_p90", "8DWT");
        m.put("stat_max", "84IY");
        m.put("stat_iqr", "SALO");
        m.put("stat_range", "2OJQ");
        m.put("stat_mad", "4FUA");
        m.put("stat_rmad", "1128");
        m.put("stat_medad", "N72L");
        m.put("stat_cov", "7TET");
        m.put("stat_qcod", "9S40");
        m.put("stat_energy", "N8CA");
        m.put("stat_rms", "5ZWQ");
        m.put("ih_mean", "X6K6");
        m.put("ih_var", "CH89");
        m.put("ih_skew", "88K1");
        m.put("ih_kurt", "C3I7");
        m.put("ih_median", "WIFQ");
        m.put("ih_min", "1PR8");
        m.put("ih_p10", "GPMT");
        m.put("ih_p90", "OZ0C");
        m.put("ih_max", "3NCY");
        m.put("ih_mode", "AMMC");
        m.put("ih_iqr", "WR0O");
        m.put("ih_range", "5Z3W");
        m.put("ih_mad", "D2ZX");
        m.put("ih_rmad", "WRZB");
        m.put("ih_medad", "4RNL");
        m.put("ih_cov", "CWYJ");
        m.put("ih_qcod", "SLWD");
        m.put("ih_entropy", "TLU2");
        m.put("ih_uniformity", "BJ5W");
        m.put("ih_max_grad", "12CE");
        m.put("ih_max_grad_g", "8E6O");
        m.put("ih_min_grad", "VQB3");
        m.put("ih_min_grad_g", "RHQZ");
        m.put("ivh_v10", "BC2M");
        m.put("ivh_v90", "BC2M");
        m.put("ivh_i10", "GBPN");
        m.put("ivh_i90", "GBPN");
        m.put("ivh_diff_v10_v90", "DDTU");
        m.put("ivh_diff_i10_i90", "CNV2");
        m.put("ivh_auc", "9CMM");
        m.put("cm_joint_max", "GYBY");
        m.put("cm_joint_avg", "60VM");
        m.put("cm_joint_var", "UR99");
        m.put("cm_joint_entr", "TU9B");
        m.put("cm_diff_avg", "TF7R");
        m.put("cm_diff_var", "D3YU");
        m.put("cm_diff_entr", "NTRS");
        m.put("cm_sum_avg", "ZGXS");
        m.put("cm_sum_var", "OEEB");
        m.put("cm_sum_entr", "P6QZ");
        m.put("cm_energy", "8ZQL");
        m.put("cm_contrast", "ACUI");
        m.put("cm_dissimilarity", "8S9J");
        m.put("cm_inv_diff", "IB1Z");
        m.put("cm_inv_diff_norm", "NDRX");
        m.put("cm_inv_diff_mom", "WF0Z");
        m.put("cm_inv_diff_mom_norm", "1QCO");
        m.put("cm_inv_var", "E8JP");
        m.put("cm_corr", "NI2N");
        m.put("cm_auto_corr", "QWB0");
        m.put("cm_clust_tend", "DG8W");
        m.put("cm_clust_shade", "7NFM");
        m.put("cm_clust_prom", "AE86");
        m.put("cm_info_corr1", "R8DG");
        m.put("cm_info_corr2", "JN9H");
        m.put("rlm_sre", "22OV");
        m.put("rlm_lre", "W4KF");
        m.put("rlm_lgre", "V3SW");
        m.put("rlm_hgre", "G3QZ");
        m.put("rlm_srlge", "HTZT");
        m.put("rlm_srhge", "GD3A");
        m.put("rlm_lrlge", "IVPO");
        m.put("rlm_lrhge", "3KUM");
        m.put("rlm_glnu", "R5YN");
        m.put("rlm_glnu_norm", "OVBL");
        m.put("rlm_rlnu", "W92Y");
        m.put("rlm_rlnu_norm", "IC23");
        m.put("rlm_r_perc", "9ZK5");
        m.put("rlm_gl_var", "8CE5");
        m.put("rlm_rl_var", "SXLW");
        m.put("rlm_rl_entr", "HJ9O");
        m.put("szm_sze", "5QRC");
        m.put("szm_lze", "48P8");
        m.put("szm_lgze", "XMSY");
        m.put("szm_hgze", "5GN9");
        m.put("szm_szlge", "5RAI");
        m.put("szm_szhge", "HW1V");
        m.put("szm_lzlge", "YH51");
        m.put("szm_lzhge", "J17V");
        m.put("szm_glnu", "JNSA");
        m.put("szm_glnu_norm", "Y1RO");
        m.put("szm_zsnu", "4JP3");
        m.put("szm_zsnu_norm", "VB3A");
        m.put("szm_z_perc", "P30P");
        m.put("szm_gl_var", "BYLV");
        m.put("szm_zs_var", "3NSA");
        m.put("szm_zs_entr", "GU8N");
        m.put("dzm_sde", "0GBI");
        m.put("dzm_lde", "MB4I");
        m.put("dzm_lgze", "S1RA");
        m.put("dzm_hgze", "K26C");
        m.put("dzm_sdlge", "RUVG");
        m.put("dzm_sdhge", "DKNJ");
        m.put("dzm_ldlge", "A7WM");
        m.put("dzm_ldhge", "KLTH");
        m.put("dzm_glnu", "VFT7");
        m.put("dzm_glnu_norm", "7HP3");
        m.put("dzm_zdnu", "V294");
        m.put("dzm_zdnu_norm", "IATH");
        m.put("dzm_z_perc", "VIWW");
        m.put("dzm_gl_var", "QK93");
        m.put("dzm_zd_var", "7WT1");
        m.put("dzm_zd_entr", "GBDU");
        m.put("ngt_coarseness", "QCDE");
        m.put("ngt_contrast", "65HE");
        m.put("ngt_busyness", "NQ30");
        m.put("ngt_complexity", "HDEZ");
        m.put("ngt_strength", "1X9X");
        m.put("ngl_lde", "SODN");
        m.put("ngl_hde", "IMOQ");
        m.put("ngl_lgce", "TL9H");
        m.put("ngl_hgce", "OAE7");
        m.put("ngl_ldlge", "EQ3F");
        m.put("ngl_ldhge", "JA6D");
        m.put("ngl_hdlge", "NBZI");
        m.put("ngl_hdhge", "9QMG");
        m.put("ngl_glnu", "FP8K");
        m.put("ngl_glnu_norm", "5SPA");
        m.put("ngl_dcnu", "Z87G");
        m.put("ngl_dcnu_norm", "OKJI");
        m.put("ngl_dc_perc", "6XV8");
        m.put("ngl_gl_var", "1PFV");
        m.put("ngl_dc_var", "DNX2");
        m.put("ngl_dc_entr", "FCBV");
        m.put("ngl_dc_energy", "CAS9");
        FEATURES = Collections.unmodifiableMap(m);
        Map<String, String> a = new LinkedHashMap<>();
        a.put("2D_avg", "BTW3");
        a.put("2D_comb", "SUJT");
        a.put("2_5D_avg", "JJUI");
        a.put("2_5D_comb", "ZW7Z");
        a.put("3D_avg", "ITBB");
        a.put("3D_comb", "IAZD");
        a.put("2D", "8QNN");
        a.put("2_5D", "62GR");
        a.put("3D", "KOBO");
        AGGREGATIONS = Collections.unmodifiableMap(a);
    }

    private IbsiCodes() {
    }

    /** The code name of a feature tag, or the tag itself when it has no code (diagnostics). */
    public static String codeOf(String tag) {
        String c = FEATURES.get(tag);
        if (c != null) {
            if (tag.matches("ivh_[vi]\\d+")) {
                return c + "_" + tag.substring(5);
            }
            return c;
        }
        for (Map.Entry<String, String> e : AGGREGATIONS.entrySet()) {
            String sfx = "_" + e.getKey();
            if (tag.endsWith(sfx)) {
                String base = tag.substring(0, tag.length() - sfx.length());
                String fc = FEATURES.get(base);
                if (fc != null) {
                    return fc + "_" + e.getValue();
                }
            }
        }
        return tag;
    }
}
