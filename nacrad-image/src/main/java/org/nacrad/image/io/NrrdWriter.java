package org.nacrad.image.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Writes a volume as a NRRD file with attached header, in its stored pixel type, little endian, gzip-compressed
 * by default, in LPS space ({@code space: left-posterior-superior}). Each {@code space directions} vector is
 * spacing × direction column and {@code space origin} the centre of voxel 0 (the conventions of
 * {@link NrrdReader}), with every number printed so that it parses back to the same double: an axis-aligned
 * volume reads back bit for bit; for an oblique one the spacing is recovered as a vector length, which may
 * differ in the last bit (as with ITK).
 */
public final class NrrdWriter {

    private NrrdWriter() {
    }

    /** Writes gzip-compressed NRRD. */
    public static void write(Volume volume, Path file) throws IOException {
        write(volume, file, true);
    }

    /** Writes NRRD, gzip-compressed or raw. The file is replaced atomically when complete. */
    public static void write(Volume volume, Path file, boolean gzip) throws IOException {
        AtomicFile.write(file, out -> {
            out.write(header(volume.geometry(), volume.pixelType(), gzip).getBytes(StandardCharsets.US_ASCII));
            if (gzip) {
                GZIPOutputStream z = new GZIPOutputStream(out, 1 << 16);
                VoxelCodec.encode(volume.data(), volume.pixelType(), ByteOrder.LITTLE_ENDIAN, z);
                z.finish();
            } else {
                VoxelCodec.encode(volume.data(), volume.pixelType(), ByteOrder.LITTLE_ENDIAN, out);
            }
        });
    }

    static String header(Geometry g, PixelType type, boolean gzip) {
        double[] d = g.direction();
        double[] s = g.spacing();
        double[] o = g.origin();
        StringBuilder h = new StringBuilder();
        h.append("NRRD0004\n# written by nacrad\n");
        h.append("type: ").append(typeName(type)).append('\n');
        h.append("dimension: 3\nspace: left-posterior-superior\n");
        h.append("sizes: ").append(g.nx()).append(' ').append(g.ny()).append(' ').append(g.nz()).append('\n');
        h.append("space directions:");
        for (int c = 0; c < 3; c++) {
            h.append(" (").append(d[c] * s[c]).append(',').append(d[3 + c] * s[c]).append(',')
                    .append(d[6 + c] * s[c]).append(')');
        }
        h.append("\nkinds: domain domain domain\n");
        if (type.bytes() > 1) {
            h.append("endian: little\n");
        }
        h.append("encoding: ").append(gzip ? "gzip" : "raw").append('\n');
        h.append("space origin: (").append(o[0]).append(',').append(o[1]).append(',').append(o[2]).append(")\n\n");
        return h.toString();
    }

    private static String typeName(PixelType t) {
        return switch (t) {
            case UINT8 -> "uint8";
            case INT8 -> "int8";
            case UINT16 -> "uint16";
            case INT16 -> "int16";
            case UINT32 -> "uint32";
            case INT32 -> "int32";
            case UINT64 -> "uint64";
            case INT64 -> "int64";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
        };
    }
}
