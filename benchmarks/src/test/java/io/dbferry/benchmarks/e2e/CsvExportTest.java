package io.dbferry.benchmarks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** CSV fields as PostgreSQL's COPY … (FORMAT csv) reads them back. */
class CsvExportTest {

    @Test
    void writesNullAsNothingAndTextAlwaysQuoted() throws IOException {
        assertThat(field(null)).isEmpty();
        assertThat(field("")).isEqualTo("\"\"");
        assertThat(field("say \"hi\",\nbye")).isEqualTo("\"say \"\"hi\"\",\nbye\"");
    }

    @Test
    void writesNumbersInTheirShortestExactForm() throws IOException {
        assertThat(field(42L)).isEqualTo("42");
        assertThat(field(25.8091000835362)).isEqualTo("25.8091000835362");
        assertThat(field(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    private static String field(Object value) throws IOException {
        StringWriter out = new StringWriter();
        CsvExport.writeValue(out, value);
        return out.toString();
    }
}
