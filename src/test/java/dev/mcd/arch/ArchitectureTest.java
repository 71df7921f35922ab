package dev.mcd.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the package table of DESIGN.md true of the compiled code, e.g. {@code expr} imports the
 * JDK only and {@code print} never imports {@code verify} (DESIGN.md, "The pipeline").
 */
class ArchitectureTest {

    private static final String BASE = "dev.mcd";

    /** The JDK, which every package may use. */
    private static final List<String> JDK = List.of("java..", "javax..");

    /** All top-level packages, loosest dependencies last (expr ← calculus ← print/verify ← web ← site ← cli). */
    private static final List<String> PACKAGES = table().map(Row::pkg).toList();

    /**
     * One row of DESIGN.md's table: the project packages it may import, and the third-party
     * packages it may use, where {@code anyLibrary} lifts that limit (site and cli glue libraries).
     */
    record Row(String pkg, List<String> mayImport, List<String> libraries, boolean anyLibrary) {
        @Override
        public String toString() {
            return pkg;
        }
    }

    static Stream<Row> table() {
        return Stream.of(
                new Row("expr", List.of(), List.of(), false),
                new Row("calculus", List.of("expr"), List.of(), false),
                new Row("print", List.of("expr", "calculus"), List.of(), false),
                new Row("verify", List.of("expr", "calculus"), List.of("org.ejml.."), false),
                new Row("web", List.of("expr", "calculus", "print", "verify"), List.of("org.teavm.jso..", "org.teavm.model..", "org.teavm.vm.spi.."), false),
                new Row("site", List.of("expr", "calculus", "print", "verify", "web"), List.of(), true),
                new Row("cli", List.of("expr", "calculus", "print", "verify", "web", "site"), List.of(), true));
    }

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void importsTheMainCode() {
        // Guards every rule below against passing on an empty import (wrong path or package).
        assertTrue(main.contain(BASE + ".expr.Expr"), "dev.mcd.expr.Expr was not imported");
        assertTrue(main.contain(BASE + ".cli.Main"), "dev.mcd.cli.Main was not imported");
    }

    @Test
    void everyTopLevelPackageHasARowInTheTable() {
        // A new package (or a class straight in dev.mcd) must be placed in DESIGN.md's table first.
        List<String> unplaced = main.stream()
                .map(JavaClass::getPackageName)
                .map(p -> p.equals(BASE) ? "" : p.substring(BASE.length() + 1).split("\\.")[0])
                .filter(top -> !PACKAGES.contains(top))
                .distinct()
                .sorted()
                .toList();
        assertTrue(unplaced.isEmpty(), "packages missing from the table: " + unplaced);
    }

    @ParameterizedTest(name = "{0} imports only the packages before it")
    @MethodSource("table")
    void importsOnlyTheProjectPackagesItMay(Row row) {
        List<String> forbidden = PACKAGES.stream()
                .filter(p -> !p.equals(row.pkg()) && !row.mayImport().contains(p))
                .map(p -> BASE + "." + p + "..")
                .toList();
        noClasses().that().resideInAPackage(BASE + "." + row.pkg() + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("DESIGN.md lets " + row.pkg() + " import only " + row.mayImport())
                .allowEmptyShould(true)
                .check(main);
    }

    @ParameterizedTest(name = "{0} uses only the JDK and its listed libraries")
    @MethodSource("table")
    void usesOnlyItsLibraries(Row row) {
        if (row.anyLibrary()) {
            return;
        }
        List<String> allowed = new ArrayList<>(JDK);
        allowed.add(BASE + "." + row.pkg() + "..");
        row.mayImport().forEach(p -> allowed.add(BASE + "." + p + ".."));
        allowed.addAll(row.libraries());
        classes().that().resideInAPackage(BASE + "." + row.pkg() + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .because("DESIGN.md lets " + row.pkg() + " use the JDK" + (row.libraries().isEmpty()
                        ? " only" : " and " + row.libraries()))
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void printAndVerifyDoNotKnowEachOther() {
        noClasses().that().resideInAPackage(BASE + ".print..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".verify..")
                .allowEmptyShould(true)
                .check(main);
        noClasses().that().resideInAPackage(BASE + ".verify..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".print..")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void nothingDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackage(BASE + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".cli..")
                .check(main);
    }

    /**
     * The site's subpackages (ARCHITECTURE.md, "The site's packages") and those each may not import:
     * the stages run load, directive, render, then publish; the engine and KaTeX serve them and know
     * none of them; publish writes bytes and knows no page; the preview serves built files and builds
     * through its Rebuilder, so it knows no stage, and only it (and the cli) knows serve; the build
     * daemon carries command lines to the cli's build and knows none of the site's packages.
     */
    static Stream<SiteRow> siteTable() {
        return Stream.of(
                new SiteRow("site.load", List.of("site.render", "site.serve")),
                new SiteRow("site.directive", List.of("site.serve")),
                new SiteRow("site.render", List.of("site.serve")),
                new SiteRow("site.publish", List.of("site.load", "site.directive", "site.render", "site.engine", "site.katex",
                        "site.serve")),
                new SiteRow("site.engine", List.of("site.load", "site.directive", "site.render", "site.katex", "site.serve")),
                new SiteRow("site.katex", List.of("site.load", "site.directive", "site.render", "site.serve")),
                new SiteRow("site.serve", List.of("site.load", "site.directive", "site.render")),
                new SiteRow("site.daemon", List.of("site.load", "site.directive", "site.render", "site.publish", "site.engine",
                        "site.katex", "site.serve")));
    }

    /** A subpackage of site and the site packages it must not import (all share the vocabulary of site itself). */
    record SiteRow(String pkg, List<String> mustNotImport) {
        @Override
        public String toString() {
            return pkg;
        }
    }

    @Test
    void everySiteSubpackageHasARow() {
        var known = siteTable().map(SiteRow::pkg).toList();
        List<String> unplaced = main.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(BASE + ".site."))
                .map(p -> "site." + p.substring((BASE + ".site.").length()).split("\\.")[0])
                .filter(p -> !known.contains(p))
                .distinct()
                .sorted()
                .toList();
        assertTrue(unplaced.isEmpty(), "site packages missing from the table: " + unplaced);
    }

    @ParameterizedTest(name = "{0} imports none of the site packages after it")
    @MethodSource("siteTable")
    void siteStagesImportOnlyEarlierOnes(SiteRow row) {
        noClasses().that().resideInAPackage(BASE + "." + row.pkg() + "..")
                .should().dependOnClassesThat().resideInAnyPackage(row.mustNotImport().stream()
                        .map(p -> BASE + "." + p + "..").toArray(String[]::new))
                .because("ARCHITECTURE.md keeps " + row.pkg() + " free of " + row.mustNotImport())
                .check(main);
    }

    @Test
    void onlyThePreviewKnowsServe() {
        noClasses().that().resideOutsideOfPackages(BASE + ".site.serve..", BASE + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".site.serve..")
                .check(main);
    }

    @Test
    void onlyTheCliKnowsTheDaemon() {
        noClasses().that().resideOutsideOfPackages(BASE + ".site.daemon..", BASE + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".site.daemon..")
                .check(main);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        // "(*).." puts dev.mcd.site.render and dev.mcd.site into the one slice "site"; its stages are ordered by siteTable.
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(main);
    }
}
