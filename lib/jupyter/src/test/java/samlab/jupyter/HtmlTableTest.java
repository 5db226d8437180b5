package samlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTableTest {
    static Table squares(int n) {
        int[] k = new int[n];
        int[] sq = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = i;
            sq[i] = i * i;
        }
        return Table.create("squares", IntColumn.create("k", k), IntColumn.create("k^2", sq));
    }

    static int count(String html, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int c = 0;
        while (m.find()) c++;
        return c;
    }

    @Test
    void shortTableIsShownWhole() {
        String html = HtmlTable.html(squares(3));
        assertTrue(html.contains("<caption>squares: 3 rows \u00d7 2 columns</caption>"), html);
        assertTrue(html.contains("<th>k</th><th>k^2</th>"), html);
        assertTrue(html.contains("<tr><td style=\"white-space:nowrap\">2</td><td>4</td></tr>"), html);
        assertEquals(1 + 3, count(html, "<tr>"));
        assertFalse(html.contains("showing"), html);
    }

    @Test
    void longTableShowsHeadTailAndTheFullRowCount() {
        String html = HtmlTable.html(squares(1000), 9);
        assertTrue(html.contains("1,000 rows \u00d7 2 columns (showing first 6 and last 3)"), html);
        assertTrue(html.contains("<tr><td style=\"white-space:nowrap\">5</td><td>25</td></tr>"), html);      // last head row
        assertFalse(html.contains("<tr><td style=\"white-space:nowrap\">6</td><td>36</td></tr>"), html);     // first hidden row
        assertTrue(html.contains("<tr><td style=\"white-space:nowrap\">997</td><td>994009</td></tr>"), html); // first tail row
        assertTrue(html.contains("<tr><td style=\"white-space:nowrap\">999</td><td>998001</td></tr>"), html);
        assertEquals(1 + 6 + 1 + 3, count(html, "<tr>"));                       // header, head, ellipsis, tail
    }

    @Test
    void defaultLimitKeepsTwentyRows() {
        assertEquals(1 + 20, count(HtmlTable.html(squares(20)), "<tr>"));
        assertEquals(1 + 14 + 1 + 6, count(HtmlTable.html(squares(21)), "<tr>"));
    }

    @Test
    void cellsAndNamesAreEscaped() {
        Table t = Table.create("a<b", StringColumn.create("s", "<script>&\"x\""));
        String html = HtmlTable.html(t);
        assertTrue(html.contains("a&lt;b: 1 row \u00d7 1 column"), html);
        assertTrue(html.contains(">&lt;script&gt;&amp;&quot;x&quot;</td>"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void tooSmallLimitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> HtmlTable.html(squares(3), 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HtmlTable.html(squares(3), 5, 0));
        assertTrue(e.getMessage().contains("significantDigits 0"), e.getMessage());
    }

    @Test
    void significantDigitsRoundAndDropTrailingZeros() {
        assertEquals("-1.44", HtmlTable.significant(-1.4400000000000002, 4));    // 1.44 + 2.2e-16 noise
        assertEquals("0.001466", HtmlTable.significant(0.0014661234, 4));
        assertEquals("2.247", HtmlTable.significant(2.24708056640625, 4));
        assertEquals("0.02332", HtmlTable.significant(0.02332318115234375, 4));
        assertEquals("100", HtmlTable.significant(100.0, 4));
        assertEquals("1.235e+06", HtmlTable.significant(1234567, 4));          // past 10^4: scientific
        assertEquals("1e-05", HtmlTable.significant(0.00001, 4));
        assertEquals("0", HtmlTable.significant(-0.0, 4));
        assertEquals("NaN", HtmlTable.significant(Double.NaN, 4));
        assertEquals("0.3333333", HtmlTable.significant(1.0 / 3, 7));
    }

    @Test
    void doubleCellsAreRoundedAndTheVerdictComesSecond() {
        Table t = Table.create("runs", StringColumn.create("run", "sam-rho10.0-seed1"),
                DoubleColumn.create("final_train_loss", 2.24708056640625),
                DoubleColumn.create("grad_ratio", 0.0062547),
                StringColumn.create("verdict", "HALLUCINATED"));
        String html = HtmlTable.html(t);
        assertTrue(html.contains("<th>run</th><th>verdict</th><th>final_train_loss</th><th>grad_ratio</th>"), html);
        assertTrue(html.contains("<tr><td style=\"white-space:nowrap\">sam-rho10.0-seed1</td><td>HALLUCINATED</td>"
                + "<td>2.247</td><td>0.006255</td></tr>"), html);
        assertEquals(2.24708056640625, t.doubleColumn("final_train_loss").get(0)); // the table keeps full precision
    }

    @Test
    void doubleCellsOfATableAreRoundedInTheHtml() {
        Table t = Table.create("grid", tech.tablesaw.api.DoubleColumn.create("x", new double[] {-1.4400000000000002, 0.11853641318399988}),
                tech.tablesaw.api.FloatColumn.create("y", new float[] {0.1f}).append(0.30000001f));
        String html = HtmlTable.html(t);
        assertTrue(html.contains(">-1.44<") && html.contains(">0.1185<") && html.contains(">0.3<"), html);
        assertTrue(!html.contains("1.4400000000000002") && !html.contains("0.30000001"), html);
    }
}
