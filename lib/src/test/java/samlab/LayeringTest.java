package samlab;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, enforced: each rule fails when a lower layer imports a
 * higher one. Known violations that need more than a local change are listed as named exceptions
 * below, each with the fix it waits for; removing one makes the rule strict for it.
 */
class LayeringTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("samlab");

    // ---- known exceptions (issue 14, "Layering made true and enforced") ----

    /**
     * Results implement the root interface {@code samlab.Tabular} ("results are tables"); it lives
     * in the root package with {@code Samlab} (version). Allowed for landscape as the results-as-tables
     * contract; moving Tabular and Samlab to a base package would turn this into an ordinary layer
     * ({@code Course}, the notebooks' entry point, moved to the edge package samlab.course).
     */
    static final DescribedPredicate<JavaClass> TABULAR = type(Tabular.class);

    @Test
    void layersPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("samlab.cli..")
                .layer("course").definedBy("samlab.course..")
                .layer("plot").definedBy("samlab.plot..")
                .layer("console").definedBy("samlab.console..")
                .layer("experiments").definedBy("samlab.experiments..")
                .layer("train").definedBy("samlab.train..")
                .layer("data").definedBy("samlab.data..")
                .layer("optim").definedBy("samlab.optim..")
                .layer("nn").definedBy("samlab.nn..")
                .layer("landscape").definedBy("samlab.landscape..")
                .layer("io").definedBy("samlab.io..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("course").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("plot").mayOnlyBeAccessedByLayers("course", "cli")
                .whereLayer("console").mayOnlyBeAccessedByLayers("cli", "course") // Course.progress() outside a kernel
                .whereLayer("experiments").mayOnlyBeAccessedByLayers("cli", "course")
                .whereLayer("train").mayOnlyBeAccessedByLayers("experiments", "cli", "course")
                .whereLayer("data").mayOnlyBeAccessedByLayers("train", "experiments", "cli", "course")
                .whereLayer("optim").mayOnlyBeAccessedByLayers("train", "experiments", "cli", "course")
                .whereLayer("nn").mayOnlyBeAccessedByLayers("train", "experiments", "cli", "course")
                .whereLayer("landscape").mayOnlyBeAccessedByLayers("optim", "train", "experiments", "plot", "course", "cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("data", "train", "experiments", "plot", "course", "cli")
                .because("layers point one way: the edge (cli, course, plot, console display) uses the library, never the reverse")
                .check(MAIN);
    }

    @Test
    void landscapeIsPlainJavaOnItsOwn() {
        classes().that().resideInAPackage("samlab.landscape..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("samlab.landscape..", "samlab.progress", "java..",
                        "tech.tablesaw..").or(TABULAR))
                .because("landscape is the theory on plain double[]: the JDK, Tablesaw result tables and the progress "
                        + "listener API, nothing else of samlab")
                .check(MAIN);
    }

    @Test
    void onlyPlotTouchesXChartAndOnlyTheTrainingStackTouchesNd4j() {
        noClasses().that().resideOutsideOfPackages("samlab.plot..")
                .should().dependOnClassesThat().resideInAPackage("org.knowm.xchart..")
                .because("charts are built in samlab.plot only").check(MAIN);
        noClasses().that().resideInAnyPackage("samlab.landscape..", "samlab.plot..", "samlab.course..", "samlab.io..",
                        "samlab.progress..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
                .because("only optim, nn, train, data (and the edge that drives them) touch ND4J").check(MAIN);
    }

    @Test
    void algorithmsReportProgressToTheSinkTheyAreGiven() {
        noClasses().that().resideInAnyPackage("samlab.landscape..", "samlab.data..", "samlab.train..", "samlab.optim..",
                        "samlab.nn..", "samlab.experiments..", "samlab.io..", "samlab.progress..")
                .should().dependOnClassesThat().resideInAnyPackage("samlab.console..", "samlab.jupyter..")
                .orShould().dependOnClassesThat(describe("samlab.course.Course", c -> c.getName().startsWith("samlab.course.Course")))
                .because("the edge decides where progress goes (console bars, the notebook display): the library "
                        + "receives a samlab.progress.ProgressSink and reaches no display or global sink")
                .check(MAIN);
    }

    @Test
    void theProgressApiIsOnlyTheListener() {
        classes().that().resideInAPackage("samlab.progress..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("samlab.progress..", "java.."))
                .because("samlab.progress is the listener API every layer may use (like SLF4J's API): no display, no dependencies")
                .check(MAIN);
        classes().that().resideInAPackage("samlab.progress..").and().arePublic()
                .should().beInterfaces()
                .because("samlab.progress holds interfaces only: no global holder, no implementation")
                .check(MAIN);
        noFields().that().areDeclaredInClassesThat().resideInAPackage("samlab.progress..")
                .should().beStatic()
                .because("a static field in the listener API would be a global sink again")
                .allowEmptyShould(true) // today samlab.progress declares no field at all
                .check(MAIN);
    }

    @Test
    void theNotebookApiIsNotUsedByTheLibrary() {
        noClasses().that().resideInAPackage("samlab.*..")
                .and(describe("are not Course itself", c -> !c.getName().startsWith("samlab.course.Course$")))
                .should().dependOnClassesThat(describe("samlab.course.Course", c -> c.getName().equals("samlab.course.Course")))
                .because("samlab.course.Course is the notebooks' entry point (notebook mode, claims), at the edge")
                .check(MAIN);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("samlab.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
