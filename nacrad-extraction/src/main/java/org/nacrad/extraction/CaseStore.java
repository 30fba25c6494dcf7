package org.nacrad.extraction;

import java.io.IOException;

/**
 * Where {@link CaseRunner} keeps finished cases so that a rerun resumes: the study's per-case cache folder
 * ({@link DirectoryStore}) or the batch's journal and previous output ({@link FeatureTableStore}). Implementations
 * are safe for concurrent use.
 */
public interface CaseStore {

    /**
     * The stored result of a case, or null when there is none.
     *
     * @throws StoredCase.DamagedException there is an entry but it cannot be used (cut short, changed, older format)
     */
    StoredCase find(String id) throws IOException, StoredCase.DamagedException;

    /** Keeps a finished case (replacing any entry of that id); it is on disk when this returns. */
    void save(StoredCase c) throws IOException;
}
