package org.tracelab.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.ingest.CaseEntities;
import org.tracelab.core.search.CaseQueryParser;
import org.tracelab.core.testing.FuzzContract;

/**
 * The search front end on any bytes typed as a query (read as UTF-8, invalid sequences included): a query or a {@code QuerySyntaxException} pointing at the fault, nothing else.
 * Seeds: {@code src/test/resources/org/tracelab/core/fuzz/QueryParserFuzzTestInputs/}.
 */
class QueryParserFuzzTest {
    private static final CaseQueryParser PARSER = new CaseQueryParser(IndexFields.analyzer(), new CaseEntities("UZ"));

    static {
        FuzzContract.warmUpAnalysis();
    }

    @FuzzTest
    void anyQueryParsesOrIsACleanSyntaxError(byte[] typed) {
        String query = new String(typed, StandardCharsets.UTF_8);
        FuzzContract.cleanErrorsOnly(() -> PARSER.parse(query));
    }

    /** The input is {@code TYPE\nVALUE}, as given to {@code search --entity TYPE:VALUE}. */
    @FuzzTest
    void anyEntityFilterParsesOrIsACleanError(byte[] typed) {
        String[] parts = new String(typed, StandardCharsets.UTF_8).split("\n", 2);
        String value = parts.length > 1 ? parts[1] : "";
        FuzzContract.cleanErrorsOnly(() -> PARSER.entityQuery(parts[0], value));
    }
}
