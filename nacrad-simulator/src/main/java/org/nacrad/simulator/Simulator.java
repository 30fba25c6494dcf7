package org.nacrad.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.io.AtomicFile;

/**
 * Writes a simulated cohort in the layout a hospital brings to {@code nacrad study} (see docs/simulator.md):
 * {@code manifest.csv}, {@code cycles.csv}, {@code images/<id>/…} NIfTI files, and the ground truth in
 * {@code truth.csv} and {@code truth-summary.json}, which the pipeline never reads.
 *
 * <p>Patients are drawn in parallel, each from its own random streams, and the tables are written in patient
 * order, so the files do not depend on the number of threads. Every file is written to a temporary name and moved
 * into place.
 */
public final class Simulator {

    private final SimulationConfig config;
    private final Centres centres;

    public Simulator(SimulationConfig config) {
        this(config, Centres.of(1));
    }

    /** A simulator of a multi-centre cohort ({@link Centres}). */
    public Simulator(SimulationConfig config, Centres centres) {
        this.config = config;
        this.centres = centres;
    }

    /** What a run produced. */
    public record Summary(int patients, double resistanceRate, double bayesAuc, double clinicalAuc, double imagingAuc,
                          double intercept) {
    }

    /** Draws the patients (no images), for tests and summaries. */
    public List<Patient> patients() {
        return List.of(CohortDraw.draw(config, LatentModel.calibrate(config)));
    }

    /**
     * Writes the cohort.
     *
     * @param out      output folder (created)
     * @param threads  worker threads
     * @param progress called with the number of patients done (may be null)
     */
    public Summary write(Path out, int threads, IntConsumer progress) throws IOException {
        LatentModel model = LatentModel.calibrate(config);
        // the patients first (tables only, fast: the outcomes may be conditioned on the whole cohort), then the images
        Patient[] patients = CohortDraw.draw(config, model);
        Files.createDirectories(out.resolve("images"));
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        IntConsumer one = i -> {
            Patient p = patients[i];
            try {
                writeImages(p, i, out.resolve("images").resolve(p.id()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (progress != null) {
                progress.accept(done.incrementAndGet());
            }
        };
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, config.patients()).parallel().forEach(one)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IOException(c.getMessage(), c);
        } finally {
            pool.shutdown();
        }
        String manifest = CohortTables.manifest(patients);
        if (centres.several()) {
            manifest = withCentreColumn(manifest);
            writeText(out.resolve("truth-centres.csv"), centres.table(patients.length));
        }
        writeText(out.resolve("manifest.csv"), manifest);
        writeText(out.resolve("cycles.csv"), CohortTables.cycles(patients));
        writeText(out.resolve("truth.csv"), CohortTables.truth(patients));
        Summary s = summarise(patients, model);
        writeText(out.resolve("truth-summary.json"), CohortTables.summaryJson(s, config, model));
        return s;
    }

    static Summary summarise(Patient[] patients, LatentModel model) {
        int n = patients.length;
        double[] p = new double[n];
        double[] c = new double[n];
        double[] im = new double[n];
        boolean[] y = new boolean[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            p[i] = patients[i].truth().probability();
            c[i] = patients[i].truth().clinicalPart();
            im[i] = patients[i].truth().imagingPart();
            y[i] = patients[i].truth().resistant();
            pos += y[i] ? 1 : 0;
        }
        return new Summary(n, (double) pos / n, Auc.of(p, y), Auc.of(c, y), Auc.of(im, y), model.intercept());
    }

    /** The manifest with a last column {@code centre}, row i naming patient i's centre. */
    private String withCentreColumn(String manifest) {
        String[] lines = manifest.split("\n", -1);
        StringBuilder b = new StringBuilder(lines[0]).append(",centre\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                b.append(lines[i]).append(',').append(centres.scannerOf(i - 1).name()).append('\n');
            }
        }
        return b.toString();
    }

    private void writeImages(Patient p, int index, Path dir) throws IOException {
        Files.createDirectories(dir);
        Phantom.Images im = new Phantom(config, p).draw();
        ImageIO.write(centres.record(index, im.t1()), dir.resolve("t1.nii.gz"));
        ImageIO.write(im.tumourMask(), dir.resolve("tumour.nii.gz"));
        ImageIO.writeSeries(im.dwi(), dir.resolve("dwi.nii.gz"));
        StringBuilder b = new StringBuilder();
        for (double bv : config.bValues()) {
            b.append(b.length() == 0 ? "" : " ").append(CohortTables.number(bv));
        }
        writeText(dir.resolve("dwi.bval"), b.append('\n').toString());
        ImageIO.write(im.dwiTumourMask(), dir.resolve("dwi_tumour.nii.gz"));
        ImageIO.write(im.referenceMask(), dir.resolve("reference.nii.gz"));
    }

    /** Writes a preview montage of the first {@code count} patients. */
    public void preview(Path png, int count) throws IOException {
        Patient[] patients = CohortDraw.draw(config, LatentModel.calibrate(config));
        List<Preview.Panel> panels = new ArrayList<>();
        for (int i = 0; i < Math.min(count, config.patients()); i++) {
            Patient p = patients[i];
            Phantom.Images im = new Phantom(config, p).draw();
            panels.add(new Preview.Panel(p.id() + (p.truth().resistant() ? " (resistant)" : " (sensitive)"), im.t1(),
                    im.tumourMask(), im.dwi().get(0), im.dwiTumourMask(), im.referenceMask()));
        }
        Preview.write(panels, png);
    }

    static void writeText(Path file, String text) throws IOException {
        AtomicFile.writeString(file, text);
    }

    /** Unused volumes are cheap to keep out of memory: patients are written as they are drawn. */
    static String describe(Volume v) {
        return String.format(Locale.ROOT, "%s %s", v.pixelType(), v.geometry());
    }
}
