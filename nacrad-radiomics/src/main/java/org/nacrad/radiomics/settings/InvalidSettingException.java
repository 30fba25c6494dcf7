package org.nacrad.radiomics.settings;

/**
 * A setting value that its {@link Setting} refuses. The message is one line starting with the setting's name (and
 * list index), e.g. {@code distances[1]: must be > 0, got 0}; a parameter file puts its file name and section in
 * front.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }
}
