package org.nacrad.radiomics.ibsi;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.testkit.ReferenceData;

class IbsiScratchTest {
    @Test
    void scratch() throws Exception {
        for (char ch : System.getProperty("ibsi.scratch", "C").toCharArray()) {
            run(String.valueOf(ch));
        }
    }

    void run(String which) throws Exception {
        System.out.println("== " + which);
        IbsiSettings s;
        Path img, msk;
        java.util.List<IbsiReference.Row> rows;
        if (which.equals("P")) {
            s = IbsiSettings.digitalPhantom();
            img = ReferenceData.file("ibsi", "digital_phantom", "image.nii.gz");
            msk = ReferenceData.file("ibsi", "digital_phantom", "mask.nii.gz");
            rows = IbsiReference.digitalPhantom();
        } else {
            s = IbsiConfigs.config(which.charAt(0));
            img = ReferenceData.file("ibsi", "ct_phantom", "nifti", "image.nii.gz");
            msk = ReferenceData.file("ibsi", "ct_phantom", "nifti", "mask.nii.gz");
            rows = IbsiReference.config(which.charAt(0));
        }
        long t = System.nanoTime();
        IbsiResult r = new IbsiExtractor(s).execute(img, msk, null);
        System.out.printf("time %.1f ms%n", (System.nanoTime() - t) / 1e6);
        Map<String, Double> all = r.all();
        int pass = 0, fail = 0, missing = 0;
        for (IbsiReference.Row row : rows) {
            Double v = all.get(row.tag());
            if (row.reference() == null) {
                continue;
            }
            if (v == null) {
                missing++;
                continue;
            }
            boolean ok = row.passes(v);
            if (ok) pass++; else fail++;
            if (!ok) System.out.printf("FAIL %-40s ours %.6g ref %s tol %s%n", row.tag(), v, row.reference(), row.allowed());
        }
        System.out.printf("pass %d fail %d missing %d%n", pass, fail, missing);
    }
}
