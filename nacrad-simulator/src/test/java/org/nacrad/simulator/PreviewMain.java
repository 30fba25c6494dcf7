package org.nacrad.simulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class PreviewMain {
    public static void main(String[] a) throws Exception {
        SimulationConfig c = SimulationConfig.defaults();
        LatentModel m = LatentModel.calibrate(c);
        PatientGenerator g = new PatientGenerator(c, m);
        List<Preview.Panel> panels = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            Patient p = g.generate(i);
            Phantom.Images im = new Phantom(c, p).draw();
            panels.add(new Preview.Panel(p.id() + (p.truth().resistant() ? " R" : " S"), im.t1(), im.tumourMask(), im.dwi().get(0), im.dwiTumourMask(), im.referenceMask()));
            int tv = 0; for (double v : im.tumourMask().data()) if (v > 0) tv++;
            int rv = 0; for (double v : im.referenceMask().data()) if (v > 0) rv++;
            System.out.println(p.id() + " tumour voxels " + tv + " ref voxels " + rv + " diam " + p.baselineMm() + " margin " + p.tissue().margin() + " nec " + p.tissue().necrosis());
        }
        System.out.println("ms per patient " + (System.nanoTime() - t0) / 5e6);
        Preview.write(panels, Path.of(a[0]));
    }
}
