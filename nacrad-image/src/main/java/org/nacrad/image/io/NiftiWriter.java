package org.nacrad.image.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Writes a volume as a single-file NIfTI image ({@code .nii}, or gzip-compressed when the name ends in
 * {@code .gz}), little endian, in its stored pixel type, the way ITK's {@code NiftiImageIO} writes it.
 *
 * <h2>Geometry conventions</h2>
 * LPS → RAS: the affine A = diag(−1, −1, 1) · [D·diag(spacing) | origin]. The sform rows are A (code 1,
 * scanner anatomical); the qform (code 1) holds the rotation of D as a quaternion (niftilib's
 * {@code nifti_mat44_to_quatern}, which assumes D orthonormal), {@code pixdim[0]} = qfac = sign of det D, and
 * {@code pixdim[1..3]} the spacing. {@code scl_slope} is 1, {@code xyzt_units} mm and s.
 *
 * <p>NIfTI-1 stores these in float32, so a NIfTI-1 round trip keeps the voxels exactly but the geometry only to
 * float32 precision (about 6e-8 relative), as with every NIfTI-1 tool. Note that this can exceed ITK's default
 * geometry tolerance: an origin of −116.54304 mm comes back as −116.54303741 mm, 2.6e-6 mm away, more than
 * 1e-6 × spacing; a mask written as NIfTI-1 for an image kept in NRRD then needs a looser tolerance. {@link Version#NIFTI2} stores doubles and
 * reads back spacing and origin exactly (direction within 1e-15), but ITK before 5.3 cannot read it.
 */
public final class NiftiWriter {

    /** The header layout to write. */
    public enum Version {
        /** 348-byte header, float32 geometry: readable everywhere. */
        NIFTI1,
        /** 540-byte header, float64 geometry. */
        NIFTI2
    }

    private NiftiWriter() {
    }

    /** Writes NIfTI-1, compressed when the file name ends in {@code .gz}. */
    public static void write(Volume volume, Path file) throws IOException {
        write(volume, file, Version.NIFTI1);
    }

    /**
     * Writes a series of volumes on one grid as one 4D NIfTI-1 file (dim[4] = number of volumes, pixdim[4] = 1),
     * e.g. a multi-b diffusion series; compressed when the name ends in {@code .gz}.
     */
    public static void writeSeries(List<Volume> volumes, Path file) throws IOException {
        if (volumes.isEmpty()) {
            throw new IllegalArgumentException(file + ": no volumes to write");
        }
        Volume first = volumes.get(0);
        for (int t = 1; t < volumes.size(); t++) {
            Volume v = volumes.get(t);
            if (!v.geometry().equals(first.geometry()) || v.pixelType() != first.pixelType()) {
                throw new IllegalArgumentException(file + ": volume " + t + " differs from volume 0 in grid or pixel "
                        + "type; a 4D series needs one grid and one type");
            }
        }
        boolean gzip = file.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        byte[] header = header1(first, volumes.size());
        AtomicFile.write(file, out -> {
            java.io.OutputStream o = gzip ? new GZIPOutputStream(out, 1 << 16) : out;
            o.write(header);
            for (Volume v : volumes) {
                VoxelCodec.encode(v.data(), v.pixelType(), ByteOrder.LITTLE_ENDIAN, o);
            }
            if (o instanceof GZIPOutputStream z) {
                z.finish();
            }
        });
    }

    /** Writes the given NIfTI version; the file is replaced atomically when complete. */
    public static void write(Volume volume, Path file, Version version) throws IOException {
        boolean gzip = file.toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        byte[] header = version == Version.NIFTI1 ? header1(volume, 1) : header2(volume);
        AtomicFile.write(file, out -> {
            if (gzip) {
                GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16);
                z.write(header);
                VoxelCodec.encode(volume.data(), volume.pixelType(), ByteOrder.LITTLE_ENDIAN, z);
                z.finish();
            } else {
                out.write(header);
                VoxelCodec.encode(volume.data(), volume.pixelType(), ByteOrder.LITTLE_ENDIAN, out);
            }
        });
    }

    static int datatype(PixelType t) {
        return switch (t) {
            case UINT8 -> 2;
            case INT16 -> 4;
            case INT32 -> 8;
            case FLOAT32 -> 16;
            case FLOAT64 -> 64;
            case INT8 -> 256;
            case UINT16 -> 512;
            case UINT32 -> 768;
            case INT64 -> 1024;
            case UINT64 -> 1280;
        };
    }

    /** The RAS affine rows (3×4) of a geometry. */
    static double[][] affine(Geometry g) {
        double[] d = g.direction();
        double[] s = g.spacing();
        double[] o = g.origin();
        double[][] a = new double[3][4];
        for (int r = 0; r < 3; r++) {
            double sign = r < 2 ? -1 : 1;
            for (int c = 0; c < 3; c++) {
                a[r][c] = sign * d[3 * r + c] * s[c] + 0.0;
            }
            a[r][3] = sign * o[r] + 0.0;
        }
        return a;
    }

    /**
     * Quaternion (b, c, d) and qfac of the RAS rotation diag(−1, −1, 1)·D, as niftilib's
     * {@code nifti_mat44_to_quatern} computes them for an orthonormal matrix.
     */
    static double[] quaternion(Geometry g) {
        double[] dir = g.direction();
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                r[i][c] = (i < 2 ? -1 : 1) * dir[3 * i + c];
            }
        }
        double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
                + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
        double qfac = 1;
        if (det <= 0) {
            qfac = -1;
            for (int i = 0; i < 3; i++) {
                r[i][2] = -r[i][2];
            }
        }
        double a = r[0][0] + r[1][1] + r[2][2] + 1.0, b, c, d;
        if (a > 0.5) {
            a = 0.5 * Math.sqrt(a);
            b = 0.25 * (r[2][1] - r[1][2]) / a;
            c = 0.25 * (r[0][2] - r[2][0]) / a;
            d = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1.0 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1.0 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1.0 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1.0) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[0][1] + r[1][0]) / b;
                d = 0.25 * (r[0][2] + r[2][0]) / b;
                a = 0.25 * (r[2][1] - r[1][2]) / b;
            } else if (yd > 1.0) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[0][1] + r[1][0]) / c;
                d = 0.25 * (r[1][2] + r[2][1]) / c;
                a = 0.25 * (r[0][2] - r[2][0]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[0][2] + r[2][0]) / d;
                c = 0.25 * (r[1][2] + r[2][1]) / d;
                a = 0.25 * (r[1][0] - r[0][1]) / d;
            }
            if (a < 0) {
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return new double[] {b, c, d, qfac};
    }

    /** The NIfTI-1 header of a volume, or of a 4D series of {@code t} such volumes when t &gt; 1. */
    private static byte[] header1(Volume v, int t) {
        Geometry g = v.geometry();
        ByteBuffer bb = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(0, 348);
        if (t > Short.MAX_VALUE) {
            throw new IllegalArgumentException("NIfTI-1 cannot hold " + t + " volumes");
        }
        short[] dim = {(short) (t > 1 ? 4 : 3), (short) g.nx(), (short) g.ny(), (short) g.nz(), (short) t, 1, 1, 1};
        for (int a = 0; a < 3; a++) {
            if (g.size(a) > Short.MAX_VALUE) {
                throw new IllegalArgumentException("NIfTI-1 cannot hold " + g.size(a) + " voxels along an axis; "
                        + "write NIfTI-2");
            }
        }
        for (int i = 0; i < 8; i++) {
            bb.putShort(40 + 2 * i, dim[i]);
        }
        bb.putShort(70, (short) datatype(v.pixelType()));
        bb.putShort(72, (short) (8 * v.pixelType().bytes()));
        double[] q = quaternion(g);
        bb.putFloat(76, (float) q[3]);
        for (int a = 0; a < 3; a++) {
            bb.putFloat(80 + 4 * a, (float) g.spacing(a));
        }
        if (t > 1) {
            bb.putFloat(92, 1);
        }
        bb.putFloat(108, 352);
        bb.putFloat(112, 1);
        bb.putFloat(116, 0);
        bb.put(123, (byte) 10);
        byte[] descrip = "nacrad".getBytes(StandardCharsets.US_ASCII);
        bb.put(148, descrip, 0, descrip.length);
        bb.putShort(252, (short) 1);
        bb.putShort(254, (short) 1);
        double[][] a = affine(g);
        bb.putFloat(256, (float) q[0]);
        bb.putFloat(260, (float) q[1]);
        bb.putFloat(264, (float) q[2]);
        for (int r = 0; r < 3; r++) {
            bb.putFloat(268 + 4 * r, (float) a[r][3]);
            for (int c = 0; c < 4; c++) {
                bb.putFloat(280 + 16 * r + 4 * c, (float) a[r][c]);
            }
        }
        bb.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        return bb.array();
    }

    private static byte[] header2(Volume v) {
        Geometry g = v.geometry();
        ByteBuffer bb = ByteBuffer.allocate(544).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(0, 540);
        byte[] magic = {'n', '+', '2', 0, '\r', '\n', 0x1a, '\n'};
        bb.put(4, magic, 0, 8);
        bb.putShort(12, (short) datatype(v.pixelType()));
        bb.putShort(14, (short) (8 * v.pixelType().bytes()));
        long[] dim = {3, g.nx(), g.ny(), g.nz(), 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            bb.putLong(16 + 8 * i, dim[i]);
        }
        double[] q = quaternion(g);
        bb.putDouble(104, q[3]);
        for (int a = 0; a < 3; a++) {
            bb.putDouble(112 + 8 * a, g.spacing(a));
        }
        bb.putLong(168, 544);
        bb.putDouble(176, 1);
        bb.putDouble(184, 0);
        byte[] descrip = "nacrad".getBytes(StandardCharsets.US_ASCII);
        bb.put(240, descrip, 0, descrip.length);
        bb.putInt(344, 1);
        bb.putInt(348, 1);
        double[][] a = affine(g);
        bb.putDouble(352, q[0]);
        bb.putDouble(360, q[1]);
        bb.putDouble(368, q[2]);
        for (int r = 0; r < 3; r++) {
            bb.putDouble(376 + 8 * r, a[r][3]);
            for (int c = 0; c < 4; c++) {
                bb.putDouble(400 + 32 * r + 8 * c, a[r][c]);
            }
        }
        bb.putInt(500, 10);
        return bb.array();
    }
}
