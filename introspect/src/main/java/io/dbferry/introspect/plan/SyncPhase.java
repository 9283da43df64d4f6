package io.dbferry.introspect.plan;

/**
 * The phases of a sync plan, in the order they run. Keys, indexes and foreign keys come after the data, which loads
 * faster without them and is then checked once; views after the tables they read; identity sequences after the
 * data, so they continue past the largest loaded value.
 */
public enum SyncPhase {
    /** Create the schema and tables; bring existing tables' columns and constraints in line. */
    TABLES("create the schema and tables, alter existing tables"),
    /** The data: loaded by {@code dbferry migrate}, not by the plan. */
    DATA("data (loaded by dbferry migrate, not by this script)"),
    /** Primary keys, UNIQUE and CHECK constraints, indexes. */
    KEYS_AND_INDEXES("primary keys, unique and check constraints, indexes"),
    /** Foreign keys, once every table they link is keyed. */
    FOREIGN_KEYS("foreign keys"),
    /** Views, each after the views it reads. */
    VIEWS("views"),
    /** Identity sequences restarted past the loaded values. */
    SEQUENCES("identity sequences");

    private final String title;

    SyncPhase(String title) {
        this.title = title;
    }

    /**
     * What the phase does, as the rendered script's comment says it.
     *
     * @return never null
     */
    public String title() {
        return title;
    }
}
