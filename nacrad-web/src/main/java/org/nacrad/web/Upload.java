package org.nacrad.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Promise;

/**
 * One request's multipart upload, kept in its own private folder: the plain fields (trimmed, blank ones left out)
 * and the files, each under a folder named after its field; a .zip is unpacked there ({@link SafeZip}) and stands
 * for the DICOM series folder or the single file it holds. {@link #close()} deletes the folder, whatever happened.
 *
 * <p>Jetty's multipart parser (no hand-written parsing) writes parts to the folder and enforces the request size;
 * each file's own limit is checked here so that the message can name the field.
 */
final class Upload implements AutoCloseable {

    /** Longest plain field, characters. */
    static final int MAX_FIELD = 10_000;

    private final Path dir;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    private Upload(Path dir) {
        this.dir = dir;
    }

    /** Plain fields by name. */
    Map<String, String> fields() {
        return fields;
    }

    /** Files (or unpacked DICOM folders) by field name. */
    Map<String, Path> files() {
        return files;
    }

    /** The uploaded file name of a field. */
    String fileName(String field) {
        return names.get(field);
    }

    /**
     * Reads a request's upload into {@code dir} (a new, empty, private folder).
     *
     * @param fileFields the fields that are files; any other file part is refused
     * @param deadline   System.nanoTime() by which the upload must be read
     */
    static Upload read(Request request, Path dir, WebOptions o, Set<String> fileFields, long deadline)
            throws WebException, IOException {
        Upload u = new Upload(dir);
        try {
            u.parse(request, o, fileFields, deadline);
            return u;
        } catch (WebException | IOException | RuntimeException e) {
            u.close();
            throw e;
        }
    }

