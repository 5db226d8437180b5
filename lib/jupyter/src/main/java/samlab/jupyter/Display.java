package samlab.jupyter;

import java.util.UUID;

/**
 * Shows values from inside a cell, beside its final value: {@code display(chart)} for a second
 * chart, {@code updateDisplay(id, x)} to redraw an output in place. The kernel imports both
 * statically (as IJava/JJava do). Outside the kernel the value's text goes to standard output.
 */
public final class Display {
    private Display() {}

    /**
     * Shows {@code value} as a new output of the running cell (as {@link NotebookDisplay} renders it).
     *
     * @return the output's display id, for {@link #updateDisplay}
     */
    public static String display(Object value) {
        String id = UUID.randomUUID().toString();
        show(value, id, false);
        return id;
    }

    /**
     * Replaces the output {@code displayId} (from {@link #display}) with {@code value}; outside a
     * kernel, prints the value's text form.
     *
     * @param displayId the id {@link #display} returned
     * @param value     the new content (a chart, table, figure or any object)
     * @throws IllegalArgumentException if {@code displayId} is null
     */
    public static void updateDisplay(String displayId, Object value) {
        if (displayId == null) throw new IllegalArgumentException("displayId must not be null");
        show(value, displayId, true);
    }

    private static void show(Object value, String id, boolean update) {
        SamlabKernel kernel = SamlabKernel.running();
        NotebookDisplay.Bundle bundle = NotebookDisplay.of(value);
        if (kernel == null) {
            System.out.println(bundle.data().get(NotebookDisplay.TEXT));
        } else {
            kernel.publish(bundle, id, update);
        }
    }
}
