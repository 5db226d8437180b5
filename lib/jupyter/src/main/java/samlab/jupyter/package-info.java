/**
 * The course's Jupyter kernel (JShell on jjava-jupyter) and the notebook display: charts, tables,
 * progress.
 *
 * <p>Entry points: {@link samlab.jupyter.SamlabKernel} (the kernel's main class);
 * {@link samlab.jupyter.KernelSpec} (generates {@code kernel.json} and the init script at build
 * time); {@link samlab.jupyter.Display} ({@code display}/{@code updateDisplay} from a cell);
 * {@link samlab.jupyter.NotebookDisplay} (how a chart, figure or table becomes a MIME bundle, PNG
 * at the chart's own size); {@link samlab.jupyter.HtmlTable}; {@link samlab.jupyter.NotebookProgress}
 * (the progress sink the kernel installs) and {@link samlab.jupyter.ProgressView} (one frame of it).
 */
package samlab.jupyter;
