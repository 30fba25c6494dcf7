package org.nacrad.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks an uploaded .zip (a DICOM series, or a DICOM-SEG/RTSTRUCT) into a folder of the request, refusing what
 * could write outside it or exhaust the disk: an entry with an absolute path or a {@code ..} that escapes the
 * folder, more entries than allowed, more bytes than allowed, or an expansion ratio above the limit. Sizes are
 * counted on the bytes actually inflated, never taken from the entry headers.
 */
final class SafeZip {

    private SafeZip() {
    }

    /** Whether a file starts like a zip (local file header or empty archive). */
    static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6));
        }
    }

    /**
     * Unpacks {@code zip} into the empty folder {@code into}.
     *
     * @param field    the form field, for messages
     * @param name     the uploaded file's name, for messages
     * @param budget   bytes the request may still unzip; returns what is left
     */
    static long unpack(Path zip, Path into, String field, String name, WebOptions o, long budget)
            throws IOException, WebException {
        String what = "The '" + field + "' zip (" + name + ")";
        long zipSize = Files.size(zip);
        long maxBytes = (long) Math.min(budget, Math.min((double) Long.MAX_VALUE, Math.max(1, zipSize) * o.maxZipRatio()));
        long total = 0;
        int entries = 0;
        Path root = into.toAbsolutePath().normalize();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = z.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++entries > o.maxZipEntries()) {
                    throw new WebException(413, field, what + " has more than " + o.maxZipEntries()
                            + " entries (the limit, --max-zip-entries).");
                }
                String n = e.getName().replace('\\', '/');
                if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
                    throw new WebException(400, field, what + " holds an entry with an absolute path; "
                            + "zip the series folder with relative paths.");
                }
                Path target = root.resolve(n).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new WebException(400, field, what + " holds an entry whose path leaves its folder "
                            + "(..); it is refused.");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e); OutputStream out = Files.newOutputStream(target,
                        java.nio.file.StandardOpenOption.CREATE_NEW)) {
                    byte[] buf = new byte[64 * 1024];
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        total += r;
                        if (total > maxBytes) {
                            throw total > budget
                                    ? new WebException(413, field, what + " unzips to more than the "
                                    + WebOptions.mb(o.maxUnzippedBytes()) + " a request may unzip (--max-unzipped-mb).")
                                    : new WebException(413, field, what + " expands more than " + ratio(o.maxZipRatio())
                                    + " times its size (the limit, --max-zip-ratio): refused as a possible zip bomb.");
                        }
                        out.write(buf, 0, r);
                    }
                } catch (java.nio.file.FileAlreadyExistsException ex) {
                    throw new WebException(400, field, what + " holds the same entry twice; it is refused.");
                }
            }
        } catch (ZipException e) {
            throw new WebException(400, field, what + " is not a readable zip file.");
        }
        if (entries == 0) {
            throw new WebException(400, field, what + " is empty.");
        }
        return budget - total;
    }

    private static String ratio(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
