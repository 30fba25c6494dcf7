package org.nacrad.io;

/** nacrad's version: the jar manifest's Implementation-Version, or "dev" when run from classes. */
public final class Version {

    private Version() {
    }

    /** The version string. */
    public static String nacrad() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
