package samlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** Guards the dependency pin: with DL4J's fastutil 6 on the classpath, Tablesaw selections fail. */
class TablesawClasspathTest {
    @Test
    void selectionsWorkNextToDl4j() throws Exception {
        Class.forName("org.deeplearning4j.nn.graph.ComputationGraph"); // DL4J is on this classpath
        Table t = Table.create("t", DoubleColumn.create("rho", 0.01, 0.1, 1.0, 2.0));
        Table big = t.where(t.doubleColumn("rho").isGreaterThan(0.5));
        assertEquals(2, big.rowCount());
        assertEquals(1.0, big.doubleColumn("rho").get(0));
    }
}
