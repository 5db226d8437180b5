package samlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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
        assertTrue(html.contains("<tr><td>2</td><td>4</td></tr>"), html);
        assertEquals(1 + 3, count(html, "<tr>"));
        assertFalse(html.contains("showing"), html);
    }

    @Test
    void longTableShowsHeadTailAndTheFullRowCount() {
        String html = HtmlTable.html(squares(1000), 9);
        assertTrue(html.contains("1,000 rows \u00d7 2 columns (showing first 6 and last 3)"), html);
        assertTrue(html.contains("<tr><td>5</td><td>25</td></tr>"), html);      // last head row
        assertFalse(html.contains("<tr><td>6</td><td>36</td></tr>"), html);     // first hidden row
        assertTrue(html.contains("<tr><td>997</td><td>994009</td></tr>"), html); // first tail row
        assertTrue(html.contains("<tr><td>999</td><td>998001</td></tr>"), html);
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
        assertTrue(html.contains("<td>&lt;script&gt;&amp;&quot;x&quot;</td>"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void tooSmallLimitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> HtmlTable.html(squares(3), 1));
    }
}