    private void parse(Request request, WebOptions o, Set<String> fileFields, long deadline)
            throws WebException, IOException {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new WebException(415, null, "Send the inputs as multipart/form-data (files and fields named like "
                    + "the manifest's columns).");
        }
        long length = request.getLength();
        if (length > o.maxUploadBytes()) {
            throw new WebException(413, null, "The upload (" + WebOptions.mb(length) + ") is larger than the "
                    + WebOptions.mb(o.maxUploadBytes()) + " a request may carry (--max-upload-mb).");
        }
        Path parts = Files.createDirectory(dir.resolve(".parts"));
        MultiPartConfig config = new MultiPartConfig.Builder().location(parts).maxSize(o.maxUploadBytes())
                .maxPartSize(o.maxUploadBytes()).maxParts(64).maxMemoryPartSize(16 * 1024).maxHeadersSize(8 * 1024)
                .useFilesForPartsWithoutFileName(true).build();
        CompletableFuture<MultiPartFormData.Parts> future = new CompletableFuture<>();
        MultiPartFormData.onParts(request, request, contentType, config, Promise.Invocable.toPromise(future));
        MultiPartFormData.Parts all;
        try {
            all = future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Jetty stops reading when the response is sent; whatever it wrote after this is deleted when it ends
            future.whenComplete((p, t) -> {
                if (p != null) {
                    p.close();
                }
                delete(dir);
            });
            throw new WebException(408, null, "The upload did not arrive within the "
                    + o.requestTimeout().toSeconds() + " s a request may take (--request-timeout).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebException(503, null, "The server is stopping.");
        } catch (ExecutionException e) {
            String why = String.valueOf(e.getCause() == null ? null : e.getCause().getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (why.contains("max") && (why.contains("length") || why.contains("size") || why.contains("exceed"))) {
                throw new WebException(413, null, "The upload is larger than the " + WebOptions.mb(o.maxUploadBytes())
                        + " a request may carry (--max-upload-mb).");
            }
            if (why.contains("parts")) {
                throw new WebException(400, null, "The upload has too many parts (at most 64).");
            }
            throw new WebException(400, null, "The upload is not a readable multipart/form-data body.");
        }
        try {
            long unzipBudget = o.maxUnzippedBytes();
            for (MultiPart.Part p : all) {
                String name = p.getName();
                if (name == null || name.isBlank()) {
                    throw new WebException(400, null, "A part of the upload has no name; name each part like the "
                            + "manifest's columns.");
                }
                if (!name.matches("[A-Za-z0-9_.-]{1,100}")) {
                    throw new WebException(400, null, "A part of the upload has an invalid name; use the manifest's "
                            + "column names (letters, digits, _ . -).");
                }
                if (fields.containsKey(name) || files.containsKey(name)) {
                    throw new WebException(400, name, "The field '" + name + "' is given twice.");
                }
                String fileName = p.getFileName();
                if (fileName != null) {
                    if (fileName.isEmpty() && p.getLength() == 0) {
                        continue; // a file input left empty in a browser form
                    }
                    if (!fileFields.contains(name)) {
                        throw new WebException(400, name, "The field '" + name + "' is not a file input of this model"
                                + " (its files are " + String.join(", ", fileFields) + ").");
                    }
                    if (p.getLength() > o.maxFileBytes()) {
                        throw new WebException(413, name, "The '" + name + "' file is larger than the "
                                + WebOptions.mb(o.maxFileBytes()) + " a file may have (--max-file-mb).");
                    }
                    if (p.getLength() == 0) {
                        throw new WebException(400, name, "The '" + name + "' file (" + safeName(fileName, name)
                                + ") is empty.");
                    }
                    unzipBudget = store(p, name, safeName(fileName, name), o, unzipBudget);
                } else {
                    if (p.getLength() > MAX_FIELD) {
                        throw new WebException(400, name, "The field '" + name + "' is longer than " + MAX_FIELD
                                + " characters.");
                    }
                    String v = p.getContentAsString(StandardCharsets.UTF_8).trim();
                    if (!v.isEmpty()) {
                        fields.put(name, v);
                    }
                }
            }
        } finally {
            all.close();
        }
        delete(parts);
    }

    /** Moves a file part into {@code <dir>/<field>/}, unpacking a zip; returns the unzip budget left. */
    private long store(MultiPart.Part p, String field, String fileName, WebOptions o, long budget)
            throws IOException, WebException {
        Path folder = Files.createDirectory(dir.resolve(field));
        Path file = folder.resolve(fileName);
        p.writeTo(file);
        names.put(field, fileName);
        if (!SafeZip.isZip(file)) {
            files.put(field, file);
            return budget;
        }
        Path unpacked = Files.createDirectory(folder.resolve("unzipped"));
        long left = SafeZip.unpack(file, unpacked, field, fileName, o, budget);
        Files.delete(file);
        files.put(field, content(unpacked));
        return left;
    }

    /**
     * What an unpacked zip stands for: down through folders that hold a single folder, then the single image header
     * or single file there, or else the folder itself (a DICOM series).
     */
    static Path content(Path folder) throws IOException {
        Path f = folder;
        while (true) {
            List<Path> entries;
            try (Stream<Path> s = Files.list(f)) {
                entries = s.filter(x -> !x.getFileName().toString().startsWith(".")
                        && !x.getFileName().toString().equals("__MACOSX")).toList();
            }
            if (entries.size() == 1 && Files.isDirectory(entries.get(0))) {
                f = entries.get(0);
                continue;
            }
            List<Path> headers = entries.stream().filter(x -> {
                String n = x.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                return n.endsWith(".nii") || n.endsWith(".nii.gz") || n.endsWith(".nrrd") || n.endsWith(".nhdr")
                        || n.endsWith(".hdr") || n.endsWith(".hdr.gz");
            }).toList();
            if (headers.size() == 1) {
                return headers.get(0);
            }
            if (entries.size() == 1) {
                return entries.get(0);
            }
            return f;
        }
    }

    /**
     * A safe file name of an upload: its last path segment, characters outside {@code [A-Za-z0-9._-]} replaced,
     * never hidden, at most 100 characters, keeping the extensions the readers recognise.
     */
    static String safeName(String uploaded, String field) {
        String n = uploaded.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.length() > 100) {
            n = n.substring(n.length() - 100);
        }
        return n.isEmpty() || n.equals("unzipped") ? field + ".upload" : n;
    }

    /**
     * A message with this upload's paths replaced by the field and file name, so that a reader's message names what
     * the user sent and never the server's folders.
     */
    String describe(String message) {
        String m = message == null ? "" : message;
        for (Map.Entry<String, String> e : names.entrySet()) {
            String field = e.getKey();
            String label = "'" + field + "' (" + e.getValue() + ")";
            Path folder = dir.resolve(field);
            if (files.containsKey(field)) {
                m = m.replace(files.get(field).toString(), label);
            }
            m = m.replace(folder.resolve("unzipped").toString(), label);
            m = m.replace(folder.toString(), label);
        }
        return m.replace(dir.toString(), "the upload");
    }

    /** Deletes the request's folder and everything in it. */
    @Override
    public void close() {
        delete(dir);
    }

    static void delete(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete a request folder", e);
        }
    }
}
