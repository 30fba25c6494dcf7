package org.nacrad.extraction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.nacrad.io.Sha256;
import org.nacrad.radiomics.PythonRepr;

/**
 * A successful case row kept for reuse, with the key it was computed under ({@link CaseExtractor#key}) and a
 * SHA-256 of its own content, so a truncated, edited or otherwise damaged entry is recognised and never reused.
 *
 * <p>Stored as one line of JSON: {@code {"format":"nacrad-case/1","key":…,"id":…,"parameter_hash":…,
 * "nacrad_version":…,"inputs":{role:sha256},"diagnostics":{…},"features":{name:"value"},"sha256":…}}. Feature
 * values are written in Python's shortest round-trip form ({@code 0.1}, {@code nan}, {@code inf}), so they read back
 * as the same doubles bit for bit.
 */
public record StoredCase(String key, CaseRow row) {

    /** The format tag of a stored case. */
    public static final String FORMAT = "nacrad-case/1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public StoredCase {
        if (!row.ok()) {
            throw new IllegalArgumentException("only successful rows are stored, not " + row.id() + ": " + row.error());
        }
    }

    /** A stored entry that cannot be used, with the reason. */
    public static final class DamagedException extends Exception {
        private static final long serialVersionUID = 1L;

        public DamagedException(String message) {
            super(message);
        }
    }

    /** The entry as one line of JSON (no line break). */
    public String toJson() {
        Map<String, Object> m = content();
        m.put("sha256", sha256(m));
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of the entry's content, independent of the order of its maps. */
    public String sha256() {
        return sha256(content());
    }

    /** Reads an entry written by {@link #toJson()}, verifying its format and checksum. */
    public static StoredCase parse(String json) throws DamagedException {
        Map<String, Object> m;
        try {
            m = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new DamagedException(json.startsWith("key,") ? "written by an older nacrad (cache format 0)"
                    : "not a complete entry (cut short?)");
        }
        if (m == null || !FORMAT.equals(m.get("format"))) {
            throw new DamagedException("not a stored case of format " + FORMAT);
        }
        Object sum = m.remove("sha256");
        StoredCase c;
        try {
            c = fromContent(m);
        } catch (RuntimeException e) {
            throw new DamagedException("malformed entry (" + e.getMessage() + ")");
        }
        if (!c.sha256().equals(sum)) {
            throw new DamagedException("checksum mismatch: the entry was changed or cut short");
        }
        return c;
    }

    private Map<String, Object> content() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("key", key);
        m.put("id", row.id());
        m.put("parameter_hash", row.parameterHash());
        m.put("nacrad_version", row.nacradVersion());
        m.put("inputs", row.inputChecksums());
        m.put("diagnostics", row.diagnostics());
        Map<String, String> f = new LinkedHashMap<>();
        row.features().forEach((k, v) -> f.put(k, PythonRepr.ofDouble(v)));
        m.put("features", f);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static StoredCase fromContent(Map<String, Object> m) {
        Map<String, Double> f = new LinkedHashMap<>();
        ((Map<String, String>) m.get("features")).forEach((k, v) -> f.put(k, parseDouble(v)));
        CaseRow row = new CaseRow((String) m.get("id"), f, (Map<String, String>) m.get("diagnostics"), null,
                (Map<String, String>) m.get("inputs"), (String) m.get("nacrad_version"),
                (String) m.get("parameter_hash"));
        return new StoredCase((String) m.get("key"), row);
    }

    private static String sha256(Map<String, Object> content) {
        Map<String, Object> sorted = new TreeMap<>(content);
        try {
            return Sha256.ofText(CANONICAL.writeValueAsString(sorted));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a value written by {@link PythonRepr#ofDouble}: a decimal number, {@code nan}, {@code inf}, {@code -inf}. */
    public static double parseDouble(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }
}
