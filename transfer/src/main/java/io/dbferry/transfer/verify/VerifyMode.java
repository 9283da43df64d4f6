package io.dbferry.transfer.verify;

import java.util.Locale;

/** How thoroughly {@code verify} compares the source with the target (issue 7). */
public enum VerifyMode {
    /** Row counts per table, source against target: the floor, and what {@code migrate} runs by default. */
    COUNTS,
    /**
     * Row counts, then the content of every row in its canonical form, hashed per chunk of primary-key range;
     * differing chunks are split until the differing rows are found (the default of {@code verify}).
     */
    CHECKSUM;

    /**
     * The mode as the command line spells it.
     *
     * @return {@code counts} or {@code checksum}, never null
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
