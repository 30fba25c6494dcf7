package org.nacrad.extraction;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.nacrad.io.AtomicFile;
import org.nacrad.io.Sha256;

/**
 * One file per case in a folder ({@code <id>.json}, each written atomically): the study's feature cache. An id that
 * is not a plain file name (path separators, a leading dot, control characters, over 100 characters) is stored under
 * the SHA-256 of the id instead, so no id can write outside the folder.
 */
public final class DirectoryStore implements CaseStore {

    private final Path dir;

    public DirectoryStore(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        AtomicFile.removeLeftovers(dir);
    }

    @Override
    public StoredCase find(String id) throws IOException, StoredCase.DamagedException {
        Path f = file(id);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new StoredCase.DamagedException(f + ": not text");
        }
        try {
            StoredCase c = StoredCase.parse(text.strip());
            if (!c.row().id().equals(id)) {
                throw new StoredCase.DamagedException(f + ": holds case " + c.row().id() + ", not " + id);
            }
            return c;
        } catch (StoredCase.DamagedException e) {
            throw new StoredCase.DamagedException(f + ": " + e.getMessage());
        }
    }

    @Override
    public void save(StoredCase c) throws IOException {
        AtomicFile.writeString(file(c.row().id()), c.toJson() + "\n");
    }

    /** The entry file of an id. */
    Path file(String id) {
        boolean plain = id.length() <= 100 && id.matches("[A-Za-z0-9_+=@,-][A-Za-z0-9._+=@,-]*");
        return dir.resolve((plain ? id : "id-" + Sha256.ofText(id)) + ".json");
    }
}
