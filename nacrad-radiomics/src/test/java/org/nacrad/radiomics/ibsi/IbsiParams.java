package org.nacrad.radiomics.ibsi;

import java.io.IOException;
import java.nio.file.Path;

/** The shipped IBSI parameter files ({@code params/ibsi-*.yaml} of the repository). */
final class IbsiParams {

    private IbsiParams() {
    }

    static Path file(String name) {
        return Path.of("..", "params", name);
    }

    static IbsiSettings settings(String name) throws IOException {
        return IbsiParameters.read(file(name));
    }
}
