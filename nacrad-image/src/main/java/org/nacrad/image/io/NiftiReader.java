package org.nacrad.image.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nacrad.image.Geometry;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.ImageLimits;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Reads 3D scalar NIfTI-1 and NIfTI-2 images ({@code .nii}, {@code .nii.gz}, and {@code .hdr}/{@code .img} pairs,
 * optionally gzipped) with the geometry and pixel type ITK's {@code NiftiImageIO} (so SimpleITK and PyRadiomics)
 * gives them.
 *
 * <h2>Geometry conventions</h2>
 * NIfTI maps a voxel index to RAS+ millimetres with one of two 4×4 matrices; ITK works in LPS. ITK 5 (and this
 * reader) proceeds as follows; the steps were checked against ITK 5.2.1 itself on files covering each branch
 * ({@code src/test/fixtures-gen/itk_dump.cxx}).
 * <ol>
 * <li>Spacing is {@code pixdim[1..3]}, the float32 values widened to double (0.8 becomes 0.800000011920929),
 *     whatever the matrices say. A zero, negative or non-finite pixdim of a used axis is refused, naming the
 *     field: NIfTI-1 gives it no meaning (niftilib and ITK read 0 and NaN as 1 and a negative size by its
 *     magnitude; nacrad does not guess a voxel size).</li>
 * <li>The qform matrix comes from the quaternion (b, c, d; a = √(1 − b² − c² − d²), or a 180° turn when that is
 *     below 1e-7), the voxel sizes and {@code qfac} = sign of {@code pixdim[0]} (−1 flips the k axis), evaluated
 *     as niftilib's {@code nifti_quatern_to_mat44} and stored in float32 (NIfTI-1). As in niftilib, a
 *     {@code pixdim[0]} of 0 means qfac = 1 (the standard's rule) and any other value counts by its sign; a
 *     non-finite one is refused when the qform is set. The sform matrix is the three {@code srow} rows; a
 *     non-finite quaternion, offset or sform value is refused.</li>
 * <li>Choice between them (ITK's rule): with neither code set, the origin is 0 and the direction the identity.
 *     Otherwise the sform is used when it agrees with the qform element by element (3×3 part within 1e-5,
 *     translation and bottom row within 1e-7 in 1-norm), or when it is an affine whose normalised columns are
 *     orthonormal within 1e-4 and either the qform code is unset, or the sform code is 1 (scanner anatomical),
 *     or both codes are set and the two matrices have the same rotation, scales and offsets within 1e-4. A
 *     sheared sform is therefore never used for direction. Otherwise the qform is used if its code is set; else
 *     the file is rejected (no orthonormal orientation).</li>
 * <li>RAS → LPS: origin = (−m₀₃, −m₁₃, m₂₃); direction column c = (−m₀c, −m₁c, m₂c) normalised to unit length.
 *     The direction is not orthonormalised further.</li>
 * </ol>
 *
 * <h2>Pixel type and scaling</h2>
 * Scalar datatypes 2, 4, 8, 16, 64, 256, 512, 768, 1024 and 1280 keep their type (uint8 … float64). When
 * {@code scl_slope} is non-zero and the pair (slope, inter) is not (1, 0), values are rescaled as ITK does and
 * the image becomes FLOAT32 (FLOAT64 if stored as float64): {@code (float) ((double) (float) raw × slope + inter)}.
 * A zero or non-finite slope means "no scaling". Complex, RGB and 4D+ images are rejected.
 *
 * <p>NIfTI-2 (which ITK 5.2 cannot read; later ITK versions can) follows the same rules with its double
 * precision fields. Plain Analyze 7.5 headers (no NIfTI magic) are rejected because their orientation is
 * ambiguous.
 */
public final class NiftiReader {

    private NiftiReader() {
    }

    /** The parsed header: the fields nacrad uses, matrices as double (float32-valued for NIfTI-1). */
    record Header(int version, boolean pair, ByteOrder order, int[] dim, int datatype, double[] pixdim,
            long voxOffset, double sclSlope, double sclInter, int qformCode, int sformCode, double[] quatern,
            double[] qoffset, double[][] srow) {
    }

    /** Reads a NIfTI file; for a pair, either the {@code .hdr} or the {@code .img} may be named. */
    public static Volume read(Path file) throws IOException {
        return read(file, false).get(0);
    }

    /**
     * Reads a 3D or 4D NIfTI file as a series of 3D volumes on one grid (one per index along the 4th dimension,
     * e.g. the b-values of a diffusion series); a 3D file gives one volume. Dimensions 5 to 7 must be 1.
     */
    public static List<Volume> readSeries(Path file) throws IOException {
        return read(file, true);
    }

    private static List<Volume> read(Path file, boolean series) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path headerFile = file;
        if (name.endsWith(".img") || name.endsWith(".img.gz")) {
            headerFile = sibling(file, name.endsWith(".gz") ? ".img.gz" : ".img", ".hdr");
        }
        Header h;
        try (InputStream in = open(headerFile)) {
            h = parseHeader(in, headerFile.toString());
            if (!h.pair) {
                return readData(in, h, headerFile.toString(), h.version == 1 ? 348 : 540, isGzip(headerFile), series);
            }
        }
        String headerName = headerFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!headerName.endsWith(".hdr") && !headerName.endsWith(".hdr.gz")) {
            throw new ImageFormatException(headerFile, "NIfTI magic 'ni1'/'ni2' says the voxels are in a separate "
                    + ".img file, but this file is not named .hdr (a single-file .nii has the magic 'n+1'/'n+2')");
        }
        Path imageFile = sibling(headerFile, headerName.endsWith(".hdr.gz") ? ".hdr.gz" : ".hdr", ".img");
        if (!Files.exists(imageFile) && Files.exists(Path.of(imageFile + ".gz"))) {
            imageFile = Path.of(imageFile + ".gz");
        }
        try (InputStream in = open(imageFile)) {
            return readData(in, h, imageFile.toString(), 0, isGzip(imageFile), series);
        }
    }

    private static Path sibling(Path file, String suffix, String replacement) {
        String s = file.toString();
        int cut = s.toLowerCase(Locale.ROOT).lastIndexOf(suffix);
        return Path.of(s.substring(0, cut) + replacement);
    }

    /**
     * Opens a file, transparently gunzipping it (with the integrity checks of {@link CompressedInput}) when it starts
     * with the gzip magic.
     */
    static InputStream open(Path file) throws IOException {
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new ImageFormatException(file, "file not found", e);
        }
        if (isGzip(file)) {
            try {
                return CompressedInput.gzip(raw, file.toString());
            } catch (IOException e) {
                raw.close();
                throw e;
            }
        }
        return raw;
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (NoSuchFileException e) {
            throw new ImageFormatException(file, "file not found", e);
        }
    }

    static Header parseHeader(InputStream in, String file) throws IOException {
        byte[] first = in.readNBytes(348);
        if (first.length < 4) {
            throw new ImageFormatException(file, "file is empty or too short to hold a NIfTI header");
        }
        ByteBuffer bb = ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN);
        int sizeofHdr = bb.getInt(0);
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (sizeofHdr != 348 && sizeofHdr != 540) {
            order = ByteOrder.BIG_ENDIAN;
            sizeofHdr = Integer.reverseBytes(sizeofHdr);
        }
        if (sizeofHdr != 348 && sizeofHdr != 540) {
            throw new ImageFormatException(file, "not a NIfTI file (its first 4 bytes are not a NIfTI header size, "
                    + "348 or 540)");
        }
        byte[] all = first;
        if (sizeofHdr == 540) {
            byte[] rest = in.readNBytes(540 - first.length);
            all = new byte[first.length + rest.length];
            System.arraycopy(first, 0, all, 0, first.length);
            System.arraycopy(rest, 0, all, first.length, rest.length);
        }
        if (all.length < sizeofHdr) {
            throw new ImageFormatException(file, "NIfTI header is truncated (" + all.length + " of " + sizeofHdr
                    + " bytes)");
        }
        bb = ByteBuffer.wrap(all).order(order);
        return sizeofHdr == 348 ? parse1(bb, file) : parse2(bb, file);
    }

    private static Header parse1(ByteBuffer bb, String file) throws IOException {
        String magic = new String(new byte[] {bb.get(344), bb.get(345), bb.get(346)}, StandardCharsets.ISO_8859_1);
        if (!magic.equals("n+1") && !magic.equals("ni1") || bb.get(347) != 0) {
            throw new ImageFormatException(file, "no NIfTI-1 magic ('n+1' or 'ni1'): plain Analyze 7.5 files are "
                    + "not supported");
        }
        int[] dim = new int[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = bb.getShort(40 + 2 * i);
        }
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = bb.getFloat(76 + 4 * i);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = bb.getFloat(280 + 16 * r + 4 * c);
            }
        }
        float voxOffset = bb.getFloat(108);
        return new Header(1, magic.equals("ni1"), bb.order(), dim, bb.getShort(70), pixdim, (long) voxOffset,
                bb.getFloat(112), bb.getFloat(116), bb.getShort(252), bb.getShort(254),
                new double[] {bb.getFloat(256), bb.getFloat(260), bb.getFloat(264)},
                new double[] {bb.getFloat(268), bb.getFloat(272), bb.getFloat(276)}, srow);
    }

    private static Header parse2(ByteBuffer bb, String file) throws IOException {
        String magic = new String(new byte[] {bb.get(4), bb.get(5), bb.get(6)}, StandardCharsets.ISO_8859_1);
        if (!magic.equals("n+2") && !magic.equals("ni2")) {
            throw new ImageFormatException(file, "no NIfTI-2 magic ('n+2' or 'ni2') although sizeof_hdr is 540");
        }
        int[] dim = new int[8];
        for (int i = 0; i < 8; i++) {
            long d = bb.getLong(16 + 8 * i);
            if (d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
                throw new ImageFormatException(file, "NIfTI-2 dim[" + i + "] = " + d + " is out of range");
            }
            dim[i] = (int) d;
        }
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = bb.getDouble(104 + 8 * i);
        }
        double[][] srow = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                srow[r][c] = bb.getDouble(400 + 32 * r + 8 * c);
            }
        }
        return new Header(2, magic.equals("ni2"), bb.order(), dim, bb.getShort(12), pixdim, bb.getLong(168),
                bb.getDouble(176), bb.getDouble(184), bb.getInt(344), bb.getInt(348),
                new double[] {bb.getDouble(352), bb.getDouble(360), bb.getDouble(368)},
                new double[] {bb.getDouble(376), bb.getDouble(384), bb.getDouble(392)}, srow);
    }

    static PixelType pixelType(int datatype, String file) throws IOException {
        return switch (datatype) {
            case 2 -> PixelType.UINT8;
            case 4 -> PixelType.INT16;
            case 8 -> PixelType.INT32;
            case 16 -> PixelType.FLOAT32;
            case 64 -> PixelType.FLOAT64;
            case 256 -> PixelType.INT8;
            case 512 -> PixelType.UINT16;
            case 768 -> PixelType.UINT32;
            case 1024 -> PixelType.INT64;
            case 1280 -> PixelType.UINT64;
            default -> throw new ImageFormatException(file, "NIfTI datatype " + datatype
                    + " is not a supported scalar type (complex, RGB and float128 images cannot be read)");
        };
    }

    /** Number of volumes along the 4th dimension (1 for a 3D image). */
    private static int volumes(Header h) {
        return h.dim[0] >= 4 ? Math.max(1, h.dim[4]) : 1;
    }

    private static int[] size(Header h, String file, boolean series) throws IOException {
        int ndim = h.dim[0];
        if (ndim < 1 || ndim > 7) {
            throw new ImageFormatException(file, "inconsistent NIfTI header: dim[0] = " + ndim
                    + " (must be 1 to 7; byte order unreadable?)");
        }
        int[] size = {1, 1, 1};
        for (int i = 1; i <= ndim; i++) {
            if (h.dim[i] < 1) {
                throw new ImageFormatException(file, "inconsistent NIfTI header: dim[" + i + "] = " + h.dim[i]);
            }
            if (i <= 3) {
                size[i - 1] = h.dim[i];
            } else if (i == 4 && series) {
                continue;
            } else if (h.dim[i] > 1) {
                throw new ImageFormatException(file, "image has " + h.dim[i] + " entries along dimension " + i
                        + " (4D or vector image); only 3D scalar images are supported");
            }
        }
        return size;
    }

    private static List<Volume> readData(InputStream in, Header h, String file, long alreadyRead, boolean gz,
                                         boolean series) throws IOException {
        int[] size = size(h, file, series);
        int nt = series ? volumes(h) : 1;
        PixelType stored = pixelType(h.datatype, file);
        long count = ImageLimits.product(size[0], size[1], size[2]);
        ImageLimits.require(file, "image of " + size[0] + "×" + size[1] + "×" + size[2]
                + (nt > 1 ? "×" + nt : "") + " voxels", ImageLimits.product(count, nt), Double.BYTES);
        Geometry geometry = geometry(h, size, file);
        if (h.voxOffset < 0 || h.voxOffset > Integer.MAX_VALUE) {
            throw new ImageFormatException(file, "inconsistent NIfTI header: vox_offset " + h.voxOffset
                    + " is " + (h.voxOffset < 0 ? "negative" : "beyond 2 GB"));
        }
        long skip = Math.max(0, h.voxOffset - alreadyRead);
        try {
            in.skipNBytes(skip);
        } catch (java.io.EOFException e) {
            throw new ImageFormatException(file, "data is truncated: file ends before vox_offset " + h.voxOffset, e);
        }
        List<Volume> out = new ArrayList<>(nt);
        for (int t = 0; t < nt; t++) {
            out.add(scaled(geometry, stored, VoxelCodec.read(in, count, stored, h.order, file, gz), h));
        }
        CompressedInput.requireEnd(in);
        return out;
    }

    /** Applies scl_slope/scl_inter as ITK does (see the class documentation). */
    private static Volume scaled(Geometry geometry, PixelType stored, double[] data, Header h) {
        double slope = Double.isFinite(h.sclSlope) ? h.sclSlope : 0;
        double inter = Double.isFinite(h.sclInter) ? h.sclInter : 0;
        double eps = Math.ulp(1.0);
        boolean rescale = Math.abs(slope) > eps && (Math.abs(slope - 1) > eps || Math.abs(inter) > eps);
        if (!rescale) {
            return new Volume(geometry, stored, data);
        }
        if (stored == PixelType.FLOAT64) {
            for (int n = 0; n < data.length; n++) {
                data[n] = data[n] * slope + inter;
            }
            return new Volume(geometry, PixelType.FLOAT64, data);
        }
        for (int n = 0; n < data.length; n++) {
            data[n] = (float) ((double) (float) data[n] * slope + inter);
        }
        return new Volume(geometry, PixelType.FLOAT32, data);
    }

    /** ITK's geometry for a parsed header (see the class documentation). */
    static Geometry geometry(Header h, int[] size, String file) throws IOException {
        double[] spacing = new double[3];
        for (int a = 0; a < 3; a++) {
            spacing[a] = a < h.dim[0] ? voxelSize(h, a + 1, file) : 1;
        }
        if (h.qformCode > 0 && !Double.isFinite(h.pixdim[0])) {
            throw new ImageFormatException(file, "NIfTI pixdim[0] (qfac, the handedness of the qform) is "
                    + h.pixdim[0] + ": it must be -1 or 1");
        }
        if (h.qformCode <= 0 && h.sformCode <= 0) {
            return new Geometry(size, spacing, new double[3], Geometry.identity());
        }
        for (double v : h.quatern) {
            if (h.qformCode > 0 && !Double.isFinite(v)) {
                throw new ImageFormatException(file, "NIfTI qform quaternion (quatern_b/c/d) is not finite: "
                        + java.util.Arrays.toString(h.quatern));
            }
        }
        boolean single = h.version == 1;
        double[][] q = h.qformCode > 0 ? quaternToMat44(h, single) : null;
        double[][] s = h.sformCode > 0 ? sform(h) : null;
        double[][] m = choose(q, s, h);
        if (m == null) {
            throw new ImageFormatException(file, "no usable orientation: the sform is not orthonormal and no qform is "
                    + "set (ITK only supports orthonormal direction cosines)");
        }
        // "+ 0.0" turns the −0.0 of a negated zero into 0.0, as ITK reports it
        double[] origin = {-m[0][3] + 0.0, -m[1][3] + 0.0, m[2][3] + 0.0};
        double[] direction = new double[9];
        for (int c = 0; c < 3; c++) {
            double x = -m[0][c], y = -m[1][c], z = m[2][c];
            double norm = Math.sqrt(x * x + y * y + z * z);
            if (norm == 0) {
                throw new ImageFormatException(file, "orientation matrix has a zero column " + c);
            }
            direction[c] = x / norm + 0.0;
            direction[3 + c] = y / norm + 0.0;
            direction[6 + c] = z / norm + 0.0;
        }
        try {
            return new Geometry(size, spacing, origin, direction);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(file, "inconsistent NIfTI header: " + e.getMessage(), e);
        }
    }

    /**
     * {@code pixdim[i]}, the voxel size along axis i (1–3), which must be a positive finite number: NIfTI-1 defines
     * no meaning for a zero, negative or non-finite size (niftilib and ITK would read 0 and NaN as 1 and −1 as 1,
     * nibabel warns), so such a file is refused rather than given a guessed voxel size. An axis flip is written in
     * the qform (qfac, {@code pixdim[0]}) or the sform, never as a negative size.
     */
    private static double voxelSize(Header h, int i, String file) throws ImageFormatException {
        double p = h.pixdim[i];
        String field = "NIfTI pixdim[" + i + "] (voxel size along " + "ijk".charAt(i - 1) + ") is ";
        if (!Double.isFinite(p)) {
            throw new ImageFormatException(file, field + p + ": a voxel size must be a finite number of mm");
        }
        if (p == 0) {
            throw new ImageFormatException(file, field + "0: the voxel size is undefined");
        }
        if (p < 0) {
            throw new ImageFormatException(file, field + fmt(p) + ": voxel sizes are positive in NIfTI (an axis "
                    + "flip belongs in the qform, via qfac = pixdim[0], or in the sform)");
        }
        return p;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static double[][] sform(Header h) {
        double[][] s = new double[4][4];
        for (int r = 0; r < 3; r++) {
            s[r] = h.srow[r].clone();
        }
        s[3] = new double[] {0, 0, 0, 1};
        return s;
    }

    /** ITK's choice between qform and sform; null when neither is usable. */
    private static double[][] choose(double[][] q, double[][] s, Header h) {
        boolean similar = q != null && s != null && elementwiseSimilar(s, q);
        boolean preferS = similar;
        if (!preferS || h.sformCode > 0) {
            if (s != null && orthonormalAffine(s)) {
                if (h.qformCode <= 0) {
                    preferS = true;
                } else if (h.sformCode == 1) {
                    preferS = true;
                } else {
                    preferS = verySimilar(s, q);
                }
            }
        }
        if (preferS) {
            return s;
        }
        return q;
    }

    private static boolean elementwiseSimilar(double[][] s, double[][] q) {
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (!(Math.abs(s[r][c] - q[r][c]) <= 1e-5)) {
                    return false;
                }
            }
        }
        double t = 0, b = 0;
        for (int r = 0; r < 4; r++) {
            t += Math.abs(s[r][3] - q[r][3]);
            b += Math.abs(s[3][r] - q[3][r]);
        }
        return t <= 1e-7 && b <= 1e-7;
    }

    /** Columns normalised, R·Rᵀ within 1e-4 of the identity, bottom row (0, 0, 0, 1), invertible. */
    private static boolean orthonormalAffine(double[][] m) {
        double[] cols = new double[9];
        for (int c = 0; c < 3; c++) {
            double n = Math.sqrt(m[0][c] * m[0][c] + m[1][c] * m[1][c] + m[2][c] * m[2][c]);
            if (!(n > 0)) {
                return false;
            }
            for (int r = 0; r < 3; r++) {
                cols[3 * r + c] = m[r][c] / n;
            }
        }
        for (int r = 0; r < 3; r++) {
            for (int r2 = 0; r2 < 3; r2++) {
                double dot = cols[3 * r] * cols[3 * r2] + cols[3 * r + 1] * cols[3 * r2 + 1]
                        + cols[3 * r + 2] * cols[3 * r2 + 2];
                if (Math.abs(dot - (r == r2 ? 1 : 0)) > 1e-4) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether two orthogonal-column affines have the same rotation, scales and offsets within 1e-4. ITK compares
     * the SVDs of the 3×3 parts; for matrices with orthogonal columns (the only ones reaching this test) that is
     * the comparison of the normalised columns and of the column lengths made here.
     */
    private static boolean verySimilar(double[][] s, double[][] q) {
        for (int c = 0; c < 3; c++) {
            double ns = Math.sqrt(s[0][c] * s[0][c] + s[1][c] * s[1][c] + s[2][c] * s[2][c]);
            double nq = Math.sqrt(q[0][c] * q[0][c] + q[1][c] * q[1][c] + q[2][c] * q[2][c]);
            if (Math.abs(ns - nq) > 1e-4) {
                return false;
            }
            for (int r = 0; r < 3; r++) {
                if (Math.abs(s[r][c] / ns - q[r][c] / nq) > 1e-4) {
                    return false;
                }
            }
        }
        for (int r = 0; r < 3; r++) {
            if (Math.abs(s[r][3] - q[r][3]) > 1e-4) {
                return false;
            }
        }
        return true;
    }

    /**
     * The qform matrix as niftilib's {@code nifti_quatern_to_mat44} computes it (double arithmetic, result rounded
     * to float32 for NIfTI-1). Voxel sizes are the pixdim values (those of unused axes, ≤ 0, read as 1).
     */
    static double[][] quaternToMat44(Header h, boolean single) {
        double b = h.quatern[0], c = h.quatern[1], d = h.quatern[2];
        double a = 1.0 - (b * b + c * c + d * d);
        if (a < 1e-7) {
            a = 1.0 / Math.sqrt(b * b + c * c + d * d);
            b *= a;
            c *= a;
            d *= a;
            a = 0;
        } else {
            a = Math.sqrt(a);
        }
        double xd = h.pixdim[1] > 0 ? h.pixdim[1] : 1;
        double yd = h.pixdim[2] > 0 ? h.pixdim[2] : 1;
        double zd = h.pixdim[3] > 0 ? h.pixdim[3] : 1;
        if (h.pixdim[0] < 0) {
            zd = -zd;
        }
        double[][] r = {
            {(a * a + b * b - c * c - d * d) * xd, 2 * (b * c - a * d) * yd, 2 * (b * d + a * c) * zd, h.qoffset[0]},
            {2 * (b * c + a * d) * xd, (a * a + c * c - b * b - d * d) * yd, 2 * (c * d - a * b) * zd, h.qoffset[1]},
            {2 * (b * d - a * c) * xd, 2 * (c * d + a * b) * yd, (a * a + d * d - c * c - b * b) * zd, h.qoffset[2]},
            {0, 0, 0, 1},
        };
        if (single) {
            for (double[] row : r) {
                for (int k = 0; k < 4; k++) {
                    row[k] = (float) row[k];
                }
            }
        }
        return r;
    }
}
