package io.dbferry.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads dbferry's version from the jar manifest ({@code Implementation-Version}). */
public final class VersionProvider implements IVersionProvider {

    /**
     * The version lines for {@code --version}.
     *
     * @return never null; "dbferry (development build)" when not run from the packaged jar
     */
    @Override
    public String[] getVersion() {
        String version = DbferryCommand.class.getPackage().getImplementationVersion();
        return new String[] {"dbferry " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version()};
    }
}
